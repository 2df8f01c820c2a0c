// What the jobs API and the jobs view exchange.
import { z } from "zod";

export const listJobsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const jobStatusSchema = z.enum(["queued", "running", "succeeded", "failed", "cancelled"]);
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const jobStepSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  op: z.string(),
  status: jobStatusSchema,
  attempts: z.number().int(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
});
export type JobStepSummary = z.infer<typeof jobStepSummarySchema>;

export const jobRunSummarySchema = z.object({
  id: z.string(),
  functionId: z.string(),
  functionName: z.string().describe("The function id without the app prefix (`duplicate-project`)"),
  title: z.string().describe('The function\'s own name ("Duplicate a project"), else functionName'),
  eventName: z.string(),
  status: jobStatusSchema,
  progress: z.number().int().min(0).max(100),
  attempt: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable().describe("Until now while the run is unfinished"),
  runAfter: z.string().describe("When a queued run is due (a sleep or a retry backoff)"),
  steps: z.array(jobStepSummarySchema),
});
export type JobRunSummary = z.infer<typeof jobRunSummarySchema>;

export const jobRunListSchema = z.object({ items: z.array(jobRunSummarySchema) });
