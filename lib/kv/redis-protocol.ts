// The semantics of the interface on anything that speaks Redis commands: the Redis driver (ioredis)
// and the Upstash REST driver (@vercel/kv) differ only in how a command reaches the server.
// Everything that must be atomic is one command or one Lua script (EVALSHA, falling back to EVAL).
import { createHash } from "node:crypto";
import { assertRateLimitOptions, assertTtl, createKv, randomToken, retryAfterSecondsOf } from "./create-kv";
import type { Kv, KvDriverName, RateLimitResult } from "./types";

/** The few commands the drivers need from a client. Values are the stored strings (JSON). */
export interface RedisCommands {
  get(key: string): Promise<string | null>;
  /** SET with optional PX and NX; true when the value was written. */
  set(key: string, value: string, options: { ttlMs?: number; nx?: boolean }): Promise<boolean>;
  del(key: string): Promise<number>;
  eval(script: string, keys: string[], args: string[]): Promise<unknown>;
  evalsha(sha1: string, keys: string[], args: string[]): Promise<unknown>;
  ping(): Promise<unknown>;
  quit(): Promise<unknown>;
}

interface Script {
  source: string;
  sha1: string;
}

function script(source: string): Script {
  return { source, sha1: createHash("sha1").update(source).digest("hex") };
}

// INCR, then give the key a time to live if it has none (PTTL -1: no expiry).
const incrScript = script(`
local value = redis.call('INCR', KEYS[1])
if ARGV[1] ~= '' and redis.call('PTTL', KEYS[1]) == -1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return value`);

// Compare-and-delete: only the holder of the token releases the lock.
const releaseScript = script(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`);

// Sliding-window log: a sorted set of request timestamps. Drop those that left the window
// (score <= now - window), count the rest, add this one when under the limit. Refused requests
// are not added, so a client that keeps hammering is let in again once its old requests age out.
// Returns { ok, count after this request, oldest timestamp in the window }.
const rateLimitScript = script(`
local key = KEYS[1]
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
local ok = 0
if count < limit then
  redis.call('ZADD', key, now, ARGV[4])
  redis.call('PEXPIRE', key, window)
  count = count + 1
  ok = 1
end
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
return { ok, count, tonumber(oldest[2]) }`);

function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.includes("NOSCRIPT");
}

export function createRedisProtocolKv(options: {
  driver: Exclude<KvDriverName, "memory">;
  commands: RedisCommands;
  /** Prepended to every key, so several apps (or test runs) can share one database. */
  prefix?: string;
}): Kv {
  const { commands } = options;
  const prefix = options.prefix ?? "pagecraft:";
  const k = (key: string) => prefix + key;

  async function run(s: Script, keys: string[], args: string[]): Promise<unknown> {
    try {
      return await commands.evalsha(s.sha1, keys, args);
    } catch (error) {
      if (!isNoScript(error)) throw error;
      return commands.eval(s.source, keys, args); // loads it into the script cache for next time
    }
  }

  return createKv({
    driver: options.driver,

    async get<T>(key: string): Promise<T | null> {
      const raw = await commands.get(k(key));
      return raw === null ? null : (JSON.parse(raw) as T);
    },

    async set(key, value, setOptions = {}) {
      assertTtl(setOptions.ttlMs);
      return commands.set(k(key), JSON.stringify(value), setOptions);
    },

    async delete(key) {
      return (await commands.del(k(key))) > 0;
    },

    async incr(key, incrOptions = {}) {
      assertTtl(incrOptions.ttlMs);
      return Number(await run(incrScript, [k(key)], [String(incrOptions.ttlMs ?? "")]));
    },

    async acquireLock(key, ttlMs) {
      assertTtl(ttlMs);
      const token = randomToken();
      const taken = await commands.set(k(key), JSON.stringify(token), { ttlMs, nx: true });
      return taken ? { token } : null;
    },

    async releaseLock(key, token) {
      return Number(await run(releaseScript, [k(key)], [JSON.stringify(token)])) > 0;
    },

    async rateLimit(key, { limit, windowMs }): Promise<RateLimitResult> {
      assertRateLimitOptions(limit, windowMs);
      // The caller's clock, as @upstash/ratelimit does: instances' clocks agree to well under a window.
      const now = Date.now();
      const reply = await run(
        rateLimitScript,
        [k(key)],
        [String(now), String(windowMs), String(limit), `${now}:${randomToken()}`],
      );
      const [okFlag, count, oldest] = (reply as Array<number | string>).map(Number);
      const ok = okFlag === 1;
      const resetMs = Math.max(0, oldest + windowMs - now);
      return {
        ok,
        remaining: Math.max(0, limit - count),
        resetMs,
        retryAfterSeconds: retryAfterSecondsOf(ok, resetMs),
      };
    },

    async ping() {
      await commands.ping();
    },

    async close() {
      await commands.quit();
    },
  });
}
