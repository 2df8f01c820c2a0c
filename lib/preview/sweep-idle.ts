// Pauses previews nobody is viewing: no heartbeat from an open editor and no page load through
// the gateway for PREVIEW_IDLE_MINUTES. A paused preview resumes when its project is opened.
// Run by the `pause-idle-previews` Inngest function (inngest/functions/pause-idle-previews.ts) on
// a cron, for every sandbox driver and jobs engine alike.
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { getPreviewProvider } from "./provider";
import { listIdleSessions } from "./queries";
import { transitionSession } from "./status";

export async function pauseIdlePreviews(now = Date.now()): Promise<{ paused: string[]; stopped: string[] }> {
  const before = new Date(now - env.PREVIEW_IDLE_MINUTES * 60_000);
  const paused: string[] = [];
  const stopped: string[] = [];
  const sessions = await listIdleSessions(before);
  if (sessions.length === 0) return { paused, stopped };
  const provider = await getPreviewProvider();
  for (const session of sessions) {
    try {
      await provider.pause(session.sandboxId);
      await transitionSession(session, "paused");
      paused.push(session.id);
    } catch (error) {
      // The sandbox is gone (killed, expired): retrying every sweep cannot help. By code, not
      // instanceof: the provider may come from another Next bundle (see gateway/start.ts).
      if ((error as { code?: unknown } | null)?.code === "not_found:sandbox") {
        await transitionSession(session, "stopped").catch(() => undefined);
        stopped.push(session.id);
        continue;
      }
      log.warn("idle preview could not be paused", { previewId: session.id, error });
    }
  }
  return { paused, stopped };
}

/**
 * How often the sweep runs: every quarter of the idle time (so a preview pauses at most 25% late),
 * in whole minutes from 1 to 5 — all divisors of 60, so the slots are evenly spaced. The default
 * idle time (10 minutes) gives every 3 minutes: 480 runs a day rather than 1440.
 */
export function idleSweepCron(idleMinutes: number = env.PREVIEW_IDLE_MINUTES): string {
  const every = Math.min(5, Math.max(1, Math.ceil(idleMinutes / 4)));
  return every === 1 ? "* * * * *" : `*/${every} * * * *`;
}
