// The functions an app serves, learned the way Inngest learns them: an in-band sync (a signed
// PUT with `x-inngest-sync-kind: in_band`), whose answer lists each function's id, triggers,
// retries, concurrency and idempotency.
import { z } from "zod";
import { canonicalJson } from "./canonical-json";
import { parseCron } from "./cron";
import { isSupportedKeyExpression } from "./expressions";
import { signBody } from "./signing";
import type { ServeHandler } from "./types";

const concurrencySchema = z.object({
  limit: z.number().int().min(0),
  key: z.string().optional(),
  scope: z.string().optional(),
});

const functionConfigSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  triggers: z.array(
    z.union([
      z.object({ event: z.string(), expression: z.string().optional() }),
      z.object({ cron: z.string() }),
    ]),
  ),
  steps: z.record(
    z.string(),
    z.object({ retries: z.object({ attempts: z.number().int().min(0) }).optional() }).passthrough(),
  ),
  idempotency: z.string().optional(),
  concurrency: z.union([concurrencySchema, z.array(concurrencySchema)]).optional(),
});

const syncResponseSchema = z.object({ functions: z.array(functionConfigSchema) });

export interface JobFunction {
  /** The composite id the serve handler knows it by (`appId-functionId`). */
  id: string;
  name: string;
  events: Array<{ name: string; expression?: string }>;
  crons: string[];
  /** Retries + 1. */
  maxAttempts: number;
  idempotency?: string;
  concurrency: Array<{ limit: number; key?: string }>;
}

/** Inngest's default when a function sets no `retries`. */
export const DEFAULT_RETRIES = 3;

export async function syncFunctions(
  handler: ServeHandler,
  serveUrl: string,
  signingKey: string,
): Promise<JobFunction[]> {
  const body = canonicalJson({ url: serveUrl });
  const response = await handler(
    new Request(serveUrl, {
      method: "PUT",
      body,
      headers: {
        "content-type": "application/json",
        "x-inngest-sync-kind": "in_band",
        "x-inngest-server-kind": "cloud",
        "x-inngest-signature": signBody(body, signingKey),
      },
    }),
  );
  const text = await response.text();
  if (response.status !== 200)
    throw new Error(`Sync with ${serveUrl} failed: ${response.status} ${text.slice(0, 500)}`);
  const parsed = syncResponseSchema.parse(JSON.parse(text));
  return parsed.functions.map(toJobFunction);
}

function toJobFunction(config: z.infer<typeof functionConfigSchema>): JobFunction {
  const events: JobFunction["events"] = [];
  const crons: string[] = [];
  for (const trigger of config.triggers) {
    if ("cron" in trigger) {
      parseCron(trigger.cron); // refuses an expression the executor would misread
      crons.push(trigger.cron);
    } else events.push({ name: trigger.event, expression: trigger.expression });
  }
  const concurrency = config.concurrency
    ? (Array.isArray(config.concurrency) ? config.concurrency : [config.concurrency]).filter(
        (c) => c.limit > 0,
      )
    : [];
  for (const expression of [config.idempotency, ...concurrency.map((c) => c.key)]) {
    if (expression && !isSupportedKeyExpression(expression)) {
      throw new Error(
        `Function ${config.id}: the local executor only evaluates property paths, not ${expression}`,
      );
    }
  }
  const retries = config.steps.step?.retries?.attempts ?? DEFAULT_RETRIES;
  return {
    id: config.id,
    name: config.name ?? config.id,
    events,
    crons,
    maxAttempts: retries + 1,
    idempotency: config.idempotency,
    concurrency: concurrency.map(({ limit, key }) => ({ limit, key })),
  };
}

/** Whether an event name matches a trigger (exact, or a `prefix/*` wildcard). */
export function triggerMatches(trigger: string, eventName: string): boolean {
  if (trigger === eventName) return true;
  return trigger.endsWith("*") && eventName.startsWith(trigger.slice(0, -1));
}
