// Drives a serve handler the way Inngest Cloud does, and nothing more: signed call requests, one
// per step, the memoized state (steps + stack) growing between them, a step retried with the next
// attempt number, planned (parallel) steps called one by one. It keeps its state in memory — no
// local executor, no JobRun rows — so whatever the database holds afterwards the function wrote.
import { randomBytes } from "node:crypto";
import {
  type CallOutcome,
  callFunction,
  type Memoized,
  type StepOp,
  toSerializedError,
} from "@/lib/jobs/protocol";
import type { ServeHandler, StoredEvent } from "@/lib/jobs/types";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** An id shaped like Inngest's run ids (a 26-character ULID). */
/** Puts back the Inngest Cloud keys a test file set before its modules loaded (undefined: unset). */
export function restoreInngestKeys(saved: { event?: string; signing?: string }) {
  for (const [name, value] of [
    ["INNGEST_EVENT_KEY", saved.event],
    ["INNGEST_SIGNING_KEY", saved.signing],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

export function inngestRunId(): string {
  return `01${[...randomBytes(24)].map((b) => CROCKFORD[b % 32]).join("")}`;
}

export interface CloudRunOptions {
  handler: ServeHandler;
  signingKey: string;
  /** The app's function id (`appId-functionId`). */
  functionId: string;
  event: { name: string; data: Record<string, unknown>; id?: string };
  /** The function's retries + 1 (Inngest reads it from the synced config). */
  maxAttempts: number;
  runId?: string;
  serveUrl?: string;
  /**
   * More `ctx` fields, as today's Inngest sends them: with `fn_id` (and `qi_id`) the SDK
   * checkpoints — it runs step after step in one request and reports them to the Inngest API.
   */
  ctx?: Record<string, unknown>;
}

export type CloudRunResult = { status: "succeeded"; output: unknown } | { status: "failed"; error: unknown };

export class CloudRun {
  readonly runId: string;
  readonly event: StoredEvent;
  readonly steps: Record<string, Memoized> = {};
  readonly stack: string[] = [];
  attempt = 0;
  requests = 0;
  result: CloudRunResult | undefined;
  private planned: string[] = [];
  private disableImmediate = false;
  private readonly options: CloudRunOptions;

  constructor(options: CloudRunOptions) {
    this.options = options;
    this.runId = options.runId ?? inngestRunId();
    this.event = {
      name: options.event.name,
      data: options.event.data,
      id: options.event.id ?? `evt-${randomBytes(8).toString("hex")}`,
      ts: Date.now(),
    };
  }

  /** What the next request asks for: a planned step, or the function onwards. */
  get target(): string {
    return this.planned[0] ?? "step";
  }

  /** Sends one request for `stepId` (default: the next target) and applies its answer. */
  async request(stepId = this.target): Promise<CallOutcome> {
    if (this.result) throw new Error("The run has finished.");
    const outcome = await this.call(stepId);
    this.apply(stepId, outcome);
    return outcome;
  }

  /** The planned steps (parallel ones), in the order Inngest will call them. */
  get plannedSteps(): readonly string[] {
    return this.planned;
  }

  /** Requests for several planned steps at once, as Inngest sends parallel steps; answers applied in order. */
  async requestAll(stepIds: readonly string[]): Promise<CallOutcome[]> {
    const outcomes = await Promise.all(stepIds.map((id) => this.call(id)));
    for (const [i, id] of stepIds.entries()) this.apply(id, outcomes[i]);
    return outcomes;
  }

  /** The same request again, as a duplicate delivery would send it: its answer is not applied. */
  call(stepId = this.target): Promise<CallOutcome> {
    this.requests += 1;
    return callFunction(this.options.handler, {
      serveUrl: this.options.serveUrl ?? "http://localhost:3000/api/inngest",
      functionId: this.options.functionId,
      stepId,
      runId: this.runId,
      event: this.event,
      steps: { ...this.steps },
      stack: [...this.stack],
      attempt: this.attempt,
      maxAttempts: this.options.maxAttempts,
      disableImmediateExecution: this.disableImmediate,
      signingKey: this.options.signingKey,
      extraCtx: this.options.ctx,
    });
  }

  /** Steps the SDK checkpointed to the Inngest API (its answer to a `fn_id` request): memoized like a 206's. */
  checkpoint(ops: StepOp[]): void {
    this.apply("checkpoint", { kind: "ops", ops, retriable: true });
  }

  async runToEnd(maxRequests = 50): Promise<CloudRunResult> {
    for (let i = 0; i < maxRequests && !this.result; i++) await this.request();
    if (!this.result) throw new Error(`The run did not finish in ${maxRequests} requests.`);
    return this.result;
  }

  private memoize(id: string, value: Memoized) {
    this.steps[id] = value;
    this.stack.push(id);
    this.planned = this.planned.filter((p) => p !== id);
    this.attempt = 0;
  }

  private retry(retriable: boolean): boolean {
    if (!retriable || this.attempt + 1 >= this.options.maxAttempts) return false;
    this.attempt += 1;
    return true;
  }

  private apply(stepId: string, outcome: CallOutcome) {
    if (outcome.kind === "complete") {
      this.result = { status: "succeeded", output: outcome.output };
      return;
    }
    if (outcome.kind === "error") {
      if (!this.retry(outcome.retriable)) this.result = { status: "failed", error: outcome.error };
      return;
    }
    if (outcome.ops.length > 1) this.disableImmediate = true;
    for (const op of outcome.ops) {
      switch (op.op) {
        case "StepRun":
        case "Step":
          this.memoize(op.id, { data: op.data ?? null });
          break;
        case "StepFailed":
          this.memoize(op.id, { error: toSerializedError(op.error) });
          break;
        case "StepError":
          // Inngest runs the step again after its backoff (the SDK reports StepFailed on the last try).
          if (this.retry(outcome.retriable))
            this.planned = [op.id, ...this.planned.filter((p) => p !== op.id)];
          break;
        case "StepPlanned":
          if (!this.planned.includes(op.id)) this.planned.push(op.id);
          break;
        case "Sleep":
        case "WaitForEvent":
          // Time passes at once here: the sleep ends, the wait times out.
          this.memoize(op.id, { data: null });
          break;
        case "RunComplete":
          this.result = { status: "succeeded", output: op.data ?? null };
          break;
        default:
          throw new Error(`The test driver does not handle ${op.op} (asked for ${stepId}).`);
      }
    }
  }
}
