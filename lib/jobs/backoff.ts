// Exponential backoff with jitter for failed steps and function attempts.
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 1000, maxMs: 5 * 60_000 };

/** Delay before retry number `attempt` (1 = the first retry): base·2^(attempt-1), ±20 %, capped. */
export function backoffDelay(attempt: number, options: BackoffOptions = defaultBackoff): number {
  const exp = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  const jitter = exp * 0.2 * (Math.random() * 2 - 1);
  return Math.max(0, Math.round(Math.min(options.maxMs, exp + jitter)));
}

/** A `Retry-After` value (seconds, an HTTP date or an ISO date) as milliseconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
