// On inngest/function.cancelled (a system event Inngest emits for every run it cancels: cancelOn,
// a timeout, the REST API, a bulk cancel): marks the run's mirrored row cancelled, so the jobs view
// stops showing it as running. Only Inngest Cloud and dev-server runs are mirrored; the embedded
// local executor cancels nothing and never emits the event, so there it is registered but idle.
// Its own runs are not mirrored (lib/jobs/run-mirror.ts): bookkeeping about another run, no job.
import { inngest } from "@/inngest/client";
import { INNGEST_APP_ID } from "@/lib/jobs/config";
import { RUN_CANCELLED_EVENT, recordCancelledRun } from "@/lib/jobs/record-cancelled-run";

export const RECORD_CANCELLED_RUN_ID = "record-cancelled-run";

export const recordCancelledRunFunction = inngest.createFunction(
  {
    id: RECORD_CANCELLED_RUN_ID,
    name: "Record runs cancelled in Inngest",
    triggers: [
      {
        event: RUN_CANCELLED_EVENT,
        // A cancelled run of this function has no row to settle: do not start one for it.
        if: `event.data.function_id != '${INNGEST_APP_ID}-${RECORD_CANCELLED_RUN_ID}'`,
      },
    ],
    // Only the database write can fail, and a retry of it is harmless (it is idempotent).
    retries: 3,
  },
  async ({ event, step }) => step.run("mark-run-cancelled", () => recordCancelledRun(event.data)),
);
