// Stops a project's preview for good (DELETE): the sandbox is killed; opening the project starts a new one.
import { getDb } from "@/lib/db/client";
import { log } from "@/lib/log";
import { findProjectRow } from "@/lib/projects/queries";
import { getPreviewProvider } from "./provider";
import { findActiveSession } from "./queries";
import { transitionSession } from "./status";

export async function stopPreview(input: {
  workspaceId: string;
  projectId: string;
}): Promise<{ stopped: boolean }> {
  await findProjectRow(getDb(), input.workspaceId, input.projectId);
  const session = await findActiveSession(input.projectId);
  if (!session) return { stopped: false };
  await (await getPreviewProvider())
    .kill(session.sandboxId)
    .catch((error) => log.warn("preview sandbox kill failed", { previewId: session.id, error }));
  await transitionSession(session, "stopped");
  return { stopped: true };
}
