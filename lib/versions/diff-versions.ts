// The difference between two versions of a project, file by file, with both sides' text so the
// studio can show them side by side.
import { diffLines } from "diff";
import { getDb } from "@/lib/db/client";
import { readBlob } from "@/lib/projects/files";
import { diffManifests } from "./manifest";
import { findVersion } from "./queries";

/** Files larger than this are listed without their content. */
const MAX_DIFF_BYTES = 256 * 1024;

export interface FileDiff {
  path: string;
  status: "added" | "modified" | "deleted";
  before: string | null;
  after: string | null;
  linesAdded: number;
  linesRemoved: number;
  /** Content left out: binary or larger than MAX_DIFF_BYTES. */
  omitted: boolean;
}

export interface VersionDiff {
  from: { id: string; number: number };
  to: { id: string; number: number };
  files: FileDiff[];
}

export async function diffVersions(input: {
  workspaceId: string;
  projectId: string;
  from: string;
  to: string;
}): Promise<VersionDiff> {
  const db = getDb();
  const [a, b] = await Promise.all([findVersion(db, input, input.from), findVersion(db, input, input.to)]);
  const changes = diffManifests(a.manifest, b.manifest);
  const entries: Array<{ path: string; status: FileDiff["status"] }> = [
    ...changes.added.map((path) => ({ path, status: "added" as const })),
    ...changes.modified.map((path) => ({ path, status: "modified" as const })),
    ...changes.deleted.map((path) => ({ path, status: "deleted" as const })),
  ].sort((x, y) => (x.path < y.path ? -1 : 1));

  const files = await Promise.all(
    entries.map(async ({ path, status }) => {
      const [before, after] = await Promise.all([
        status === "added" ? null : readText(input.workspaceId, a.manifest[path]),
        status === "deleted" ? null : readText(input.workspaceId, b.manifest[path]),
      ]);
      const omitted = (status !== "added" && before === null) || (status !== "deleted" && after === null);
      let linesAdded = 0;
      let linesRemoved = 0;
      if (!omitted) {
        for (const part of diffLines(before ?? "", after ?? "")) {
          if (part.added) linesAdded += part.count ?? 0;
          else if (part.removed) linesRemoved += part.count ?? 0;
        }
      }
      return { path, status, before, after, linesAdded, linesRemoved, omitted };
    }),
  );
  return {
    from: { id: a.version.id, number: a.version.number },
    to: { id: b.version.id, number: b.version.number },
    files,
  };
}

async function readText(workspaceId: string, sha256: string): Promise<string | null> {
  const bytes = await readBlob(workspaceId, sha256);
  if (bytes.byteLength > MAX_DIFF_BYTES || bytes.includes(0)) return null;
  return bytes.toString("utf8");
}
