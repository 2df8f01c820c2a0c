// Job progress: a function reports it with `reportJobProgress` from inside a step (engine-agnostic:
// it updates the run's JobRun row — the local executor's, or the one the run mirror keeps for
// Inngest Cloud and dev-server runs — and publishes to the browser); the local executor and the
// run mirror (lib/jobs/run-mirror.ts) also publish after every step and at the end of a run.
import { getDb } from "@/lib/db/client";
import { projectChannel } from "@/lib/realtime/channels";
import { announce } from "@/lib/realtime/events";

export interface JobProgressUpdate {
  runId: string;
  projectId: string | null;
  functionId: string;
  status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
  /** 0–100, when known (a function's own report, or 100 at the end). */
  progress?: number;
  /** The step that just finished. */
  step?: string;
  message?: string;
  error?: string;
}

/** Publishes `job.progress` to the project's channel: the one path job progress takes to the browser. */
export async function publishJobProgress(update: JobProgressUpdate): Promise<void> {
  if (!update.projectId) return;
  await announce([
    {
      channel: projectChannel(update.projectId),
      name: "job.progress",
      payload: {
        runId: update.runId,
        projectId: update.projectId,
        functionId: update.functionId.slice(0, 120),
        status: update.status === "succeeded" ? "completed" : update.status,
        ...(update.step ? { step: update.step.slice(0, 200) } : {}),
        ...(update.progress !== undefined ? { progress: update.progress / 100 } : {}),
        ...(update.message ? { message: update.message.slice(0, 500) } : {}),
        ...(update.error ? { error: update.error.slice(0, 2000) } : {}),
      },
    },
  ]);
}

/** Called by a function (inside a step) to report how far its run is, 0–100. */
export async function reportJobProgress(input: {
  runId: string;
  progress: number;
  message?: string;
}): Promise<void> {
  const progress = Math.max(0, Math.min(100, Math.round(input.progress)));
  const db = getDb();
  await db.jobRun.updateMany({ where: { id: input.runId }, data: { progress } });
  const run = await db.jobRun.findUnique({
    where: { id: input.runId },
    select: { projectId: true, functionId: true, status: true },
  });
  // No row (a run started before the mirror was deployed): nothing says which project to tell.
  if (!run) return;
  await publishJobProgress({
    runId: input.runId,
    projectId: run.projectId,
    functionId: run.functionId,
    status: run.status,
    progress,
    message: input.message,
  });
}
