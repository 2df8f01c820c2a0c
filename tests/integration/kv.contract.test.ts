// One contract for every key-value driver: in-memory, Redis (ioredis) against a real redis-server
// started here, and Upstash (@vercel/kv's own client) over the Upstash REST protocol in front of
// that same redis-server. Short TTLs and windows (≤ 300 ms) with polling instead of long sleeps.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryKv } from "@/lib/kv/memory";
import { createRedisKv } from "@/lib/kv/redis";
import type { Kv } from "@/lib/kv/types";
import { createVercelKv } from "@/lib/kv/vercel-kv";
import { type RunningRedis, redisServerPath, startRedisServer } from "./helpers/redis-server";
import { type RunningUpstashRest, startUpstashRest } from "./helpers/upstash-rest";

const key = (name: string) => `${name}:${randomUUID()}`;

/** Polls `check` every 10 ms; resolves with the milliseconds it took, fails after `timeoutMs`. */
async function waitUntil(check: () => Promise<boolean>, timeoutMs = 5000): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met in ${timeoutMs} ms`);
    await sleep(10);
  }
  return Date.now() - started;
}

function contract(kvOf: () => Kv) {
  it("round-trips JSON values, reports missing keys as null, deletes", async () => {
    const kv = kvOf();
    const k = key("value");
    expect(await kv.get(k)).toBeNull();
    const value = { name: "Pagecraft", n: 3, nested: [true, null, "ü"] };
    expect(await kv.set(k, value)).toBe(true);
    expect(await kv.get(k)).toEqual(value);
    expect(await kv.set(k, "replaced")).toBe(true);
    expect(await kv.get<string>(k)).toBe("replaced");
    expect(await kv.delete(k)).toBe(true);
    expect(await kv.delete(k)).toBe(false);
    expect(await kv.get(k)).toBeNull();
  });

  // Timing: lower bounds always hold; a check that needs the machine to be quick ("still there
  // right after set") runs only when it was quick, so a loaded CI runner cannot make it flaky.
  it("expires a key after its TTL", async () => {
    const kv = kvOf();
    const k = key("ttl");
    const started = Date.now();
    await kv.set(k, 1, { ttlMs: 300 });
    const early = await kv.get(k);
    if (Date.now() - started < 250) expect(early).toBe(1);
    await waitUntil(async () => (await kv.get(k)) === null);
    expect(Date.now() - started).toBeGreaterThanOrEqual(295);
    expect(await kv.delete(k)).toBe(false);
  });

  it("nx sets only a missing (or expired) key", async () => {
    const kv = kvOf();
    const k = key("nx");
    expect(await kv.set(k, "first", { nx: true, ttlMs: 300 })).toBe(true);
    expect(await kv.set(k, "second", { nx: true, ttlMs: 60_000 })).toBe(false);
    expect(await kv.get(k)).toBe("first");
    await waitUntil(async () => (await kv.get(k)) === null);
    expect(await kv.set(k, "third", { nx: true })).toBe(true);
    expect(await kv.get(k)).toBe("third");
  });

  it("incr counts atomically, and its TTL starts at the first increment", async () => {
    const kv = kvOf();
    const counter = key("incr");
    const values = await Promise.all(Array.from({ length: 20 }, () => kv.incr(counter)));
    expect(values.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await kv.get(counter)).toBe(20);

    const windowed = key("incr-ttl");
    const started = Date.now();
    expect(await kv.incr(windowed, { ttlMs: 300 })).toBe(1);
    // A later ttlMs does not move the expiry: the counter still goes after ~300 ms, not 60 s.
    expect(await kv.incr(windowed, { ttlMs: 60_000 })).toBe(2);
    await waitUntil(async () => (await kv.get(windowed)) === null, 5000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(295);
    expect(await kv.incr(windowed, { ttlMs: 300 })).toBe(1);

    const text = key("incr-text");
    await kv.set(text, "not a number");
    await expect(kv.incr(text)).rejects.toThrow();
  });

  it("a lock has one holder, and only the holder's token releases it", async () => {
    const kv = kvOf();
    const k = key("lock");
    const lock = await kv.acquireLock(k, 5000);
    expect(lock?.token).toMatch(/^[0-9a-f]{32}$/);
    expect(await kv.acquireLock(k, 5000)).toBeNull();
    expect(await kv.releaseLock(k, "not-the-token")).toBe(false);
    expect(await kv.acquireLock(k, 5000)).toBeNull();
    expect(await kv.releaseLock(k, lock!.token)).toBe(true);
    expect(await kv.releaseLock(k, lock!.token)).toBe(false);
    const next = await kv.acquireLock(k, 5000);
    expect(next).not.toBeNull();
    expect(next!.token).not.toBe(lock!.token);
    await kv.releaseLock(k, next!.token);
  });

  it("a lock expires, and the old holder cannot release the new holder's lock", async () => {
    const kv = kvOf();
    const k = key("lock-expiry");
    const started = Date.now();
    const first = await kv.acquireLock(k, 150);
    expect(first).not.toBeNull();
    let second: Awaited<ReturnType<Kv["acquireLock"]>> = null;
    await waitUntil(async () => {
      second = await kv.acquireLock(k, 5000);
      return second !== null;
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(await kv.releaseLock(k, first!.token)).toBe(false);
    expect(await kv.acquireLock(k, 5000)).toBeNull(); // still the second holder's
    expect(await kv.releaseLock(k, second!.token)).toBe(true);
  });

  it("many parallel acquirers: exactly one wins", async () => {
    const kv = kvOf();
    const k = key("contention");
    const results = await Promise.all(Array.from({ length: 50 }, () => kv.acquireLock(k, 5000)));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
  });

  it("withLock runs one caller at a time, waits for the lock, and releases on failure", async () => {
    const kv = kvOf();
    const k = key("with-lock");
    let running = 0;
    let maxRunning = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        kv.withLock(
          k,
          5000,
          async () => {
            running++;
            maxRunning = Math.max(maxRunning, running);
            await sleep(15);
            order.push(i);
            running--;
          },
          { waitMs: 5000 },
        ),
      ),
    );
    expect(maxRunning).toBe(1);
    expect(order).toHaveLength(5);

    const held = await kv.acquireLock(k, 5000);
    await expect(kv.withLock(k, 5000, async () => "never")).rejects.toMatchObject({
      code: "conflict:locked",
      status: 409,
    });
    await kv.releaseLock(k, held!.token);

    await expect(
      kv.withLock(k, 5000, async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await kv.withLock(k, 5000, async () => "free again")).toBe("free again");
  });

  it("the rate limiter allows `limit` in the window, then refuses with a sensible retry-after", async () => {
    const kv = kvOf();
    const k = key("rl");
    const options = { limit: 3, windowMs: 10_000 };
    const started = Date.now();
    const allowed = [
      await kv.rateLimit(k, options),
      await kv.rateLimit(k, options),
      await kv.rateLimit(k, options),
    ];
    expect(allowed.map((r) => [r.ok, r.remaining, r.retryAfterSeconds])).toEqual([
      [true, 2, 0],
      [true, 1, 0],
      [true, 0, 0],
    ]);
    const refused = await kv.rateLimit(k, options);
    expect(refused.ok).toBe(false);
    expect(refused.remaining).toBe(0);
    // The first request leaves the window 10 s after it was made.
    expect(refused.resetMs).toBeGreaterThan(10_000 - (Date.now() - started) - 5);
    expect(refused.resetMs).toBeLessThanOrEqual(10_000);
    expect(refused.retryAfterSeconds).toBe(Math.ceil(refused.resetMs / 1000));
    // Refusals are not counted, and other keys are independent.
    for (let i = 0; i < 5; i++) expect((await kv.rateLimit(k, options)).ok).toBe(false);
    expect((await kv.rateLimit(key("rl-other"), options)).ok).toBe(true);
  });

  it("the window slides: each request frees its slot one window after it was made", async () => {
    const kv = kvOf();
    const k = key("rl-slide");
    const windowMs = 600;
    const options = { limit: 3, windowMs };
    const first = Date.now();
    expect((await kv.rateLimit(k, options)).ok).toBe(true);
    await sleep(200);
    const second = Date.now();
    expect((await kv.rateLimit(k, options)).ok).toBe(true);
    expect((await kv.rateLimit(k, options)).ok).toBe(true);
    const beforeRefused = Date.now();
    const refused = await kv.rateLimit(k, options);
    if (beforeRefused - first < windowMs - 50) {
      expect(refused.ok).toBe(false);
      // Nothing more gets in until the first request leaves the window.
      expect(refused.resetMs).toBeLessThanOrEqual(windowMs - (beforeRefused - first) + 5);
    }

    await waitUntil(async () => (await kv.rateLimit(k, options)).ok, 5000);
    expect(Date.now() - first).toBeGreaterThanOrEqual(windowMs - 5);
    // A fixed window would now have reset all three slots; a sliding one freed only the first,
    // while the two later requests are still inside it.
    const beforeNext = Date.now();
    const next = await kv.rateLimit(k, options);
    if (beforeNext - second < windowMs - 50) {
      expect(next.ok).toBe(false);
      expect(next.resetMs).toBeLessThanOrEqual(windowMs - (beforeNext - second) + 5);
    }
  });

  it("the rate limiter is atomic under concurrency: exactly `limit` of many parallel requests pass", async () => {
    const kv = kvOf();
    const k = key("rl-parallel");
    const results = await Promise.all(
      Array.from({ length: 30 }, () => kv.rateLimit(k, { limit: 7, windowMs: 10_000 })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(7);
    expect(results.filter((r) => !r.ok).every((r) => r.retryAfterSeconds >= 1)).toBe(true);
  });

  it("rejects nonsense options", async () => {
    const kv = kvOf();
    await expect(kv.set(key("bad"), 1, { ttlMs: 0 })).rejects.toThrow(RangeError);
    await expect(kv.acquireLock(key("bad"), -5)).rejects.toThrow(RangeError);
    await expect(kv.rateLimit(key("bad"), { limit: 0, windowMs: 100 })).rejects.toThrow(RangeError);
  });

  it("answers ping", async () => {
    await expect(kvOf().ping()).resolves.toBeUndefined();
  });
}

describe("memory driver", () => {
  let kv: Kv;
  beforeAll(() => {
    kv = createMemoryKv();
  });
  afterAll(() => kv.close());
  it("names itself", () => expect(kv.driver).toBe("memory"));
  contract(() => kv);
});

const redisBinary = redisServerPath();
if (!redisBinary) {
  // CI installs redis-server (.ci/run): there, a missing binary is a broken setup, not a skip.
  if (process.env.CI) throw new Error("kv.contract: redis-server is not installed; CI must install it.");
  console.warn("kv.contract: redis-server is not installed, so the Redis and Upstash drivers are skipped.");
}

describe.skipIf(!redisBinary)(
  redisBinary ? "against a real redis-server" : "redis drivers (skipped: redis-server is not installed)",
  () => {
    let server: RunningRedis;
    beforeAll(async () => {
      server = (await startRedisServer())!;
    });
    afterAll(() => server?.close());

    describe("redis driver (ioredis)", () => {
      let kv: Kv;
      beforeAll(() => {
        kv = createRedisKv(server.url, { prefix: `test:${randomUUID()}:` });
      });
      afterAll(() => kv.close());
      it("names itself", () => expect(kv.driver).toBe("redis"));
      contract(() => kv);
    });

    describe("upstash driver (@vercel/kv over the REST protocol)", () => {
      let rest: RunningUpstashRest;
      let kv: Kv;
      beforeAll(async () => {
        // Empty the script cache (the Redis suite filled it) so the EVALSHA → NOSCRIPT → EVAL
        // fallback runs through the REST protocol too.
        const admin = new Redis(server.url);
        await admin.script("FLUSH");
        await admin.quit();
        rest = await startUpstashRest(server.url);
        kv = createVercelKv({ url: rest.url, token: rest.token, prefix: `test:${randomUUID()}:` });
      });
      afterAll(async () => {
        await kv.close();
        await rest.close();
      });
      it("names itself", () => expect(kv.driver).toBe("upstash"));
      contract(() => kv);
      it("ran the Lua scripts from the script cache after the first load", () => {
        expect(rest.commands).toContain("EVAL");
        expect(rest.commands.filter((c) => c === "EVALSHA").length).toBeGreaterThan(
          rest.commands.filter((c) => c === "EVAL").length,
        );
      });
      it("refuses a wrong token", async () => {
        const impostor = createVercelKv({ url: rest.url, token: "wrong" });
        await expect(impostor.ping()).rejects.toThrow(/Unauthorized/);
      });
    });
  },
);
