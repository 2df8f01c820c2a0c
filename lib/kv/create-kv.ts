// Turns a driver into the Kv the app uses, adding the helpers every driver shares.
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { Kv, KvDriver, WithLockOptions } from "./types";

/** A random lock token (or sorted-set member): 128 bits, hex. */
export function randomToken(): string {
  return randomBytes(16).toString("hex");
}

export function assertTtl(ttlMs: number | undefined, what = "ttlMs"): void {
  if (ttlMs !== undefined && (!Number.isInteger(ttlMs) || ttlMs <= 0)) {
    throw new RangeError(`${what} must be a positive whole number of milliseconds, got ${ttlMs}`);
  }
}

export function assertRateLimitOptions(limit: number, windowMs: number): void {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be ≥ 1, got ${limit}`);
  assertTtl(windowMs, "windowMs");
}

/** Seconds for a Retry-After header: never 0 for a refusal, so clients do not retry at once. */
export function retryAfterSecondsOf(ok: boolean, resetMs: number): number {
  return ok ? 0 : Math.max(1, Math.ceil(resetMs / 1000));
}

async function withLock<T>(
  kv: KvDriver,
  key: string,
  ttlMs: number,
  fn: () => Promise<T>,
  options: WithLockOptions = {},
): Promise<T> {
  const deadline = Date.now() + (options.waitMs ?? 0);
  let lock = await kv.acquireLock(key, ttlMs);
  // Poll with a little jitter so that waiters do not retry in lockstep.
  let delay = 10;
  while (!lock && Date.now() < deadline) {
    await sleep(Math.min(delay + Math.random() * delay, Math.max(1, deadline - Date.now())));
    delay = Math.min(delay * 2, 200);
    lock = await kv.acquireLock(key, ttlMs);
  }
  if (!lock) {
    throw new AppError("conflict:locked", "Another change is in progress here. Try again in a moment.", {
      retryAfter: Math.max(1, Math.ceil(ttlMs / 1000)),
    });
  }
  try {
    return await fn();
  } finally {
    const released = await kv.releaseLock(key, lock.token).catch((error) => {
      log.warn("kv lock release failed", { key, error });
      return true;
    });
    // Not ours any more: it expired while fn ran, so another holder may have overlapped with us.
    if (!released) log.warn("kv lock expired before release; ttl too short for the work", { key, ttlMs });
  }
}

export function createKv(driver: KvDriver): Kv {
  return Object.assign(driver, {
    withLock: <T>(key: string, ttlMs: number, fn: () => Promise<T>, options?: WithLockOptions) =>
      withLock(driver, key, ttlMs, fn, options),
  });
}
