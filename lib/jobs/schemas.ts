// What the jobs API and the jobs view exchange.
import { z } from "zod";

export const listJobsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export type JobStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

export interface JobStepSummary {
  id: string;
  name: string;
  op: string;
  status: JobStatus;
  attempts: number;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
}

export interface JobRunSummary {
  id: string;
  functionId: string;
  /** The function id without the app prefix (`duplicate-project`). */
  functionName: string;
  /** What a person reads: the function's own name ("Duplicate a project"), else functionName. */
  title: string;
  eventName: string;
  status: JobStatus;
  progress: number;
  attempt: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Until now while the run is unfinished. */
  durationMs: number | null;
  /** When a queued run is due (a sleep or a retry backoff). */
  runAfter: string;
  steps: JobStepSummary[];
}
