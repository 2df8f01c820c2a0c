import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { backoffDelay, parseRetryAfter } from "@/lib/jobs/backoff";
import { canonicalJson } from "@/lib/jobs/canonical-json";
import { nextCronTime } from "@/lib/jobs/cron";
import { parseTimeString, wakeTime } from "@/lib/jobs/durations";
import { evaluateCondition, evaluateKey } from "@/lib/jobs/expressions";
import { triggerMatches } from "@/lib/jobs/registry";
import { signBody } from "@/lib/jobs/signing";

describe("cron", () => {
  const at = (iso: string) => new Date(iso);
  it("finds the next slot of daily, stepped, ranged and weekday schedules (UTC)", () => {
    expect(nextCronTime("0 3 * * *", at("2026-05-01T02:59:30Z")).toISOString()).toBe(
      "2026-05-01T03:00:00.000Z",
    );
    expect(nextCronTime("0 3 * * *", at("2026-05-01T03:00:00Z")).toISOString()).toBe(
      "2026-05-02T03:00:00.000Z",
    );
    expect(nextCronTime("*/15 * * * *", at("2026-05-01T10:07:00Z")).toISOString()).toBe(
      "2026-05-01T10:15:00.000Z",
    );
    expect(nextCronTime("30 9-17 * * 1-5", at("2026-05-01T17:45:00Z")).toISOString()).toBe(
      "2026-05-04T09:30:00.000Z",
    );
    expect(nextCronTime("0 0 1 1 *", at("2026-05-01T00:00:00Z")).toISOString()).toBe(
      "2027-01-01T00:00:00.000Z",
    );
    expect(nextCronTime("TZ=Europe/Paris 0 0 * * 7", at("2026-05-01T00:00:00Z")).getUTCDay()).toBe(0);
  });
  it("refuses malformed expressions", () => {
    expect(() => nextCronTime("61 * * * *", new Date())).toThrow();
    expect(() => nextCronTime("* * *", new Date())).toThrow();
  });
});

describe("durations", () => {
  it("reads Inngest time strings and ISO dates", () => {
    expect(parseTimeString("300ms")).toBe(300);
    expect(parseTimeString("2h45m")).toBe(9_900_000);
    expect(parseTimeString("1.5s")).toBe(1500);
    expect(parseTimeString("soon")).toBeUndefined();
    expect(wakeTime("1m", 0).getTime()).toBe(60_000);
    expect(wakeTime("2030-01-01T00:00:00Z").toISOString()).toBe("2030-01-01T00:00:00.000Z");
  });
});

describe("backoff", () => {
  it("doubles from the base with ±20 % jitter, capped", () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const d = backoffDelay(attempt, { baseMs: 100, maxMs: 1000 });
      const exp = Math.min(1000, 100 * 2 ** (attempt - 1));
      expect(d).toBeGreaterThanOrEqual(exp * 0.8 - 1);
      expect(d).toBeLessThanOrEqual(Math.min(1000, exp * 1.2 + 1));
    }
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter(new Date(10_000).toISOString(), 4000)).toBe(6000);
  });
});

describe("expressions", () => {
  const event = { name: "x", data: { projectId: "p1", n: 3, nested: { a: "b" } } };
  it("evaluates key paths on the event", () => {
    expect(evaluateKey("event.data.projectId", event)).toBe("p1");
    expect(evaluateKey("event.data.n", event)).toBe("3");
    expect(evaluateKey("event.data.missing", event)).toBeUndefined();
  });
  it("evaluates waitForEvent conditions", () => {
    const scope = { event, async: { data: { projectId: "p1", ok: true } } };
    expect(evaluateCondition("event.data.projectId == async.data.projectId", scope)).toBe(true);
    expect(evaluateCondition("async.data.ok == true && event.data.n != 4", scope)).toBe(true);
    expect(evaluateCondition("async.data.projectId == 'p2'", scope)).toBe(false);
  });
  it("matches exact and wildcard triggers", () => {
    expect(triggerMatches("project/*", "project/duplicate.requested")).toBe(true);
    expect(triggerMatches("project/a", "project/b")).toBe(false);
  });
});

describe("request signing", () => {
  it("canonicalizes JSON (sorted keys, no whitespace) and signs it the way the SDK verifies", () => {
    expect(canonicalJson({ b: 1, a: [true, null, { d: "x", c: 1.5 }], u: undefined })).toBe(
      '{"a":[true,null,{"c":1.5,"d":"x"}],"b":1}',
    );
    const sig = signBody('{"a":1}', "signkey-test-abc123", 1_700_000_000_000);
    const expected = createHmac("sha256", "abc123").update('{"a":1}').update("1700000000").digest("hex");
    expect(sig).toBe(`t=1700000000&s=${expected}`);
  });
});
