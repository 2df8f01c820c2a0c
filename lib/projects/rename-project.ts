import { recordAuditEvent } from "@/lib/audit/record-event";
import { getDb } from "@/lib/db/client";
import { projectChannel, workspaceChannel } from "@/lib/realtime/channels";
import { announce } from "@/lib/realtime/events";
import { getProject } from "./get-project";
import { findProjectRow } from "./queries";
import { type ProjectSummary, updateProjectBodySchema } from "./schemas";

export async function renameProject(input: {
  workspaceId: string;
  projectId: string;
  userId: string | null;
  name: string;
  requestId?: string;
}): Promise<ProjectSummary> {
  const { name } = updateProjectBodySchema.parse({ name: input.name });
  await getDb().$transaction(async (tx) => {
    const row = await findProjectRow(tx, input.workspaceId, input.projectId);
    await tx.project.update({ where: { id: row.id }, data: { name } });
    await recordAuditEvent(tx, {
      workspaceId: input.workspaceId,
      actorUserId: input.userId,
      action: "project.renamed",
      targetType: "project",
      targetId: row.id,
      metadata: { from: row.name, to: name },
      requestId: input.requestId,
    });
  });
  const project = await getProject(input);
  const payload = { projectId: project.id, name: project.name, actorId: input.userId };
  await announce(
    [
      { channel: workspaceChannel(input.workspaceId), name: "project.updated", payload },
      { channel: projectChannel(project.id), name: "project.updated", payload },
    ],
    input,
  );
  return project;
}
