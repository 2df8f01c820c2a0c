// Pauses previews nobody is viewing: no heartbeat from an open editor and no page load through
// the gateway for PREVIEW_IDLE_MINUTES. A paused preview resumes when its project is opened.
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { getPreviewProvider } from "./provider";
import { listIdleSessions } from "./queries";
import { transitionSession } from "./status";

export async function pauseIdlePreviews(now = Date.now()): Promise<{ paused: string[] }> {
  const before = new Date(now - env.PREVIEW_IDLE_MINUTES * 60_000);
  const paused: string[] = [];
  for (const session of await listIdleSessions(before)) {
    try {
      await (await getPreviewProvider()).pause(session.sandboxId);
      await transitionSession(session, "paused");
      paused.push(session.id);
    } catch (error) {
      log.warn("idle preview could not be paused", { previewId: session.id, error });
    }
  }
  return { paused };
}
