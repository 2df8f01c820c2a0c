// Finds blobs no version of their workspace references, and deletes them when asked. A blob is
// only a candidate after a grace period: AI-apply stores blobs before the commit that references
// them, so a young unreferenced blob may belong to a commit in flight.
import type { Db } from "@/lib/db/client";
import type { ObjectStorage } from "@/lib/storage/types";
import { parseManifest } from "@/lib/versions/manifest";

export const BLOB_SWEEP_GRACE_MS = 24 * 60 * 60 * 1000;

export interface UnreferencedBlob {
  id: string;
  workspaceId: string;
  sha256: string;
  key: string;
  size: number;
}

export interface SweepScan {
  scanned: number;
  unreferenced: UnreferencedBlob[];
  bytes: number;
}

async function referencedHashes(db: Db, workspaceId: string): Promise<Set<string>> {
  const versions = await db.version.findMany({
    where: { project: { workspaceId } },
    select: { manifest: true },
  });
  const hashes = new Set<string>();
  for (const v of versions) for (const hash of Object.values(parseManifest(v.manifest))) hashes.add(hash);
  return hashes;
}

export async function findUnreferencedBlobs(
  db: Db,
  options: { workspaceId?: string; olderThan: Date; limit?: number },
): Promise<SweepScan> {
  const blobs = await db.blob.findMany({
    where: {
      createdAt: { lt: options.olderThan },
      ...(options.workspaceId ? { workspaceId: options.workspaceId } : {}),
    },
    select: { id: true, workspaceId: true, sha256: true, key: true, size: true },
    orderBy: { createdAt: "asc" },
  });
  const byWorkspace = new Map<string, Set<string>>();
  const unreferenced: UnreferencedBlob[] = [];
  for (const blob of blobs) {
    let referenced = byWorkspace.get(blob.workspaceId);
    if (!referenced) {
      referenced = await referencedHashes(db, blob.workspaceId);
      byWorkspace.set(blob.workspaceId, referenced);
    }
    if (!referenced.has(blob.sha256)) unreferenced.push(blob);
    if (options.limit && unreferenced.length >= options.limit) break;
  }
  return { scanned: blobs.length, unreferenced, bytes: unreferenced.reduce((n, b) => n + b.size, 0) };
}

/**
 * Deletes the given blobs that are still unreferenced (checked again, just before), rows first
 * so no new commit can reuse one, then their objects. Returns what was deleted.
 */
export async function deleteUnreferencedBlobs(
  db: Db,
  storage: ObjectStorage,
  candidates: UnreferencedBlob[],
): Promise<{ deleted: number; bytes: number }> {
  const workspaces = [...new Set(candidates.map((b) => b.workspaceId))];
  let deleted = 0;
  let bytes = 0;
  for (const workspaceId of workspaces) {
    const referenced = await referencedHashes(db, workspaceId);
    const doomed = candidates.filter((b) => b.workspaceId === workspaceId && !referenced.has(b.sha256));
    if (doomed.length === 0) continue;
    await db.blob.deleteMany({ where: { id: { in: doomed.map((b) => b.id) } } });
    for (const blob of doomed) {
      await storage.delete(blob.key);
      deleted += 1;
      bytes += blob.size;
    }
  }
  return { deleted, bytes };
}
