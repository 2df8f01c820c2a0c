// Duplicates a project: the copy's version 1 has the source's current manifest. Blobs are
// content-addressed per workspace, so nothing is copied in storage.
import { recordAuditEvent } from "@/lib/audit/record-event";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { workspaceChannel } from "@/lib/realtime/channels";
import { announce } from "@/lib/realtime/events";
import { commitVersionInTransaction } from "@/lib/versions/commit-version";
import { parseManifest } from "@/lib/versions/manifest";
import { getProject } from "./get-project";
import { findProjectRow } from "./queries";
import { type ProjectSummary, projectNameSchema } from "./schemas";

export async function duplicateProject(input: {
  workspaceId: string;
  projectId: string;
  userId: string | null;
  name?: string;
  requestId?: string;
  /** The new project's id, when the caller chose it (so a retried job creates one copy). */
  newProjectId?: string;
}): Promise<ProjectSummary> {
  const db = getDb();
  const newProjectId = input.newProjectId ?? newId();
  // False when a retried call finds the copy already made: it was announced by the call that made it.
  const created = await db.$transaction(async (tx) => {
    if (await tx.project.findUnique({ where: { id: newProjectId }, select: { id: true } })) return false;
    const source = await findProjectRow(tx, input.workspaceId, input.projectId);
    const version = source.currentVersionId
      ? await tx.version.findUnique({ where: { id: source.currentVersionId } })
      : null;
    if (!version) throw new AppError("conflict:project", "That project has no version to copy yet.");
    const name = projectNameSchema.parse(input.name ?? `${source.name} (copy)`.slice(0, 80));
    await tx.project.create({
      data: {
        id: newProjectId,
        workspaceId: input.workspaceId,
        name,
        templateId: source.templateId,
        createdById: input.userId,
      },
    });
    await commitVersionInTransaction(tx, {
      projectId: newProjectId,
      manifest: parseManifest(version.manifest),
      author: "user",
      authorUserId: input.userId,
      message: `Duplicated from ${source.name} v${version.number}`,
    });
    await recordAuditEvent(tx, {
      workspaceId: input.workspaceId,
      actorUserId: input.userId,
      action: "project.duplicated",
      targetType: "project",
      targetId: newProjectId,
      metadata: { sourceProjectId: source.id, sourceVersionId: version.id },
      requestId: input.requestId,
    });
    return true;
  });
  const project = await getProject({ workspaceId: input.workspaceId, projectId: newProjectId });
  if (created) {
    await announce(
      [
        {
          channel: workspaceChannel(input.workspaceId),
          name: "project.created",
          payload: {
            projectId: project.id,
            name: project.name,
            actorId: input.userId,
            duplicatedFrom: input.projectId,
          },
        },
      ],
      input,
    );
  }
  return project;
}
