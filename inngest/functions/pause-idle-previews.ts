// On a cron (every quarter of PREVIEW_IDLE_MINUTES, see idleSweepCron) and on
// preview/idle-sweep.requested: pauses the previews nobody has viewed for PREVIEW_IDLE_MINUTES.
// The one studio-side idle sweeper for every setup — Inngest Cloud with E2B in production, the
// embedded local executor with local sandboxes on one machine — so nothing else runs it on a timer.
import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { previewIdleSweepRequested } from "@/inngest/events";
import { idleSweepCron, pauseIdlePreviews } from "@/lib/preview/sweep-idle";

export const pauseIdlePreviewsFunction = inngest.createFunction(
  {
    id: "pause-idle-previews",
    name: "Pause idle previews",
    triggers: [cron(idleSweepCron()), previewIdleSweepRequested],
    // The next slot is the retry: a sweep that failed is simply run again a few minutes later.
    retries: 0,
    // Two sweeps at once would pause the same sandboxes twice.
    concurrency: { limit: 1 },
  },
  async ({ step, logger }) => {
    const result = await step.run("pause-idle", () => pauseIdlePreviews());
    if (result.paused.length + result.stopped.length > 0) logger.info(result, "idle previews swept");
    return result;
  },
);
