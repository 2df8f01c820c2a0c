// Stops a project's preview for good (DELETE): the sandbox is killed; opening the project starts a new one.
import { log } from "@/lib/log";
import { getPreviewProvider } from "./provider";
import { findProjectSession } from "./queries";
import { transitionSession } from "./status";

export async function stopPreview(input: {
  workspaceId: string;
  projectId: string;
}): Promise<{ stopped: boolean }> {
  const { session } = await findProjectSession(input);
  if (!session) return { stopped: false };
  await (await getPreviewProvider())
    .kill(session.sandboxId)
    .catch((error) => log.warn("preview sandbox kill failed", { previewId: session.id, error }));
  await transitionSession(session, "stopped");
  return { stopped: true };
}
