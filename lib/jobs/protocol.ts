// The call request Inngest makes to an SDK's serve endpoint, and what the SDK answers
// (docs/SDK_SPEC.md §4.4 and §5; request shape as the JS SDK's parseFnData reads it):
//   POST <serve url>?fnId=<app-fn id>&stepId=<"step" | hashed step id>
//   { event, events, steps: { [hashedId]: { data } | { error } }, ctx: { run_id, attempt,
//     max_attempts, disable_immediate_execution, use_api, stack: { stack, current } }, version }
// Answers: 200 + the function's result · 206 + an array of step ops · 4xx/5xx + a serialized
// error, retried unless `x-inngest-no-retry: true` (`retry-after` may say when).
import { z } from "zod";
import { parseRetryAfter } from "./backoff";
import { canonicalJson } from "./canonical-json";
import { signBody } from "./signing";
import type { ServeHandler, StoredEvent } from "./types";

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  [key: string]: unknown;
}

export type Memoized = { data: unknown } | { error: SerializedError };

export interface CallRequest {
  serveUrl: string;
  functionId: string;
  /** "step" to run the function onwards, or the hashed id of a planned step to run only that. */
  stepId: string;
  runId: string;
  event: StoredEvent;
  steps: Record<string, Memoized>;
  /** Hashed ids of memoized steps in completion order. */
  stack: string[];
  attempt: number;
  maxAttempts: number;
  disableImmediateExecution: boolean;
  signingKey: string;
  /** More `ctx` fields, as today's Inngest sends them (`fn_id`, `qi_id`: the SDK then checkpoints). */
  extraCtx?: Record<string, unknown>;
}

const opSchema = z
  .object({
    id: z.string(),
    op: z.string(),
    name: z.string().optional(),
    displayName: z.string().optional(),
    opts: z.record(z.string(), z.unknown()).optional(),
    data: z.unknown().optional(),
    error: z.unknown().optional(),
  })
  .passthrough();

export type StepOp = z.infer<typeof opSchema>;

export type CallOutcome =
  | { kind: "complete"; output: unknown }
  | { kind: "ops"; ops: StepOp[]; retriable: boolean; retryAfterMs?: number }
  | { kind: "error"; error: SerializedError; retriable: boolean; retryAfterMs?: number; status: number };

export async function callFunction(handler: ServeHandler, call: CallRequest): Promise<CallOutcome> {
  const url = new URL(call.serveUrl);
  url.searchParams.set("fnId", call.functionId);
  url.searchParams.set("stepId", call.stepId);
  const body = canonicalJson({
    event: call.event,
    events: [call.event],
    steps: call.steps,
    ctx: {
      run_id: call.runId,
      attempt: call.attempt,
      max_attempts: call.maxAttempts,
      disable_immediate_execution: call.disableImmediateExecution,
      use_api: false,
      stack: { stack: call.stack, current: call.stack.length },
      ...call.extraCtx,
    },
    // -1: the SDK picks its preferred execution version, as Inngest asks on a run's first call.
    version: -1,
  });
  const response = await handler(
    new Request(url, {
      method: "POST",
      body,
      headers: {
        "content-type": "application/json",
        "x-inngest-server-kind": "cloud",
        "x-inngest-signature": signBody(body, call.signingKey),
      },
    }),
  );
  return parseOutcome(response);
}

async function parseOutcome(response: Response): Promise<CallOutcome> {
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { message: text.slice(0, 2000) };
  }
  const noRetry = response.headers.get("x-inngest-no-retry") === "true";
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
  if (response.status === 200) return { kind: "complete", output: json };
  if (response.status === 206) {
    const ops = z.array(opSchema).parse(Array.isArray(json) ? json : [json]);
    return { kind: "ops", ops, retriable: !noRetry, retryAfterMs };
  }
  return {
    kind: "error",
    error: toSerializedError(json, response.status),
    retriable: !noRetry,
    retryAfterMs,
    status: response.status,
  };
}

export function toSerializedError(value: unknown, status?: number): SerializedError {
  if (value && typeof value === "object") {
    const v = value as Record<string, unknown>;
    const message =
      typeof v.message === "string"
        ? v.message
        : typeof v.error === "string"
          ? v.error
          : JSON.stringify(value);
    return { ...v, name: typeof v.name === "string" ? v.name : "Error", message };
  }
  return {
    name: "Error",
    message: typeof value === "string" ? value : `The function answered ${status ?? "an error"}.`,
  };
}
