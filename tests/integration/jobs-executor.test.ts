// The local executor against a fresh database, driving a real serve handler in process.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { LocalExecutor } from "@/lib/jobs/local-executor";
import { setupTestApp } from "./helpers/app";
import { createTestApp } from "./jobs/test-functions";

let app: Awaited<ReturnType<typeof setupTestApp>>;
const executors: LocalExecutor[] = [];

beforeAll(async () => {
  app = await setupTestApp();
});
afterEach(async () => {
  for (const e of executors.splice(0)) await e.stop();
});
afterAll(async () => {
  await app.teardown();
});

function startExecutor(
  t: ReturnType<typeof createTestApp>,
  extra: Partial<ConstructorParameters<typeof LocalExecutor>[0]> = {},
) {
  const executor = new LocalExecutor({
    handler: t.handler,
    db: app.db,
    serveUrl: "http://localhost:3000/api/inngest",
    backoff: { baseMs: 20, maxMs: 1000 },
    reclaimAllOnStart: true,
    crons: false,
    ...extra,
  });
  executors.push(executor);
  return executor;
}

async function runIdFor(eventId: string, functionId: string) {
  for (let i = 0; i < 200; i++) {
    const row = await app.db.jobRun.findFirst({ where: { eventId, functionId }, select: { id: true } });
    if (row) return row.id;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no run for ${functionId}`);
}

describe("local executor", () => {
  it("runs a step function to completion, memoizing each step in the database", async () => {
    const t = createTestApp();
    const executor = startExecutor(t);
    await executor.start();
    const { ids } = await t.client.send({ name: "test/three", data: {} });
    const runId = await runIdFor(ids[0], "jobs-test-three-steps");
    const result = await executor.waitForRun(runId);
    expect(result).toEqual({ status: "succeeded", output: { total: 6 }, error: undefined });
    expect(Object.fromEntries(t.counts)).toEqual({ one: 1, two: 1, three: 1 });
    const steps = await app.db.jobStep.findMany({ where: { runId }, orderBy: { seq: "asc" } });
    expect(steps.map((s) => [s.name, s.status, s.seq, s.output])).toEqual([
      ["one", "succeeded", 1, { data: 1 }],
      ["two", "succeeded", 2, { data: 2 }],
      ["three", "succeeded", 3, { data: 3 }],
    ]);
    for (const s of steps) expect(s.finishedAt!.getTime()).toBeGreaterThanOrEqual(s.startedAt.getTime());
    const run = await app.db.jobRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ engine: "local", status: "succeeded", progress: 100, lockedBy: null });
  });

  it("survives a crash between two steps: after a restart each finished step ran exactly once", async () => {
    const t = createTestApp();
    const first = startExecutor(t, {
      afterStep: (e) => {
        if (e.name === "one") first.kill();
      },
    });
    await first.start();
    const { ids } = await t.client.send({ name: "test/three", data: {} });
    const runId = await runIdFor(ids[0], "jobs-test-three-steps");
    for (let i = 0; i < 200 && first.running; i++) await new Promise((r) => setTimeout(r, 5));
    expect(first.running).toBe(false);
    const mid = await app.db.jobRun.findUniqueOrThrow({ where: { id: runId }, include: { steps: true } });
    expect(mid.status).toBe("running"); // the crashed executor still "holds" it
    expect(mid.steps.map((s) => s.name)).toEqual(["one"]);

    const second = startExecutor(t);
    await second.start(); // resumes every unfinished run
    expect((await second.waitForRun(runId)).status).toBe("succeeded");
    expect(Object.fromEntries(t.counts)).toEqual({ one: 1, two: 1, three: 1 });
  });

  it("re-runs only the step that was in flight when the executor died", async () => {
    const t = createTestApp();
    const first = startExecutor(t);
    await first.start();
    const { ids } = await t.client.send({ name: "test/three", data: { gate: true } });
    const runId = await runIdFor(ids[0], "jobs-test-three-steps");
    await t.gate("two").entered;
    first.kill();
    t.gate("two").open(); // the dead executor's answer for step two is dropped
    const second = startExecutor(t);
    await second.start();
    expect((await second.waitForRun(runId)).output).toEqual({ total: 6 });
    expect(Object.fromEntries(t.counts)).toEqual({ one: 1, two: 2, three: 1 });
    const steps = await app.db.jobStep.findMany({ where: { runId } });
    expect(steps.every((s) => s.attempts === 1)).toBe(true);
  });

  it("retries a failing step with exponential backoff until it succeeds", async () => {
    const t = createTestApp();
    const executor = startExecutor(t, { backoff: { baseMs: 40, maxMs: 1000 } });
    await executor.start();
    const { ids } = await t.client.send({ name: "test/flaky", data: {} });
    const runId = await runIdFor(ids[0], "jobs-test-flaky");
    expect(await executor.waitForRun(runId)).toMatchObject({ status: "succeeded", output: "ok" });
    expect(t.counts.get("flaky")).toBe(3);
    const [a, b, c] = t.attemptTimes;
    expect(b - a).toBeGreaterThanOrEqual(30); // ~40 ms ± 20 %
    expect(c - b).toBeGreaterThanOrEqual(60); // ~80 ms ± 20 %
    const step = await app.db.jobStep.findFirstOrThrow({ where: { runId } });
    expect(step).toMatchObject({ status: "succeeded", attempts: 3 });
  });

  it("gives up after the function's retries and records the error", async () => {
    const t = createTestApp();
    const executor = startExecutor(t);
    await executor.start();
    const { ids } = await t.client.send({ name: "test/always-fails", data: {} });
    const runId = await runIdFor(ids[0], "jobs-test-always-fails");
    const result = await executor.waitForRun(runId);
    expect(result.status).toBe("failed");
    expect(result.error).toContain("still broken");
    expect(t.counts.get("doomed")).toBe(3); // retries: 2 → three attempts
  });

  it("does not retry a NonRetriableError", async () => {
    const t = createTestApp();
    const executor = startExecutor(t);
    await executor.start();
    const { ids } = await t.client.send({ name: "test/non-retriable", data: {} });
    const runId = await runIdFor(ids[0], "jobs-test-non-retriable");
    const result = await executor.waitForRun(runId);
    expect(result.status).toBe("failed");
    expect(result.error).toContain("this input can never work");
    expect(t.counts.get("refuses")).toBe(1);
  });

  it("starts one run per idempotency key within 24 hours, and one per sender-chosen event id", async () => {
    const t = createTestApp();
    const executor = startExecutor(t);
    await executor.start();
    await t.client.send([
      { name: "test/idempotent", data: { key: "k1" } },
      { name: "test/idempotent", data: { key: "k1" } },
      { name: "test/idempotent", data: { key: "k2" } },
    ]);
    await t.client.send({ name: "test/three", id: "evt-fixed", data: {} });
    await t.client.send({ name: "test/three", id: "evt-fixed", data: {} });
    const runs = await app.db.jobRun.findMany({ where: { functionId: "jobs-test-idempotent" } });
    expect(runs).toHaveLength(2);
    expect(await app.db.jobRun.count({ where: { eventId: "evt-fixed" } })).toBe(1);
    await Promise.all(runs.map((r) => executor.waitForRun(r.id)));
    expect(t.counts.get("idempotent")).toBe(2);
  });

  it("runs at most `limit` runs per concurrency key at once", async () => {
    const t = createTestApp();
    const executor = startExecutor(t);
    await executor.start();
    const events = ["p1", "p1", "p1", "p2", "p2"].map((projectId) => ({
      name: "test/serialized",
      data: { projectId },
    }));
    const { ids } = await t.client.send(events);
    const runIds = await Promise.all(ids.map((id) => runIdFor(id, "jobs-test-serialized")));
    await Promise.all(runIds.map((id) => executor.waitForRun(id)));
    expect(t.counts.get("serialized:p1")).toBe(3);
    expect(t.counts.get("serialized:p2")).toBe(2);
    expect(t.maxActive()).toBeLessThanOrEqual(2); // one per key, two keys
  });

  it("sleeps, runs parallel steps, sends events from a step, and waits for an event", async () => {
    const t = createTestApp();
    const executor = startExecutor(t);
    await executor.start();
    const sleep = await t.client.send({ name: "test/sleeper", data: {} });
    const fan = await t.client.send({ name: "test/fan-out", data: {} });
    const wait = await t.client.send({ name: "test/waiter", data: { ticket: 7 } });

    const sleepRun = await runIdFor(sleep.ids[0], "jobs-test-sleeper");
    const slept = await executor.waitForRun(sleepRun);
    expect((slept.output as { sleptMs: number }).sleptMs).toBeGreaterThanOrEqual(990);

    const fanRun = await runIdFor(fan.ids[0], "jobs-test-fan-out");
    expect(await executor.waitForRun(fanRun)).toMatchObject({ status: "succeeded", output: "LR" });
    expect([t.counts.get("left"), t.counts.get("right")]).toEqual([1, 1]);
    const sent = await app.db.jobRun.findMany({ where: { functionId: "jobs-test-three-steps" } });
    expect(sent.map((r) => (r.event as { data: { from?: string } }).data.from)).toContain("fan-out");

    const waitRun = await runIdFor(wait.ids[0], "jobs-test-waiter");
    for (let i = 0; i < 200; i++) {
      if (await app.db.jobStep.count({ where: { runId: waitRun, op: "WaitForEvent" } })) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await t.client.send({ name: "test/reply", data: { ticket: 8, answer: "no" } });
    await t.client.send({ name: "test/reply", data: { ticket: 7, answer: "yes" } });
    expect((await executor.waitForRun(waitRun)).output).toEqual({ got: { ticket: 7, answer: "yes" } });
  });
});
