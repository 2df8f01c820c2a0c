// Records the runs Inngest Cloud (or an Inngest dev server) executes into JobRun/JobStep, from
// inside the function execution, so the jobs view and its realtime progress are the same on every
// engine. It is an Inngest middleware on the client (lib/jobs/client-options.ts adds it for those
// engines only: the local executor already records its runs, and two writers would double-count).
//
// Inngest calls the serve handler once per step, replaying memoized steps each time; the SDK
// creates a middleware instance per request, so the fields below are request-scoped. What each
// request writes:
//   start            the run's row (created, or back to `running` with the request's attempt)
//   onStepStart      a step the SDK is about to run: `running`, its attempt number
//   onStepComplete   `succeeded` + completion order + a `job.progress` event
//   onStepError      retried: `queued` with the error (and the run `queued`); final: `failed`
//   fresh sleep/wait a step Inngest itself carries out (sleep, waitForEvent, invoke…): `running`
//   memoized step    only when its row is not finished yet (the sleep ended; a lost write)
//   onRunComplete/onRunError   the run's final status, output or error + a `job.progress` event
// A run Inngest cancels never calls us again: lib/jobs/record-cancelled-run.ts settles its row from
// the `inngest/function.cancelled` system event, and a request still in flight then writes nothing.
// A memoized step the row already shows finished costs nothing, and a finished row is never
// written again, so replays and duplicate deliveries do not count anything twice.
import { internalEvents, Middleware } from "inngest";
import { getDb } from "@/lib/db/client";
import { log } from "@/lib/log";
import {
  beginMirroredRun,
  type MirrorEngine,
  type MirroredRun,
  type MirroredRunStart,
  saveMirroredStep,
  settleMirroredRun,
} from "./mirror-store";
import { type JobProgressUpdate, publishJobProgress } from "./progress";
import { DEFAULT_RETRIES } from "./registry";
import { errorText, isFinished, KEEP_CRON_RUNS, pruneFinishedRuns, type RunStatus } from "./store";

/** Step kinds Inngest carries out itself (no handler runs in the SDK, so no onStepStart), by opcode. */
const serverSideOps: Record<string, string> = {
  sleep: "Sleep",
  waitForEvent: "WaitForEvent",
  waitForSignal: "WaitForSignal",
  invoke: "InvokeFunction",
  "ai.infer": "AIGateway",
  fetch: "Gateway",
};

/** The opcode the local executor records for a step kind (the view labels every op but StepRun). */
const opFor = (stepType: string) => serverSideOps[stepType] ?? "StepRun";

interface StepRef {
  hashedId: string;
  stepType: string;
  name: string;
}

// The hooks' arguments are deeply read-only, which turns the open `stepType` union into an object type.
const stepRef = (info: {
  readonly hashedId: string;
  readonly stepType: unknown;
  readonly options: { readonly id: string; readonly name?: string };
}): StepRef => ({
  hashedId: info.hashedId,
  stepType: String(info.stepType),
  name: info.options.name ?? info.options.id,
});

const errorMessage = (error: unknown) =>
  error instanceof Error
    ? errorText({ name: error.name, message: error.message })
    : errorText({ name: "Error", message: String(error) });

/** A mirror write that fails is logged and dropped: the job itself must never fail for it. */
async function guarded(what: string, runId: string | undefined, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    log.warn("job run mirror: write failed", { what, runId, error });
  }
}

/**
 * Runs of functions on these triggers are not recorded: they are bookkeeping about another run
 * (inngest/functions/record-cancelled-run.ts), no job of any project, and one row per cancelled
 * run would pile up with nothing to prune it.
 */
const unmirroredEvents: ReadonlySet<string> = new Set([internalEvents.FunctionCancelled]);

/** The middleware class for an Inngest engine: register it on the client's `middleware`. */
export function runMirrorMiddleware(engine: MirrorEngine): Middleware.Class {
  return class RunMirrorMiddleware extends Middleware.BaseMiddleware {
    readonly id = "pagecraft-run-mirror";
    /** This request's run; null until it is written, and for good when it cannot be. */
    private run: MirroredRun | null = null;
    private lastSeq = 0;
    /** The attempt of the next step this request runs: the request's, then 0 once a step finished. */
    private attempt = 0;

    async transformFunctionInput(arg: Middleware.TransformFunctionInputArgs) {
      const { ctx, fn } = arg;
      if (ctx.runId && !unmirroredEvents.has(ctx.event.name)) {
        const retries = (fn.opts as { retries?: unknown }).retries;
        await guarded("start", ctx.runId, () =>
          this.start({
            id: ctx.runId,
            functionId: fn.id(this.client.id),
            engine,
            event: ctx.event as MirroredRunStart["event"],
            attempt: ctx.attempt,
            maxAttempts: ctx.maxAttempts ?? (typeof retries === "number" ? retries : DEFAULT_RETRIES) + 1,
          }),
        );
      }
      return arg;
    }

    private async start(input: MirroredRunStart) {
      this.attempt = input.attempt;
      const db = getDb();
      this.run = await beginMirroredRun(db, input);
      if (!this.run) return;
      for (const s of this.run.steps.values()) this.lastSeq = Math.max(this.lastSeq, s.seq ?? 0);
      if (!this.run.created) return;
      await this.publish({ status: "running" });
      if (input.event.name === internalEvents.ScheduledTimer) {
        await pruneFinishedRuns(db, {
          functionId: input.functionId,
          eventName: input.event.name,
          keep: KEEP_CRON_RUNS,
        });
      }
    }

    async transformStepInput(arg: Middleware.TransformStepInputArgs) {
      const { stepInfo, stepOptions } = arg;
      const run = this.run;
      if (
        run &&
        !stepInfo.memoized &&
        stepInfo.stepType in serverSideOps &&
        !run.steps.has(stepInfo.hashedId)
      ) {
        await guarded("server-side step", run.id, () =>
          this.saveStep(stepRef({ ...stepInfo, options: stepOptions }), {
            status: "running",
            attempts: 1,
            startedAt: new Date(),
          }),
        );
      }
      return arg;
    }

    async onStepStart({ stepInfo }: Middleware.OnStepStartArgs) {
      const run = this.run;
      if (!run) return;
      await guarded("step start", run.id, () =>
        this.saveStep(stepRef(stepInfo), {
          status: "running",
          attempts: this.attempt + 1,
          error: null,
          startedAt: new Date(),
          finishedAt: null,
        }),
      );
    }

    async onStepComplete({ stepInfo }: Middleware.OnStepCompleteArgs) {
      await this.finishStep(stepRef(stepInfo), "succeeded", null, { publish: true });
    }

    async onStepError({ stepInfo, error, isFinalAttempt }: Middleware.OnStepErrorArgs) {
      const run = this.run;
      if (!run) return;
      if (isFinalAttempt) {
        await this.finishStep(stepRef(stepInfo), "failed", errorMessage(error), { publish: true });
        return;
      }
      // Inngest runs the step again after its backoff; until then the run waits, as a local one does.
      await guarded("step retry", run.id, async () => {
        await this.saveStep(stepRef(stepInfo), {
          status: "queued",
          error: errorMessage(error),
          finishedAt: null,
        });
        await settleMirroredRun(getDb(), run.id, { status: "queued" });
      });
    }

    async wrapStep({ stepInfo, next }: Middleware.WrapStepArgs) {
      const run = this.run;
      const known = run?.steps.get(stepInfo.hashedId);
      if (!run || !stepInfo.memoized || (known && isFinished(known.status))) return next();
      // Memoized but not finished in our rows: a sleep or wait that ended, or a write that was lost.
      let output: unknown;
      try {
        output = await next();
      } catch (error) {
        await this.finishStep(stepRef(stepInfo), "failed", errorMessage(error), { publish: false });
        throw error;
      }
      await this.finishStep(stepRef(stepInfo), "succeeded", null, { publish: false });
      return output;
    }

    async onRunComplete({ output }: Middleware.OnRunCompleteArgs) {
      const run = this.run;
      if (!run) return;
      await guarded("run complete", run.id, async () => {
        if (await settleMirroredRun(getDb(), run.id, { status: "succeeded", output })) {
          await this.publish({ status: "succeeded", progress: 100 });
        }
      });
    }

    async onRunError({ error, isFinalAttempt }: Middleware.OnRunErrorArgs) {
      const run = this.run;
      if (!run) return;
      await guarded("run error", run.id, async () => {
        if (!isFinalAttempt) {
          await settleMirroredRun(getDb(), run.id, { status: "queued" });
          return;
        }
        const text = errorMessage(error);
        if (await settleMirroredRun(getDb(), run.id, { status: "failed", error: text })) {
          await this.publish({ status: "failed", error: text });
        }
      });
    }

    /** Returns whether the row was written (not when the step or its run was already settled). */
    private async saveStep(
      step: StepRef,
      data: {
        status: RunStatus;
        attempts?: number;
        error?: string | null;
        seq?: number;
        startedAt?: Date;
        finishedAt?: Date | null;
      },
    ): Promise<boolean> {
      const run = this.run;
      if (!run) return false;
      const known = run.steps.get(step.hashedId);
      if (known && isFinished(known.status)) return false;
      const written = await saveMirroredStep(
        getDb(),
        run.id,
        { stepId: step.hashedId, name: step.name.slice(0, 200), op: opFor(step.stepType), ...data },
        known !== undefined,
      );
      run.steps.set(step.hashedId, { status: data.status, seq: data.seq ?? known?.seq ?? null });
      return written;
    }

    private async finishStep(
      step: StepRef,
      status: "succeeded" | "failed",
      error: string | null,
      options: { publish: boolean },
    ) {
      const run = this.run;
      if (!run) return;
      const known = run.steps.get(step.hashedId);
      if (known && isFinished(known.status)) return;
      this.attempt = 0; // the next step starts its own attempts
      await guarded("step finish", run.id, async () => {
        const now = new Date();
        const written = await this.saveStep(step, {
          status,
          error,
          seq: ++this.lastSeq,
          finishedAt: now,
          // A step first seen finished (its row was lost) ran at least once.
          ...(known ? {} : { attempts: 1, startedAt: now }),
        });
        // Not written: the row was settled meanwhile (Inngest cancelled the run mid-step).
        if (!written || !options.publish) return;
        const done = [...run.steps.values()].filter((s) => isFinished(s.status)).length;
        await this.publish({
          status: "running",
          step: step.name,
          message: `${done} step${done === 1 ? "" : "s"} done`,
        });
      });
    }

    private async publish(update: Omit<JobProgressUpdate, "runId" | "projectId" | "functionId">) {
      const run = this.run;
      if (!run) return;
      // Awaited (unlike the local executor's): a serverless request may be frozen once it answers.
      await publishJobProgress({
        runId: run.id,
        projectId: run.projectId,
        functionId: run.functionId,
        ...update,
      }).catch((error) => log.warn("job progress publish failed", { runId: run.id, error }));
    }
  };
}
