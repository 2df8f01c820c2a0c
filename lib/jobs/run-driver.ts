// Drives one claimed run through call requests until it finishes, sleeps, waits or backs off:
// each answer is applied in one transaction (the memoized step and the run's state together),
// so a crash between two steps loses at most the step that was running.
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { type BackoffOptions, backoffDelay } from "./backoff";
import { parseTimeString, wakeTime } from "./durations";
import { type CallOutcome, callFunction, type Memoized, type StepOp, toSerializedError } from "./protocol";
import type { JobFunction } from "./registry";
import {
  errorText,
  loadRun,
  type RunRecord,
  type RunStatus,
  type StepRecord,
  saveStep,
  updateRun,
} from "./store";
import type { ServeHandler } from "./types";

export interface StepEvent {
  runId: string;
  functionId: string;
  projectId: string | null;
  stepId: string;
  name: string;
  status: RunStatus;
  stepsCompleted: number;
}

export interface RunFinished {
  runId: string;
  functionId: string;
  projectId: string | null;
  status: "succeeded" | "failed";
  output?: unknown;
  error?: string;
}

export interface DriverContext {
  db: Db;
  handler: ServeHandler;
  serveUrl: string;
  signingKey: string;
  executorId: string;
  backoff: BackoffOptions;
  isAlive(): boolean;
  findFunction(id: string): JobFunction | undefined;
  onStep(event: StepEvent): Promise<void>;
  onFinished(event: RunFinished): void;
}

const unsupportedOps = new Set(["InvokeFunction", "Gateway", "AIGateway", "WaitForSignal"]);
const memoized = (s: StepRecord) => s.status === "succeeded" || s.status === "failed";

class StaleRunError extends Error {}

type Decision = { next: "continue" } | { next: "stop" };

export async function driveRun(ctx: DriverContext, runId: string): Promise<void> {
  try {
    await drive(ctx, runId);
  } catch (error) {
    if (!(error instanceof StaleRunError)) throw error;
  }
}

async function drive(ctx: DriverContext, runId: string): Promise<void> {
  const run = await loadRun(ctx.db, runId);
  if (!run) return;
  const fn = ctx.findFunction(run.functionId);
  if (!fn) {
    await finish(ctx, run, {
      status: "failed",
      error: `Function ${run.functionId} is not served by this app.`,
    });
    return;
  }
  for (;;) {
    if (!ctx.isAlive()) return;
    const now = Date.now();
    const woken = [...run.steps.values()].filter(
      (s) => s.status === "running" && s.wakeAt && s.wakeAt.getTime() <= now,
    );
    for (const step of woken) memoize(run, step, "succeeded", { data: null });
    if (woken.length) await commit(ctx, run, woken, {});
    const sleeping = [...run.steps.values()].filter((s) => s.status === "running" && s.wakeAt);
    if (sleeping.length) {
      const at = new Date(Math.min(...sleeping.map((s) => s.wakeAt!.getTime())));
      await commit(ctx, run, [], { status: "queued", runAfter: at });
      return;
    }
    const planned = [...run.steps.values()].filter((s) => s.status === "queued");
    const targets = planned.length ? planned.map((s) => s.stepId) : ["step"];
    const steps: Record<string, Memoized> = {};
    const done = [...run.steps.values()].filter(memoized).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    for (const s of done) if (s.output) steps[s.stepId] = s.output;
    const callStartedAt = new Date();
    const outcomes = await Promise.all(
      targets.map((stepId) =>
        callFunction(ctx.handler, {
          serveUrl: ctx.serveUrl,
          functionId: run.functionId,
          stepId,
          runId: run.id,
          event: run.event,
          steps,
          stack: done.map((s) => s.stepId),
          attempt: run.attempt,
          maxAttempts: run.maxAttempts,
          disableImmediateExecution: run.disableImmediate,
          signingKey: ctx.signingKey,
        }).catch(
          (error: unknown): CallOutcome => ({
            kind: "error",
            error: toSerializedError(
              error instanceof Error ? { name: error.name, message: error.message } : error,
            ),
            retriable: true,
            status: 0,
          }),
        ),
      ),
    );
    if (!ctx.isAlive()) return; // a crashed executor's answers are lost, like a dropped response
    const decision = await apply(ctx, run, outcomes, callStartedAt);
    if (decision.next === "stop") return;
  }
}

function nextSeq(run: RunRecord): number {
  let max = 0;
  for (const s of run.steps.values()) if (s.seq !== null && s.seq > max) max = s.seq;
  return max + 1;
}

function stepFor(run: RunRecord, op: StepOp, startedAt: Date): StepRecord {
  const existing = run.steps.get(op.id);
  if (existing) {
    // A planned step's time starts when a call runs it, not when it was planned.
    if (op.op === "StepRun" || op.op === "StepError" || op.op === "StepFailed")
      existing.startedAt = startedAt;
    return existing;
  }
  const step: StepRecord = {
    stepId: op.id,
    name: op.displayName ?? op.name ?? op.id,
    op: op.op,
    status: "queued",
    output: null,
    attempts: 0,
    seq: null,
    wakeAt: null,
    waitEvent: null,
    waitIf: null,
    persisted: false,
    startedAt,
  };
  run.steps.set(op.id, step);
  return step;
}

function memoize(run: RunRecord, step: StepRecord, status: "succeeded" | "failed", output: Memoized) {
  step.seq = nextSeq(run);
  step.status = status;
  step.output = output;
  step.wakeAt = null;
}

async function apply(
  ctx: DriverContext,
  run: RunRecord,
  outcomes: CallOutcome[],
  callStartedAt: Date,
): Promise<Decision> {
  const changed = new Map<string, { step: StepRecord; error?: string }>();
  const newlyDone: StepRecord[] = [];
  let finished: { status: "succeeded" | "failed"; output?: unknown; error?: string } | undefined;
  let retryIn: number | undefined;
  const retry = (retriable: boolean, retryAfterMs?: number): boolean => {
    if (!retriable || run.attempt + 1 >= run.maxAttempts) return false;
    run.attempt += 1;
    retryIn = Math.max(retryIn ?? 0, retryAfterMs ?? backoffDelay(run.attempt, ctx.backoff));
    return true;
  };

  for (const outcome of outcomes) {
    if (outcome.kind === "complete") {
      finished = { status: "succeeded", output: outcome.output };
      continue;
    }
    if (outcome.kind === "error") {
      if (!retry(outcome.retriable, outcome.retryAfterMs))
        finished = { status: "failed", error: errorText(outcome.error) };
      continue;
    }
    if (outcome.ops.length > 1) run.disableImmediate = true;
    for (const op of outcome.ops) {
      const step = op.op === "RunComplete" ? undefined : stepFor(run, op, callStartedAt);
      if (step && memoized(step)) continue; // never rewrite a memoized step
      switch (op.op) {
        case "StepRun":
        case "Step":
          step!.attempts += 1;
          memoize(run, step!, "succeeded", { data: op.data ?? null });
          run.attempt = 0;
          newlyDone.push(step!);
          changed.set(step!.stepId, { step: step! });
          break;
        case "StepFailed": {
          const error = toSerializedError(op.error);
          step!.attempts += 1;
          memoize(run, step!, "failed", { error });
          run.attempt = 0;
          newlyDone.push(step!);
          changed.set(step!.stepId, { step: step!, error: errorText(error) });
          break;
        }
        case "StepError": {
          const error = toSerializedError(op.error);
          step!.attempts += 1;
          if (retry(outcome.retriable, outcome.retryAfterMs)) {
            step!.op = "StepPlanned"; // the retry runs just this step, as Inngest does
            step!.status = "queued";
          } else {
            memoize(run, step!, "failed", { error });
            run.attempt = 0;
            newlyDone.push(step!);
          }
          changed.set(step!.stepId, { step: step!, error: errorText(error) });
          break;
        }
        case "StepPlanned":
          step!.op = "StepPlanned";
          step!.status = "queued";
          changed.set(step!.stepId, { step: step! });
          break;
        case "Sleep":
          step!.status = "running";
          // SDK_SPEC puts the duration in opts.duration; the JS SDK sends it as the op's `name`
          // (a time string, or an ISO date for sleepUntil).
          step!.wakeAt = wakeTime(String(op.opts?.duration ?? op.name ?? "0s"));
          changed.set(step!.stepId, { step: step! });
          break;
        case "WaitForEvent":
          step!.status = "running";
          // SDK_SPEC puts the event name in opts.event; the JS SDK sends it as the op's `name`.
          step!.waitEvent = String(op.opts?.event ?? op.name ?? "");
          step!.waitIf = typeof op.opts?.if === "string" ? op.opts.if : null;
          step!.wakeAt = new Date(
            Date.now() + (parseTimeString(String(op.opts?.timeout ?? "")) ?? 86_400_000),
          );
          changed.set(step!.stepId, { step: step! });
          break;
        case "RunComplete":
          finished = { status: "succeeded", output: op.data ?? null };
          break;
        default:
          if (unsupportedOps.has(op.op) && step) {
            const error = {
              name: "UnsupportedStepError",
              message: `${op.op} is not supported by the local executor.`,
            };
            memoize(run, step, "failed", { error });
            newlyDone.push(step);
            changed.set(step.stepId, { step, error: error.message });
          } else {
            log.warn("local executor: ignoring step op", { op: op.op, runId: run.id });
          }
      }
    }
  }

  const steps = [...changed.values()];
  if (finished) {
    await commit(ctx, run, steps, {
      status: finished.status,
      output: finished.status === "succeeded" ? { data: finished.output ?? null } : undefined,
      error: finished.error ?? null,
      finishedAt: new Date(),
      ...(finished.status === "succeeded" ? { progress: 100 } : {}),
    });
  } else if (retryIn !== undefined) {
    await commit(ctx, run, steps, { status: "queued", runAfter: new Date(Date.now() + retryIn) });
  } else {
    await commit(ctx, run, steps, {});
  }
  const stepsCompleted = [...run.steps.values()].filter(memoized).length;
  for (const step of newlyDone) {
    await ctx.onStep({
      runId: run.id,
      functionId: run.functionId,
      projectId: run.projectId,
      stepId: step.stepId,
      name: step.name,
      status: step.status,
      stepsCompleted,
    });
  }
  if (finished) {
    ctx.onFinished({ runId: run.id, functionId: run.functionId, projectId: run.projectId, ...finished });
    return { next: "stop" };
  }
  return { next: retryIn !== undefined ? "stop" : "continue" };
}

async function commit(
  ctx: DriverContext,
  run: RunRecord,
  steps: Array<StepRecord | { step: StepRecord; error?: string }>,
  runData: Parameters<typeof updateRun>[3],
): Promise<void> {
  if (!ctx.isAlive()) throw new StaleRunError();
  await ctx.db.$transaction(async (tx) => {
    // The run's row first: if another executor reclaimed it, nothing of ours is written.
    const holds = await updateRun(tx, run.id, ctx.executorId, {
      attempt: run.attempt,
      disableImmediate: run.disableImmediate,
      ...runData,
    });
    if (!holds) throw new StaleRunError();
    for (const item of steps) {
      const { step, error } = "step" in item ? item : { step: item, error: undefined };
      await saveStep(tx, run.id, step, error);
    }
  });
}

async function finish(ctx: DriverContext, run: RunRecord, result: { status: "failed"; error: string }) {
  await commit(ctx, run, [], { status: result.status, error: result.error, finishedAt: new Date() });
  ctx.onFinished({ runId: run.id, functionId: run.functionId, projectId: run.projectId, ...result });
}
