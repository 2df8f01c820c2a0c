import { recordAuditEvent } from "@/lib/audit/record-event";
import { getDb } from "@/lib/db/client";
import { projectChannel, workspaceChannel } from "@/lib/realtime/channels";
import { announce } from "@/lib/realtime/events";
import { findProjectRow } from "./queries";

/**
 * Deletes a project with its versions, chat and runs. Its blobs stay in storage until the blob
 * sweep finds that no version of the workspace references them (duplicates share blobs).
 */
export async function deleteProject(input: {
  workspaceId: string;
  projectId: string;
  userId: string | null;
  requestId?: string;
}): Promise<void> {
  const projectId = await getDb().$transaction(async (tx) => {
    const row = await findProjectRow(tx, input.workspaceId, input.projectId);
    // The current-version pointer restricts deleting versions; clear it first.
    await tx.project.update({ where: { id: row.id }, data: { currentVersionId: null } });
    await tx.project.delete({ where: { id: row.id } });
    await recordAuditEvent(tx, {
      workspaceId: input.workspaceId,
      actorUserId: input.userId,
      action: "project.deleted",
      targetType: "project",
      targetId: row.id,
      metadata: { name: row.name },
      requestId: input.requestId,
    });
    return row.id;
  });
  const payload = { projectId, actorId: input.userId };
  await announce(
    [
      { channel: workspaceChannel(input.workspaceId), name: "project.deleted", payload },
      { channel: projectChannel(projectId), name: "project.deleted", payload },
    ],
    input,
  );
}
