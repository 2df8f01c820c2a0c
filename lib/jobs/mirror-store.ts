// The run mirror's only contact with Prisma: runs that Inngest Cloud (or an Inngest dev server)
// executes, written into the local executor's JobRun/JobStep tables so the jobs view reads one
// shape on every engine. A mirrored row is a record, not state: its id is Inngest's run id, it has
// no claim, lock, idempotency or concurrency key and no memoized step output. A local executor's
// run is refused once, when a request begins (beginMirroredRun), and every later write goes by the
// mirrored run's id; the executor's own queries skip mirrored rows (lib/jobs/store.ts).
import type { Db } from "@/lib/db/client";
import type { JobsDriver } from "./config";
import { FINISHED_STATUSES, isFinished, LOCAL_ENGINE, type RunStatus, runScope } from "./store";

export type MirrorEngine = Exclude<JobsDriver, "local">;

const unfinished = { status: { notIn: FINISHED_STATUSES } };

/** What one request learns about its run when it starts: the step rows already written. */
export interface MirroredRun {
  id: string;
  functionId: string;
  projectId: string | null;
  /** True on the request that created the row. */
  created: boolean;
  steps: Map<string, { status: RunStatus; seq: number | null }>;
}

export interface MirroredRunStart {
  id: string;
  functionId: string;
  engine: MirrorEngine;
  event: { name: string; id?: string; data: Record<string, unknown> } & Record<string, unknown>;
  attempt: number;
  maxAttempts: number;
}

/** A value as the JSON column stores it (what JSON.stringify keeps of it). */
const plainJson = (value: unknown): object => JSON.parse(JSON.stringify(value ?? null));

/**
 * Creates the run's row on its first request, or marks it running again on a later one (a retry,
 * the next step). Returns null when the id belongs to a local executor's run (never ours to write)
 * or the row is finished: a duplicate of the last request, or a request Inngest sent before it
 * cancelled the run (cancelMirroredRun) must not add steps or announce progress to a settled run.
 */
export async function beginMirroredRun(
  db: Db,
  run: MirroredRunStart,
  now = new Date(),
): Promise<MirroredRun | null> {
  const row = await db.jobRun.findUnique({
    where: { id: run.id },
    select: {
      engine: true,
      status: true,
      attempt: true,
      projectId: true,
      steps: { select: { stepId: true, status: true, seq: true } },
    },
  });
  if (row?.engine === LOCAL_ENGINE || (row && isFinished(row.status))) return null;
  const scope = runScope(run.event.data ?? {});
  if (!row) {
    const { count } = await db.jobRun.createMany({
      data: [
        {
          id: run.id,
          engine: run.engine,
          functionId: run.functionId,
          eventName: run.event.name,
          event: plainJson(run.event),
          eventId: typeof run.event.id === "string" ? run.event.id : null,
          status: "running",
          attempt: run.attempt,
          maxAttempts: run.maxAttempts,
          ...scope,
          runAfter: now,
          createdAt: now,
          startedAt: now,
        },
      ],
      // Two requests of one run at once (parallel steps): the first one in creates it.
      skipDuplicates: true,
    });
    return {
      id: run.id,
      functionId: run.functionId,
      projectId: scope.projectId,
      created: count === 1,
      steps: new Map(),
    };
  }
  // Most requests find the run running at their attempt already: nothing to write then.
  if (row.status !== "running" || row.attempt !== run.attempt) {
    await db.jobRun.updateMany({
      where: { id: run.id, ...unfinished },
      data: { status: "running", attempt: run.attempt },
    });
  }
  return {
    id: run.id,
    functionId: run.functionId,
    projectId: row.projectId,
    created: false,
    steps: new Map(row.steps.map((s) => [s.stepId, { status: s.status, seq: s.seq }])),
  };
}

export interface MirroredStepWrite {
  stepId: string;
  name: string;
  op: string;
  status: RunStatus;
  attempts?: number;
  error?: string | null;
  seq?: number | null;
  startedAt?: Date;
  finishedAt?: Date | null;
}

/**
 * Writes a step's new state: an update while the step is unfinished, an insert the first time.
 * A finished step is never written again (a duplicate delivery or a replay changes nothing; nor
 * does a step that ends after Inngest cancelled its run). Returns whether anything was written.
 */
export async function saveMirroredStep(
  db: Db,
  runId: string,
  step: MirroredStepWrite,
  exists: boolean,
): Promise<boolean> {
  const { stepId, ...data } = step;
  if (exists) {
    const { count } = await db.jobStep.updateMany({
      where: { runId, stepId, ...unfinished },
      data,
    });
    if (count === 1) return true;
  }
  const { count } = await db.jobStep.createMany({ data: [{ runId, stepId, ...data }], skipDuplicates: true });
  return count === 1;
}

/** The run finished (or is waiting for Inngest to retry it: `queued`). */
export async function settleMirroredRun(
  db: Db,
  id: string,
  result:
    | { status: "succeeded"; output: unknown; now?: Date }
    | { status: "failed"; error: string; now?: Date }
    | { status: "queued" },
): Promise<boolean> {
  const data =
    result.status === "succeeded"
      ? {
          status: result.status,
          output: { data: plainJson(result.output) },
          progress: 100,
          error: null,
          finishedAt: result.now ?? new Date(),
        }
      : result.status === "failed"
        ? { status: result.status, error: result.error, finishedAt: result.now ?? new Date() }
        : { status: result.status };
  const { count } = await db.jobRun.updateMany({ where: { id, ...unfinished }, data });
  return count === 1;
}

/** What a cancellation reported by Inngest did to our rows. */
export type MirroredCancellation =
  | { outcome: "cancelled"; run: { id: string; functionId: string; projectId: string | null } }
  /** No row has that id: the run never reached our serve handler (or was pruned). */
  | { outcome: "unknown" }
  /** The id is a local executor's run: Inngest never ran it, so never cancelled it. */
  | { outcome: "local" }
  /** Already finished: a repeat delivery, or the run settled before the cancellation landed. */
  | { outcome: "finished"; status: RunStatus | null };

/**
 * Marks a mirrored run cancelled (Inngest cancelled it: cancelOn, a timeout, the API, the
 * dashboard), and with it every step still running or waiting for a retry, since the run will
 * never call our serve handler again to settle them. A finished run is left as it is, so a repeat
 * delivery changes nothing; run and steps change together or not at all.
 */
export async function cancelMirroredRun(
  db: Db,
  id: string,
  input: { error: string; now?: Date },
): Promise<MirroredCancellation> {
  const row = await db.jobRun.findUnique({
    where: { id },
    select: { engine: true, status: true, functionId: true, projectId: true },
  });
  if (!row) return { outcome: "unknown" };
  if (row.engine === LOCAL_ENGINE) return { outcome: "local" };
  if (isFinished(row.status)) return { outcome: "finished", status: row.status };
  const now = input.now ?? new Date();
  const cancelled = await db.$transaction(async (tx) => {
    const { count } = await tx.jobRun.updateMany({
      where: { id, engine: { not: LOCAL_ENGINE }, ...unfinished },
      data: { status: "cancelled", error: input.error, finishedAt: now },
    });
    if (count === 0) return false;
    await tx.jobStep.updateMany({
      where: { runId: id, ...unfinished },
      data: { status: "cancelled", finishedAt: now },
    });
    return true;
  });
  // Settled between the read and the write (its last request finished it first).
  if (!cancelled) return { outcome: "finished", status: null };
  return { outcome: "cancelled", run: { id, functionId: row.functionId, projectId: row.projectId } };
}
