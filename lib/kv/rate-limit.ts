// Enforces the limits of lib/kv/limits.ts: counts the request and throws a 429 AppError when it is
// over. Fails open (with a log line) when the store errors or does not answer in time.
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { getKv } from "./index";
import { rateLimitKey } from "./keys";
import { RATE_LIMIT_TIMEOUT_MS, RATE_LIMITS, type RateLimitName, type RateLimitRule } from "./limits";
import type { RateLimitResult } from "./types";

/** "42 seconds", "1 minute", "14 minutes" — rounded up, so the person never retries too early. */
export function formatWait(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 90) return `${s} second${s === 1 ? "" : "s"}`;
  const m = Math.ceil(s / 60);
  return `${m} minute${m === 1 ? "" : "s"}`;
}

/** The error a refusal becomes (also rebuilt from a code where only the seconds survive, e.g. sign-in). */
export function rateLimitError(rule: RateLimitRule, retryAfterSeconds: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new AppError(`rate_limit:${rule.surface}`, `${rule.message}. Try again in ${formatWait(seconds)}.`, {
    retryAfter: seconds,
    details: { retryAfterSeconds: seconds },
  });
}

/** Keys hold no email addresses in clear: a short hash identifies the account just as well. */
export function hashSubject(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 32);
}

async function check(name: RateLimitName, subject: string): Promise<RateLimitResult | null> {
  const rule = RATE_LIMITS[name];
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      getKv().rateLimit(rateLimitKey(name, subject), { limit: rule.limit, windowMs: rule.windowMs }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer in ${RATE_LIMIT_TIMEOUT_MS} ms`)),
          RATE_LIMIT_TIMEOUT_MS,
        );
      }),
    ]);
  } catch (error) {
    log.warn("rate limit check failed; letting the request through", { limit: name, error });
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** Counts one request against each named limit, in order; throws on the first that is exceeded. */
export async function enforceRateLimit(
  names: RateLimitName | readonly RateLimitName[],
  subject: string,
): Promise<void> {
  const list: readonly RateLimitName[] = typeof names === "string" ? [names] : names;
  for (const name of list) {
    const result = await check(name, subject);
    if (result && !result.ok) throw rateLimitError(RATE_LIMITS[name], result.retryAfterSeconds);
  }
}
