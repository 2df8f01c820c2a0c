// Commits a new version: one transaction that locks the project row, numbers the version,
// writes it and moves the project's current pointer. All of it happens or none of it does.
import type { Db, DbTransaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { diffManifests, type Manifest, parseManifest, sortManifest } from "./manifest";
import type { VersionAuthor } from "./schemas";

export interface CommitVersionInput {
  projectId: string;
  manifest: Manifest;
  author: VersionAuthor;
  authorUserId?: string | null;
  message: string;
  restoredFromId?: string | null;
  /** When set, the commit fails with a conflict unless this is still the current version. */
  expectedCurrentVersionId?: string | null;
  /** Passed by callers that want to know the version id before committing (idempotent jobs). */
  versionId?: string;
}

export interface CommittedVersion {
  id: string;
  number: number;
  projectId: string;
}

export function commitVersion(db: Db, input: CommitVersionInput): Promise<CommittedVersion> {
  return db.$transaction((tx) => commitVersionInTransaction(tx, input));
}

export async function commitVersionInTransaction(
  tx: DbTransaction,
  input: CommitVersionInput,
): Promise<CommittedVersion> {
  // Serializes concurrent commits to one project (PostgreSQL row lock; PGlite has one connection).
  const locked = await tx.$queryRaw<
    Array<{ id: string; currentVersionId: string | null; versionCounter: number }>
  >`
    SELECT "id", "currentVersionId", "versionCounter" FROM "Project" WHERE "id" = ${input.projectId} FOR UPDATE`;
  const project = locked[0];
  if (!project) throw new AppError("not_found:project", "That project does not exist.");
  if (
    input.expectedCurrentVersionId !== undefined &&
    input.expectedCurrentVersionId !== project.currentVersionId
  ) {
    throw new AppError(
      "conflict:version",
      "The project changed while this edit was being made. Reload to see the latest version.",
    );
  }

  const parent = project.currentVersionId
    ? await tx.version.findUnique({ where: { id: project.currentVersionId }, select: { manifest: true } })
    : null;
  const manifest = sortManifest(input.manifest);
  const changes = diffManifests(parent ? parseManifest(parent.manifest) : {}, manifest);
  const number = project.versionCounter + 1;
  const version = await tx.version.create({
    data: {
      id: input.versionId ?? newId(),
      projectId: input.projectId,
      number,
      parentId: project.currentVersionId,
      manifest,
      changes: { ...changes },
      author: input.author,
      authorUserId: input.authorUserId ?? null,
      message: input.message,
      restoredFromId: input.restoredFromId ?? null,
    },
    select: { id: true, number: true, projectId: true },
  });
  await tx.project.update({
    where: { id: input.projectId },
    data: { currentVersionId: version.id, versionCounter: number },
  });
  return version;
}
