// The only place the local executor touches Prisma: runs (JobRun) and their memoized steps (JobStep).
import type { Db, DbTransaction } from "@/lib/db/client";
import type { Memoized, SerializedError } from "./protocol";
import type { StoredEvent } from "./types";

export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The executor's own rows. Runs mirrored from Inngest (lib/jobs/run-mirror.ts) share the table but
 * are never claimed, reclaimed, resumed or taken for duplicates: every query here that picks runs
 * by status or event filters on it; the others go by a key mirrored rows never have (idempotency,
 * lock) or by the id of a run picked so. */
export const LOCAL_ENGINE = "local";
const ownRuns = { engine: LOCAL_ENGINE };

export type RunStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

export const FINISHED_STATUSES: RunStatus[] = ["succeeded", "failed", "cancelled"];
export const isFinished = (status: RunStatus) => FINISHED_STATUSES.includes(status);

/** Finished cron runs kept per function (local executor and run mirror): a few hours of an
 * every-few-minutes sweep, months of a daily one. */
export const KEEP_CRON_RUNS = 100;

export interface StepRecord {
  stepId: string;
  name: string;
  op: string;
  status: RunStatus;
  /** `{ data }` or `{ error }` once memoized. */
  output: Memoized | null;
  attempts: number;
  seq: number | null;
  wakeAt: Date | null;
  waitEvent: string | null;
  waitIf: string | null;
  /** Whether a row exists for it (so the first write is an insert, later ones updates). */
  persisted: boolean;
  /** When the call that ran (or reported) it began. */
  startedAt: Date;
}

export interface RunRecord {
  id: string;
  functionId: string;
  event: StoredEvent;
  attempt: number;
  maxAttempts: number;
  disableImmediate: boolean;
  projectId: string | null;
  concurrencyKey: string | null;
  startedAt: Date | null;
  createdAt: Date;
  steps: Map<string, StepRecord>;
}

export interface NewRun {
  id: string;
  functionId: string;
  event: StoredEvent;
  /** Whether the sender chose the event id (then a resend within 24 h is a duplicate). */
  senderEventId: boolean;
  idempotencyKey?: string;
  concurrencyKey?: string;
  maxAttempts: number;
}

function stringField(data: Record<string, unknown>, key: string): string | null {
  const v = data[key];
  return typeof v === "string" && v.length <= 64 ? v : null;
}

/** The workspace and project a run belongs to, read from its triggering event's data. */
export function runScope(data: Record<string, unknown>): {
  workspaceId: string | null;
  projectId: string | null;
} {
  return { workspaceId: stringField(data, "workspaceId"), projectId: stringField(data, "projectId") };
}

/** Creates a queued run, or returns null when the event or its idempotency key already made one. */
export async function insertRun(db: Db, run: NewRun, now = new Date()): Promise<string | null> {
  const since = new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS);
  if (run.senderEventId) {
    const dup = await db.jobRun.findFirst({
      where: { eventId: run.event.id, functionId: run.functionId, createdAt: { gte: since }, ...ownRuns },
      select: { id: true },
    });
    if (dup) return null;
  }
  if (run.idempotencyKey) {
    const existing = await db.jobRun.findUnique({
      where: { idempotencyKey: run.idempotencyKey },
      select: { id: true, createdAt: true },
    });
    if (existing && existing.createdAt >= since) return null;
    // An older run keeps its history but gives up the key: the window has passed.
    if (existing) await db.jobRun.update({ where: { id: existing.id }, data: { idempotencyKey: null } });
  }
  try {
    await db.jobRun.create({
      data: {
        id: run.id,
        functionId: run.functionId,
        eventName: run.event.name,
        event: run.event as object,
        eventId: run.event.id,
        idempotencyKey: run.idempotencyKey ?? null,
        concurrencyKey: run.concurrencyKey ?? null,
        maxAttempts: run.maxAttempts,
        ...runScope(run.event.data),
        runAfter: now,
        createdAt: now,
      },
    });
    return run.id;
  } catch (error) {
    // Two senders raced for one idempotency key: the other one won.
    if ((error as { code?: string }).code === "P2002") return null;
    throw error;
  }
}

/**
 * Deletes the finished runs of `functionId` triggered by `eventName` beyond the newest `keep`
 * (their steps go with them). The local executor calls it for cron runs: a sweep every few minutes
 * would otherwise add hundreds of rows a day that nobody lists (they belong to no project).
 */
export async function pruneFinishedRuns(
  db: Db,
  input: { functionId: string; eventName: string; keep: number },
): Promise<number> {
  const stale = await db.jobRun.findMany({
    where: {
      functionId: input.functionId,
      eventName: input.eventName,
      status: { in: FINISHED_STATUSES },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: input.keep,
    take: 1000,
    select: { id: true },
  });
  if (stale.length === 0) return 0;
  const { count } = await db.jobRun.deleteMany({ where: { id: { in: stale.map((r) => r.id) } } });
  return count;
}

export function findQueuedRuns(db: Db, limit: number) {
  return db.jobRun.findMany({
    where: { status: "queued", ...ownRuns },
    orderBy: [{ runAfter: "asc" }, { createdAt: "asc" }],
    take: limit,
    select: { id: true, runAfter: true, concurrencyKey: true, functionId: true, startedAt: true },
  });
}

export function countRunning(db: Db, concurrencyKey: string): Promise<number> {
  return db.jobRun.count({ where: { concurrencyKey, status: "running", ...ownRuns } });
}

export async function claimRun(
  db: Db,
  id: string,
  executorId: string,
  lockedUntil: Date,
  startedAt: Date,
): Promise<boolean> {
  const { count } = await db.jobRun.updateMany({
    where: { id, status: "queued", ...ownRuns },
    data: { status: "running", lockedBy: executorId, lockedUntil, startedAt },
  });
  return count === 1;
}

export function renewLocks(db: Db, ids: string[], executorId: string, lockedUntil: Date) {
  return db.jobRun.updateMany({
    where: { id: { in: ids }, lockedBy: executorId, status: "running" },
    data: { lockedUntil },
  });
}

/** Puts runs whose executor is gone back in the queue (all running runs when `all`). */
export async function reclaimRuns(db: Db, options: { all: boolean; now?: Date }): Promise<number> {
  const now = options.now ?? new Date();
  const { count } = await db.jobRun.updateMany({
    where: {
      status: "running",
      ...ownRuns,
      ...(options.all ? {} : { OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] }),
    },
    data: { status: "queued", lockedBy: null, lockedUntil: null, runAfter: now },
  });
  return count;
}

export async function loadRun(db: Db, id: string): Promise<RunRecord | null> {
  const row = await db.jobRun.findUnique({ where: { id }, include: { steps: true } });
  if (!row) return null;
  const steps = new Map<string, StepRecord>();
  for (const s of row.steps) {
    steps.set(s.stepId, {
      stepId: s.stepId,
      name: s.name,
      op: s.op,
      status: s.status,
      output: (s.output as Memoized | null) ?? null,
      attempts: s.attempts,
      seq: s.seq,
      wakeAt: s.wakeAt,
      waitEvent: s.waitEvent,
      waitIf: s.waitIf,
      persisted: true,
      startedAt: s.startedAt,
    });
  }
  return {
    id: row.id,
    functionId: row.functionId,
    event: row.event as unknown as StoredEvent,
    attempt: row.attempt,
    maxAttempts: row.maxAttempts,
    disableImmediate: row.disableImmediate,
    projectId: row.projectId,
    concurrencyKey: row.concurrencyKey,
    startedAt: row.startedAt,
    createdAt: row.createdAt,
    steps,
  };
}

/** Writes a step's new state (insert or update). Memoized steps are never written again. */
export async function saveStep(
  db: Db | DbTransaction,
  runId: string,
  step: StepRecord,
  error?: string | null,
): Promise<void> {
  const finished = step.status === "succeeded" || step.status === "failed";
  const data = {
    name: step.name,
    op: step.op,
    status: step.status,
    output: step.output === null ? undefined : (step.output as object),
    attempts: step.attempts,
    seq: step.seq,
    wakeAt: step.wakeAt,
    waitEvent: step.waitEvent,
    waitIf: step.waitIf,
    error: error ?? null,
    startedAt: step.startedAt,
    finishedAt: finished ? new Date() : null,
  };
  if (!step.persisted) {
    await db.jobStep.create({ data: { runId, stepId: step.stepId, ...data } });
    step.persisted = true;
    return;
  }
  await db.jobStep.updateMany({
    where: { runId, stepId: step.stepId, status: { notIn: ["succeeded", "failed"] } },
    data,
  });
}

export async function updateRun(
  db: Db | DbTransaction,
  id: string,
  executorId: string,
  data: {
    status?: RunStatus;
    attempt?: number;
    runAfter?: Date;
    disableImmediate?: boolean;
    progress?: number;
    error?: string | null;
    output?: Memoized;
    finishedAt?: Date;
  },
): Promise<boolean> {
  const releases = data.status !== undefined && data.status !== "running";
  const { count } = await db.jobRun.updateMany({
    where: { id, lockedBy: executorId },
    data: {
      ...data,
      output: data.output as object | undefined,
      ...(releases ? { lockedBy: null, lockedUntil: null } : {}),
    },
  });
  return count === 1;
}

export function errorText(error: SerializedError): string {
  return `${error.name && error.name !== "Error" ? `${error.name}: ` : ""}${error.message}`.slice(0, 4000);
}

/** Steps waiting for an event with this name, with their runs' triggering events. */
export function findWaitingSteps(db: Db, eventName: string) {
  return db.jobStep.findMany({
    where: { waitEvent: eventName, status: "running", run: ownRuns },
    select: { runId: true, stepId: true, waitIf: true, seq: true, run: { select: { event: true } } },
  });
}

export async function resolveWait(db: Db, runId: string, stepId: string, event: StoredEvent, now: Date) {
  const last = await db.jobStep.aggregate({ where: { runId }, _max: { seq: true } });
  const { count } = await db.jobStep.updateMany({
    where: { runId, stepId, status: "running" },
    data: {
      status: "succeeded",
      output: { data: event } as object,
      seq: (last._max.seq ?? 0) + 1,
      finishedAt: now,
    },
  });
  if (count === 1) {
    await db.jobRun.updateMany({ where: { id: runId, status: "queued" }, data: { runAfter: now } });
  }
  return count === 1;
}
