// A run Inngest Cloud (or an Inngest dev server) cancelled — cancelOn, a timeout, the REST API, a
// bulk cancel in the dashboard — never calls our serve handler again, so the run mirror
// (lib/jobs/run-mirror.ts) never sees it end and its row would stay running or queued for good.
// Inngest emits the system event `inngest/function.cancelled` for every cancelled run; the
// function inngest/functions/record-cancelled-run.ts hands its data here, and the mirrored row is
// settled as cancelled and the jobs view told, the way the mirror tells it of any other ending.
import { internalEvents } from "inngest";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { log } from "@/lib/log";
import { cancelMirroredRun, type MirroredCancellation } from "./mirror-store";
import { publishJobProgress } from "./progress";
import { errorText } from "./store";

export const RUN_CANCELLED_EVENT = internalEvents.FunctionCancelled;

/** The system event's data as Inngest sends it (the SDK's CancelledEventPayload lacks `error`). */
export const runCancelledDataSchema = z.object({
  /** The cancelled run's function (`appId-functionId`). */
  function_id: z.string().min(1).max(200),
  /** Inngest's run id: the id of the mirrored row. */
  run_id: z.string().min(1).max(128),
  error: z.object({ name: z.string().optional(), message: z.string().optional() }).optional(),
  // The cancelled run's own event is not needed: the row already holds it.
});

/** What the row says when Inngest gave no reason. */
export const DEFAULT_CANCEL_REASON = "Cancelled in Inngest";

export type RecordedCancellation = MirroredCancellation["outcome"] | "invalid";

/**
 * Settles the mirrored run named by an `inngest/function.cancelled` event as cancelled and
 * publishes `job.progress` for it. Safe to deliver twice: a run already finished, an id we never
 * mirrored (the run was cancelled before its first request reached us) or a malformed event is
 * logged and changes nothing. A database error is thrown, so Inngest retries the delivery.
 */
export async function recordCancelledRun(data: unknown): Promise<RecordedCancellation> {
  const parsed = runCancelledDataSchema.safeParse(data);
  if (!parsed.success) {
    log.warn("cancelled run: malformed system event, ignored", { issues: parsed.error.issues });
    return "invalid";
  }
  const { run_id: runId, function_id: functionId, error } = parsed.data;
  const reason = errorText({
    name: error?.name ?? "Error",
    message: error?.message?.trim() || DEFAULT_CANCEL_REASON,
  });
  const result = await cancelMirroredRun(getDb(), runId, { error: reason });
  if (result.outcome !== "cancelled") {
    log.info("cancelled run: nothing to record", {
      runId,
      functionId,
      outcome: result.outcome,
      ...(result.outcome === "finished" ? { status: result.status } : {}),
    });
    return result.outcome;
  }
  const { run } = result;
  log.info("cancelled run: recorded", { runId, functionId: run.functionId, reason });
  // The row is what the jobs view reads; a lost announcement only delays the view to its next look.
  await publishJobProgress({
    runId: run.id,
    projectId: run.projectId,
    functionId: run.functionId,
    status: "cancelled",
    error: reason,
  }).catch((publishError) => log.warn("job progress publish failed", { runId, error: publishError }));
  return "cancelled";
}
