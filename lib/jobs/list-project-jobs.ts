// A project's durable job runs, newest first, with their steps: JobRun rows the local executor keeps,
// or the run mirror writes for Inngest Cloud / dev-server runs (lib/jobs/run-mirror.ts) — one shape.
import { getDb } from "@/lib/db/client";
import { findProjectRow } from "@/lib/projects/queries";
import { INNGEST_APP_ID } from "./config";
import { type JobRunSummary, listJobsQuerySchema } from "./schemas";

const ms = (from: Date | null, to: Date | null, now: number) =>
  from ? (to?.getTime() ?? now) - from.getTime() : null;

/**
 * `titles`: function id (with the app prefix, as stored) → the function's name, from the functions
 * the app serves (inngest/functions), which lib/ does not import.
 */
export async function listProjectJobs(
  input: {
    workspaceId: string;
    projectId: string;
    limit?: number;
  },
  titles: Readonly<Record<string, string>> = {},
): Promise<{ items: JobRunSummary[] }> {
  const query = listJobsQuerySchema.parse({ limit: input.limit });
  const db = getDb();
  const project = await findProjectRow(db, input.workspaceId, input.projectId);
  const rows = await db.jobRun.findMany({
    where: { projectId: project.id, workspaceId: input.workspaceId },
    orderBy: { createdAt: "desc" },
    take: query.limit,
    include: { steps: { orderBy: [{ startedAt: "asc" }] } },
  });
  const now = Date.now();
  return {
    items: rows.map((r) => {
      const functionName = r.functionId.startsWith(`${INNGEST_APP_ID}-`)
        ? r.functionId.slice(INNGEST_APP_ID.length + 1)
        : r.functionId;
      return {
        id: r.id,
        functionId: r.functionId,
        functionName,
        title: titles[r.functionId] ?? functionName,
        eventName: r.eventName,
        status: r.status,
        progress: r.progress,
        attempt: r.attempt,
        error: r.error,
        createdAt: r.createdAt.toISOString(),
        startedAt: r.startedAt?.toISOString() ?? null,
        finishedAt: r.finishedAt?.toISOString() ?? null,
        durationMs: ms(r.startedAt, r.finishedAt, now),
        runAfter: r.runAfter.toISOString(),
        steps: r.steps
          .sort((a, b) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER))
          .map((s) => ({
            id: s.stepId,
            name: s.name,
            op: s.op,
            status: s.status,
            attempts: s.attempts,
            error: s.error,
            startedAt: s.startedAt.toISOString(),
            finishedAt: s.finishedAt?.toISOString() ?? null,
            durationMs: s.finishedAt ? s.finishedAt.getTime() - s.startedAt.getTime() : null,
          })),
      };
    }),
  };
}
