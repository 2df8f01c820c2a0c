import { getDb } from "@/lib/db/client";
import { findVersion } from "./queries";
import type { VersionSummary } from "./schemas";
import { toVersionSummary } from "./to-summary";

export interface VersionDetail extends VersionSummary {
  files: Array<{ path: string; sha256: string }>;
  problems: unknown;
  restoredFromId: string | null;
  isCurrent: boolean;
}

export async function getVersion(input: {
  workspaceId: string;
  projectId: string;
  versionId: string;
}): Promise<VersionDetail> {
  const { project, version, manifest } = await findVersion(getDb(), input, input.versionId);
  return {
    ...toVersionSummary(version),
    files: Object.entries(manifest).map(([path, sha256]) => ({ path, sha256 })),
    problems: version.problems ?? null,
    restoredFromId: version.restoredFromId,
    isCurrent: project.currentVersionId === version.id,
  };
}
