import { afterEach, describe, expect, it, vi } from "vitest";
import { errorResponse } from "@/lib/api/errors-to-response";
import { setKv } from "@/lib/kv";
import { RATE_LIMIT_TIMEOUT_MS, RATE_LIMITS } from "@/lib/kv/limits";
import { createMemoryKv } from "@/lib/kv/memory";
import { enforceRateLimit, formatWait, rateLimitError } from "@/lib/kv/rate-limit";
import type { Kv } from "@/lib/kv/types";

afterEach(() => {
  setKv(undefined);
  vi.useRealTimers();
});

describe("formatWait", () => {
  it("says seconds under a minute and a half, whole minutes (rounded up) above", () => {
    expect(formatWait(0.2)).toBe("1 second");
    expect(formatWait(42)).toBe("42 seconds");
    expect(formatWait(89)).toBe("89 seconds");
    expect(formatWait(90)).toBe("2 minutes");
    expect(formatWait(60 * 14 + 1)).toBe("15 minutes");
  });
});

describe("rateLimitError", () => {
  it("is a 429 with a Retry-After header and a message that says how long", async () => {
    const error = rateLimitError(RATE_LIMITS.signInPerIp, 42);
    expect(error).toMatchObject({ code: "rate_limit:sign_in", status: 429, retryAfter: 42 });
    expect(error.message).toBe("Too many sign-in attempts. Try again in 42 seconds.");
    const response = errorResponse(error, "req-1");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("42");
    expect((await response.json()).error).toMatchObject({
      code: "rate_limit:sign_in",
      details: { retryAfterSeconds: 42 },
    });
  });
});

describe("enforceRateLimit", () => {
  it("lets `limit` requests through per subject, then throws the limit's error", async () => {
    setKv(createMemoryKv());
    const { limit } = RATE_LIMITS.signUpPerIp;
    for (let i = 0; i < limit; i++) await enforceRateLimit("signUpPerIp", "192.0.2.1");
    const error = await enforceRateLimit("signUpPerIp", "192.0.2.1").catch((e) => e);
    expect(error).toMatchObject({ code: "rate_limit:sign_up", status: 429 });
    expect(error.retryAfter).toBeGreaterThan(9 * 60);
    expect(error.retryAfter).toBeLessThanOrEqual(10 * 60);
    expect(error.message).toBe("Too many sign-up attempts from this network. Try again in 10 minutes.");
    await expect(enforceRateLimit("signUpPerIp", "192.0.2.2")).resolves.toBeUndefined();
  });

  it("checks several limits in order, naming the one that refused", async () => {
    setKv(createMemoryKv());
    const { limit } = RATE_LIMITS.projectCreatePerUser;
    for (let i = 0; i < limit; i++) await enforceRateLimit(["writePerUser", "projectCreatePerUser"], "u1");
    await expect(enforceRateLimit(["writePerUser", "projectCreatePerUser"], "u1")).rejects.toMatchObject({
      code: "rate_limit:project_create",
    });
    // Other writes still go through until the (larger) write limit.
    await expect(enforceRateLimit("writePerUser", "u1")).resolves.toBeUndefined();
  });

  it("fails open when the store errors", async () => {
    const broken = { ...createMemoryKv(), rateLimit: () => Promise.reject(new Error("connection refused")) };
    setKv(broken as Kv);
    await expect(enforceRateLimit("signInPerIp", "192.0.2.3")).resolves.toBeUndefined();
  });

  it("fails open when the store does not answer in time", async () => {
    vi.useFakeTimers();
    const stuck = { ...createMemoryKv(), rateLimit: () => new Promise<never>(() => {}) };
    setKv(stuck as Kv);
    const pending = enforceRateLimit("signInPerIp", "192.0.2.4");
    await vi.advanceTimersByTimeAsync(RATE_LIMIT_TIMEOUT_MS + 1);
    await expect(pending).resolves.toBeUndefined();
  });
});
