// The embedded default: a Map in this process. Same semantics as the Redis drivers (expiring keys,
// NX, atomic counters, token locks, sliding windows) — atomic because each operation runs to
// completion on the one JavaScript thread. Not shared between processes or serverless instances.
import { assertRateLimitOptions, assertTtl, createKv, randomToken, retryAfterSecondsOf } from "./create-kv";
import type { IncrOptions, Kv, RateLimitOptions, RateLimitResult, SetOptions } from "./types";

type Entry =
  | { kind: "value"; json: string; expiresAt: number | null }
  // A sliding window: timestamps (ms) of the counted requests, oldest first.
  | { kind: "window"; stamps: number[]; expiresAt: number | null };

const SWEEP_INTERVAL_MS = 30_000;

export function createMemoryKv(): Kv {
  const entries = new Map<string, Entry>();

  function live(key: string, now = Date.now()): Entry | undefined {
    const entry = entries.get(key);
    if (entry && entry.expiresAt !== null && entry.expiresAt <= now) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  function liveValue(key: string): Extract<Entry, { kind: "value" }> | undefined {
    const entry = live(key);
    if (entry && entry.kind !== "value") throw new Error(`kv: ${key} holds a rate-limit window, not a value`);
    return entry;
  }

  function setNow(key: string, json: string, options: SetOptions = {}): boolean {
    assertTtl(options.ttlMs);
    if (options.nx && live(key)) return false;
    entries.set(key, {
      kind: "value",
      json,
      expiresAt: options.ttlMs === undefined ? null : Date.now() + options.ttlMs,
    });
    return true;
  }

  // Expired keys are dropped when touched; the sweep bounds memory for keys nobody touches again
  // (rate-limit windows of one-off IP addresses). unref() so it never keeps the process alive.
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const key of entries.keys()) live(key, now);
  }, SWEEP_INTERVAL_MS);
  sweep.unref?.();

  return createKv({
    driver: "memory",

    async get<T>(key: string): Promise<T | null> {
      const entry = liveValue(key);
      return entry ? (JSON.parse(entry.json) as T) : null;
    },

    async set(key, value, options) {
      return setNow(key, JSON.stringify(value), options);
    },

    async delete(key) {
      const existed = live(key) !== undefined;
      entries.delete(key);
      return existed;
    },

    async incr(key, options: IncrOptions = {}) {
      assertTtl(options.ttlMs);
      const entry = liveValue(key);
      const current = entry ? JSON.parse(entry.json) : 0;
      if (!Number.isSafeInteger(current)) throw new Error(`kv: ${key} is not an integer`);
      const next = current + 1;
      const expiresAt = entry?.expiresAt ?? (options.ttlMs === undefined ? null : Date.now() + options.ttlMs);
      entries.set(key, { kind: "value", json: JSON.stringify(next), expiresAt });
      return next;
    },

    async acquireLock(key, ttlMs) {
      assertTtl(ttlMs);
      const token = randomToken();
      return setNow(key, JSON.stringify(token), { ttlMs, nx: true }) ? { token } : null;
    },

    async releaseLock(key, token) {
      const entry = live(key);
      if (entry?.kind !== "value" || entry.json !== JSON.stringify(token)) return false;
      entries.delete(key);
      return true;
    },

    async rateLimit(key, { limit, windowMs }: RateLimitOptions): Promise<RateLimitResult> {
      assertRateLimitOptions(limit, windowMs);
      const now = Date.now();
      const entry = live(key, now);
      if (entry && entry.kind !== "window")
        throw new Error(`kv: ${key} holds a value, not a rate-limit window`);
      // Requests at or before now - windowMs have left the window (as ZREMRANGEBYSCORE does below).
      const stamps = (entry?.stamps ?? []).filter((t) => t > now - windowMs);
      const ok = stamps.length < limit;
      if (ok) {
        // Keep the list sorted even if the clock stepped back.
        let i = stamps.length;
        while (i > 0 && stamps[i - 1] > now) i--;
        stamps.splice(i, 0, now);
      }
      const newest = stamps[stamps.length - 1] ?? now;
      entries.set(key, { kind: "window", stamps, expiresAt: newest + windowMs });
      const resetMs = Math.max(0, stamps[0] + windowMs - now);
      return {
        ok,
        remaining: Math.max(0, limit - stamps.length),
        resetMs,
        retryAfterSeconds: retryAfterSecondsOf(ok, resetMs),
      };
    },

    async ping() {},

    async close() {
      clearInterval(sweep);
      entries.clear();
    },
  });
}
