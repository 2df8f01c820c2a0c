// The only place the versions domain reads versions through Prisma (commit-version writes them).
import type { Db, DbTransaction } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { findProjectRow } from "@/lib/projects/queries";
import { parseManifest } from "./manifest";

export const versionSummarySelect = {
  id: true,
  number: true,
  author: true,
  message: true,
  checkpointName: true,
  status: true,
  changes: true,
  problems: true,
  createdAt: true,
  restoredFromId: true,
  authorUser: { select: { name: true } },
} as const;

/** A version of a project of the workspace, or not_found. */
export async function findVersion(
  db: Db | DbTransaction,
  scope: { workspaceId: string; projectId: string },
  versionId: string,
) {
  const project = await findProjectRow(db, scope.workspaceId, scope.projectId);
  const version = await db.version.findFirst({
    where: { id: versionId, projectId: project.id },
    select: { ...versionSummarySelect, manifest: true },
  });
  if (!version) throw notFound("version");
  return { project, version, manifest: parseManifest(version.manifest) };
}
