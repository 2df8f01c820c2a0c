// Queues a project duplicate as a durable job: checks the source is the caller's, picks the new
// project's id (so every retry and resend makes the same one copy), and sends the event.

import { newId } from "@/lib/ids";
import { getProject } from "@/lib/projects/get-project";
import { inngest } from "./client";
import { projectDuplicateRequested } from "./events";

export async function requestProjectDuplicate(input: {
  workspaceId: string;
  projectId: string;
  userId: string | null;
  name?: string;
  requestId?: string;
}): Promise<{ projectId: string; eventId: string; status: "queued" }> {
  await getProject({ workspaceId: input.workspaceId, projectId: input.projectId }); // 404 early
  const newProjectId = newId();
  const { ids } = await inngest.send(
    projectDuplicateRequested.create({ ...input, newProjectId }, { id: `duplicate-${newProjectId}` }),
  );
  return { projectId: newProjectId, eventId: ids[0], status: "queued" };
}
