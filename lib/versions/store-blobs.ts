// Stores file contents as immutable, content-addressed blobs: once per workspace, by sha256.
// Runs before the version's transaction; a blob left over by a failed commit is unreferenced
// and is collected by the blob sweep, never read.
import type { Db } from "@/lib/db/client";
import { blobKey } from "@/lib/storage/keys";
import type { ObjectStorage } from "@/lib/storage/types";
import { type FileContent, sha256Hex } from "./manifest";

export interface StoredBlob {
  sha256: string;
  size: number;
  key: string;
}

export async function storeBlobs(
  db: Db,
  storage: ObjectStorage,
  scope: { workspaceId: string; projectId: string },
  files: FileContent[],
): Promise<Map<string, StoredBlob>> {
  const byHash = new Map<string, { content: Uint8Array; size: number }>();
  for (const file of files) {
    const hash = sha256Hex(file.content);
    if (!byHash.has(hash)) byHash.set(hash, { content: file.content, size: file.content.byteLength });
  }
  const hashes = [...byHash.keys()];
  const existing = await db.blob.findMany({
    where: { workspaceId: scope.workspaceId, sha256: { in: hashes } },
    select: { sha256: true, size: true, key: true },
  });
  const stored = new Map<string, StoredBlob>(existing.map((b) => [b.sha256, b]));

  const missing = hashes.filter((h) => !stored.has(h));
  await Promise.all(
    missing.map(async (hash) => {
      const { content, size } = byHash.get(hash)!;
      const key = blobKey(scope.workspaceId, scope.projectId, hash);
      await storage.put(key, content, { sha256: hash, contentType: "application/octet-stream" });
      stored.set(hash, { sha256: hash, size, key });
    }),
  );
  if (missing.length > 0) {
    await db.blob.createMany({
      data: missing.map((hash) => ({ workspaceId: scope.workspaceId, ...stored.get(hash)! })),
      skipDuplicates: true,
    });
  }
  return stored;
}
