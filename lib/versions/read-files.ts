import { readBlob } from "@/lib/projects/files";
import type { Manifest } from "./manifest";

/** Every file of a version, read from storage (in parallel). */
export async function readVersionFiles(
  workspaceId: string,
  manifest: Manifest,
): Promise<Map<string, Buffer>> {
  const entries = await Promise.all(
    Object.entries(manifest).map(
      async ([path, sha256]) => [path, await readBlob(workspaceId, sha256)] as const,
    ),
  );
  return new Map(entries);
}
