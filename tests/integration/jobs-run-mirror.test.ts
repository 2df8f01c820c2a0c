// Runs Inngest Cloud executes are recorded from inside the function (lib/jobs/run-mirror.ts) into
// the tables the jobs view reads. The environment says Inngest Cloud — set before any module reads
// it, so the engine (and with it the mirror) is chosen by the app's own configuration — and the
// serve handler is driven the way Cloud drives it (tests/integration/jobs/cloud-driver.ts): signed
// requests, one per step, memoized state growing between them. No local executor runs here, except
// in the last test, which checks that a mirror never touches a local executor's run.
import { Inngest } from "inngest";
import { serve } from "inngest/next";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionContext } from "@/lib/auth/session";
import type { StepOp } from "@/lib/jobs/protocol";
import type { JobRunSummary } from "@/lib/jobs/schemas";

const cloud = vi.hoisted(() => {
  const signingKey = `signkey-test-${"5eed".repeat(16)}`;
  const saved = { event: process.env.INNGEST_EVENT_KEY, signing: process.env.INNGEST_SIGNING_KEY };
  process.env.INNGEST_EVENT_KEY = "test-event-key";
  process.env.INNGEST_SIGNING_KEY = signingKey;
  return { signingKey, saved, session: { current: null as SessionContext | null } };
});

// The jobs route resolves the session through next-auth; here the signed-in owner is given.
vi.mock("@/lib/auth/session", () => ({ getSessionContext: async () => cloud.session.current }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const { localServeHandler: appServeHandler } = await import("@/inngest/serve");
const jobsRoute = await import("@/app/api/projects/[projectId]/jobs/route");
const { inngestClientOptions } = await import("@/lib/jobs/client-options");
const { jobsDriver } = await import("@/lib/jobs/config");
const { listProjectJobs } = await import("@/lib/jobs/list-project-jobs");
const { functionTitles } = await import("@/inngest/functions");
const { LOCAL_INNGEST_ORIGIN, localInngestFetch } = await import("@/lib/jobs/local-api");
const { LocalExecutor } = await import("@/lib/jobs/local-executor");
const { inngestLogger } = await import("@/lib/jobs/logger");
const { runMirrorMiddleware } = await import("@/lib/jobs/run-mirror");
const { localSigningKey } = await import("@/lib/jobs/signing");
const { createProject } = await import("@/lib/projects/create-project");
const { setRealtime } = await import("@/lib/realtime");
const { setupTestApp } = await import("./helpers/app");
const { signUpOwner } = await import("./helpers/owner");
const { realtimeRecorder } = await import("./helpers/realtime-recorder");
const { CloudRun, restoreInngestKeys } = await import("./jobs/cloud-driver");
const { createTestApp } = await import("./jobs/test-functions");

type Progress = {
  runId: string;
  projectId: string | null;
  functionId: string;
  status: string;
  step?: string;
  progress?: number;
  message?: string;
  error?: string;
};
const { server: realtime, received: published } = realtimeRecorder<Progress>("job.progress");
const progressOf = (runId: string) =>
  published
    .filter((p) => p.runId === runId)
    .map(({ runId: _r, projectId: _p, functionId: _f, ...rest }) => rest);

let app: Awaited<ReturnType<typeof setupTestApp>>;
let scope: { workspaceId: string; projectId: string; userId: string };

beforeAll(async () => {
  app = await setupTestApp();
  setRealtime(realtime);
  const { owner, session } = await signUpOwner({
    email: "mirror@example.com",
    password: "correct horse battery",
    name: "mirror",
  });
  const project = await createProject({ ...owner, name: "Mirrored", templateId: "saas" });
  scope = { ...owner, projectId: project.id };
  cloud.session.current = session;
});
beforeEach(() => {
  published.length = 0;
});
afterAll(async () => {
  setRealtime(undefined);
  await app.teardown();
  restoreInngestKeys(cloud.saved);
});

function testRun(
  t: ReturnType<typeof createTestApp>,
  functionId: string,
  eventName: string,
  maxAttempts: number,
) {
  return new CloudRun({
    handler: t.handler,
    signingKey: cloud.signingKey,
    functionId: `jobs-test-${functionId}`,
    event: { name: eventName, data: { workspaceId: scope.workspaceId, projectId: scope.projectId } },
    maxAttempts,
  });
}

const runRow = (id: string) => app.db.jobRun.findUniqueOrThrow({ where: { id } });
const stepRows = (runId: string) =>
  app.db.jobStep.findMany({ where: { runId }, orderBy: [{ seq: "asc" }, { startedAt: "asc" }] });

describe("the engine", () => {
  it("is Inngest Cloud from the environment, and its client options carry the run mirror", () => {
    expect(jobsDriver()).toBe("inngest-cloud");
    expect(inngestClientOptions()).toMatchObject({ isDev: false, signingKey: cloud.signingKey });
    expect(inngestClientOptions().middleware).toHaveLength(1);
  });

  it("rejects a request that is not signed with the signing key, and records nothing for it", async () => {
    const t = createTestApp();
    const run = new CloudRun({
      handler: t.handler,
      signingKey: `signkey-test-${"bad0".repeat(16)}`,
      functionId: "jobs-test-three-steps",
      event: { name: "test/three", data: {} },
      maxAttempts: 1,
    });
    const outcome = await run.call();
    expect(outcome).toMatchObject({ kind: "error", status: 401 });
    expect(t.counts.size).toBe(0);
    expect(await app.db.jobRun.count({ where: { id: run.runId } })).toBe(0);
  });
});

describe("mirroring Inngest Cloud runs", () => {
  it("records a run request by request: one row per step, replays counted once, progress published", async () => {
    const t = createTestApp();
    const run = testRun(t, "three-steps", "test/three", 1);

    await run.request(); // runs "one"
    const first = await runRow(run.runId);
    expect(first).toMatchObject({
      engine: "inngest-cloud",
      functionId: "jobs-test-three-steps",
      eventName: "test/three",
      eventId: run.event.id,
      status: "running",
      attempt: 0,
      maxAttempts: 1,
      workspaceId: scope.workspaceId,
      projectId: scope.projectId,
      lockedBy: null,
      lockedUntil: null,
      concurrencyKey: null,
      idempotencyKey: null,
      finishedAt: null,
    });
    expect(first.startedAt).toBeInstanceOf(Date);
    const afterOne = await stepRows(run.runId);
    expect(afterOne.map((s) => [s.name, s.op, s.status, s.seq, s.attempts])).toEqual([
      ["one", "StepRun", "succeeded", 1, 1],
    ]);

    await run.request(); // replays "one", runs "two"
    const afterTwo = await stepRows(run.runId);
    expect(afterTwo.map((s) => [s.name, s.status, s.seq, s.attempts])).toEqual([
      ["one", "succeeded", 1, 1],
      ["two", "succeeded", 2, 1],
    ]);
    expect(afterTwo[0].finishedAt).toEqual(afterOne[0].finishedAt); // the replay wrote nothing

    expect(await run.runToEnd()).toEqual({ status: "succeeded", output: { total: 6 } });
    expect(run.requests).toBe(4); // three steps, then the function's return
    expect(Object.fromEntries(t.counts)).toEqual({ one: 1, two: 1, three: 1 });

    const done = await runRow(run.runId);
    expect(done).toMatchObject({
      status: "succeeded",
      progress: 100,
      output: { data: { total: 6 } },
      error: null,
    });
    expect(done.finishedAt!.getTime()).toBeGreaterThanOrEqual(done.startedAt!.getTime());
    const steps = await stepRows(run.runId);
    expect(steps.map((s) => [s.name, s.status, s.seq, s.attempts, s.output])).toEqual([
      ["one", "succeeded", 1, 1, null],
      ["two", "succeeded", 2, 1, null],
      ["three", "succeeded", 3, 1, null],
    ]);
    for (const s of steps) expect(s.finishedAt!.getTime()).toBeGreaterThanOrEqual(s.startedAt.getTime());

    expect(progressOf(run.runId)).toEqual([
      { status: "running" },
      { status: "running", step: "one", message: "1 step done" },
      { status: "running", step: "two", message: "2 steps done" },
      { status: "running", step: "three", message: "3 steps done" },
      { status: "completed", progress: 1 },
    ]);
    expect(
      published.every((p) => p.projectId === scope.projectId && p.functionId === "jobs-test-three-steps"),
    ).toBe(true);

    // Inngest delivers at least once: the last request again changes nothing and announces nothing.
    const before = await runRow(run.runId);
    const again = await run.call("step");
    expect(again).toMatchObject({ kind: "complete", output: { total: 6 } });
    expect(await runRow(run.runId)).toEqual(before);
    expect(await stepRows(run.runId)).toEqual(steps);
    expect(progressOf(run.runId)).toHaveLength(5);
  });

  it("retries a failing step: one row, its attempts counted, the run queued between tries", async () => {
    const t = createTestApp();
    const run = testRun(t, "flaky", "test/flaky", 4);

    await run.request(); // attempt 0 fails
    expect(run.attempt).toBe(1);
    let [step] = await stepRows(run.runId);
    expect(step).toMatchObject({
      name: "sometimes-fails",
      status: "queued",
      attempts: 1,
      error: "transient failure",
    });
    expect(await runRow(run.runId)).toMatchObject({ status: "queued", attempt: 0, finishedAt: null });

    await run.request(); // attempt 1 fails
    [step] = await stepRows(run.runId);
    expect(step).toMatchObject({ status: "queued", attempts: 2, error: "transient failure", seq: null });
    expect(await runRow(run.runId)).toMatchObject({ status: "queued", attempt: 1 });

    await run.request(); // attempt 2 succeeds
    [step] = await stepRows(run.runId);
    expect(step).toMatchObject({ status: "succeeded", attempts: 3, error: null, seq: 1 });
    expect(await runRow(run.runId)).toMatchObject({ status: "running", attempt: 2 });

    expect(await run.runToEnd()).toEqual({ status: "succeeded", output: "ok" });
    expect(t.counts.get("flaky")).toBe(3);
    expect(await app.db.jobStep.count({ where: { runId: run.runId } })).toBe(1);
    expect(await runRow(run.runId)).toMatchObject({ status: "succeeded", attempt: 0, progress: 100 });
    expect(progressOf(run.runId)).toEqual([
      { status: "running" },
      { status: "running", step: "sometimes-fails", message: "1 step done" },
      { status: "completed", progress: 1 },
    ]);
  });

  it("fails the run when a step has used its retries, with the step's error", async () => {
    const t = createTestApp();
    const run = testRun(t, "always-fails", "test/always-fails", 3);
    await run.request();
    await run.request();
    await run.request(); // the third and last attempt: the SDK reports the step failed
    const [step] = await stepRows(run.runId);
    expect(step).toMatchObject({
      name: "doomed",
      status: "failed",
      attempts: 3,
      error: "still broken",
      seq: 1,
    });
    expect((await runRow(run.runId)).status).toBe("running"); // the function has yet to see it

    const result = await run.runToEnd(); // the function rethrows the step's error: no retry
    expect(result.status).toBe("failed");
    expect(run.requests).toBe(4);
    expect(t.counts.get("doomed")).toBe(3);
    const failed = await runRow(run.runId);
    expect(failed).toMatchObject({ status: "failed", error: "still broken", output: null });
    expect(failed.finishedAt).toBeInstanceOf(Date);
    expect(await app.db.jobStep.count({ where: { runId: run.runId } })).toBe(1);
    expect(progressOf(run.runId)).toEqual([
      { status: "running" },
      { status: "running", step: "doomed", message: "1 step done" },
      { status: "failed", error: "still broken" },
    ]);
  });

  it("does not retry a NonRetriableError", async () => {
    const t = createTestApp();
    const run = testRun(t, "non-retriable", "test/non-retriable", 6);
    expect((await run.runToEnd()).status).toBe("failed");
    expect(t.counts.get("refuses")).toBe(1);
    const [step] = await stepRows(run.runId);
    expect(step).toMatchObject({ status: "failed", attempts: 1 });
    expect(await runRow(run.runId)).toMatchObject({
      status: "failed",
      error: "NonRetriableError: this input can never work",
    });
  });

  it("records a sleep Inngest carries out as a step of its own", async () => {
    const t = createTestApp();
    const run = testRun(t, "sleeper", "test/sleeper", 4);
    await run.request(); // "before"
    await run.request(); // the SDK reports the sleep
    const sleeping = await stepRows(run.runId);
    expect(sleeping.map((s) => [s.name, s.op, s.status, s.seq])).toEqual([
      ["before", "StepRun", "succeeded", 1],
      ["nap", "Sleep", "running", null],
    ]);
    expect((await run.runToEnd()).status).toBe("succeeded");
    const steps = await stepRows(run.runId);
    expect(steps.map((s) => [s.name, s.op, s.status, s.seq])).toEqual([
      ["before", "StepRun", "succeeded", 1],
      ["nap", "Sleep", "succeeded", 2],
      ["after", "StepRun", "succeeded", 3],
    ]);
  });
});

describe("functions of their own", () => {
  // Function-level errors and parallel steps, on a client with the engine's options (the mirror).
  const client = new Inngest({ id: "mirror-test", ...inngestClientOptions() });
  let calls = 0;
  const flakyBody = client.createFunction(
    { id: "flaky-body", triggers: [{ event: "test/flaky-body" }], retries: 2 },
    async ({ step, attempt }) => {
      const value = await step.run("prepare", () => 21);
      calls += 1;
      if (attempt === 0) throw new Error("the body failed once");
      return value * 2;
    },
  );
  const parallel = client.createFunction(
    { id: "parallel", triggers: [{ event: "test/parallel" }], retries: 0 },
    async ({ step }) => {
      const [l, r] = await Promise.all([step.run("left", () => "L"), step.run("right", () => "R")]);
      return l + r;
    },
  );
  const served = serve({ client, functions: [flakyBody, parallel] });
  const handler = (request: Request) => served(request as never, undefined);
  const run = (id: string, maxAttempts: number) =>
    new CloudRun({
      handler,
      signingKey: cloud.signingKey,
      functionId: `mirror-test-${id}`,
      event: { name: `test/${id}`, data: { workspaceId: scope.workspaceId, projectId: scope.projectId } },
      maxAttempts,
    });

  it("retries a function that throws outside its steps, and succeeds", async () => {
    const r = run("flaky-body", 3);
    await r.request(); // "prepare"
    await r.request(); // the body throws: retried
    expect(await runRow(r.runId)).toMatchObject({ status: "queued", error: null });
    expect(await r.runToEnd()).toEqual({ status: "succeeded", output: 42 });
    expect(calls).toBe(2);
    expect(await runRow(r.runId)).toMatchObject({ status: "succeeded", attempt: 1, output: { data: 42 } });
    expect((await stepRows(r.runId)).map((s) => [s.name, s.status, s.attempts])).toEqual([
      ["prepare", "succeeded", 1],
    ]);
  });

  it("records parallel steps run by concurrent requests once each", async () => {
    const r = run("parallel", 1);
    await r.request(); // both steps planned
    expect(await stepRows(r.runId)).toEqual([]);
    expect(r.plannedSteps).toHaveLength(2);
    const outcomes = await r.requestAll([...r.plannedSteps]);
    expect(outcomes.map((o) => o.kind)).toEqual(["ops", "ops"]);
    expect(await r.runToEnd()).toEqual({ status: "succeeded", output: "LR" });
    const steps = await stepRows(r.runId);
    expect(steps.map((s) => [s.name, s.status, s.attempts]).sort()).toEqual([
      ["left", "succeeded", 1],
      ["right", "succeeded", 1],
    ]);
    expect(await runRow(r.runId)).toMatchObject({ status: "succeeded" });
  });
});

describe("with checkpointing (Inngest's default when it sends the function's id)", () => {
  // The SDK runs step after step in one request and reports them to the Inngest API, answered here.
  const checkpoints: string[] = [];
  let current: InstanceType<typeof CloudRun> | undefined;
  const inngestApi: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    if (request.method === "POST" && /^\/v1\/checkpoint\/[^/]+\/async$/.test(path)) {
      const body = (await request.json()) as { steps: Array<StepOp> };
      checkpoints.push(...body.steps.map((s) => s.op));
      current?.checkpoint(body.steps);
      return new Response(JSON.stringify({}), {
        status: 200,
        headers: { "content-type": "application/json" },
      });
    }
    return new Response(JSON.stringify({ error: `no ${request.method} ${path} here` }), { status: 404 });
  };
  const client = new Inngest({ id: "checkpointed", ...inngestClientOptions(), fetch: inngestApi });
  const counts = new Map<string, number>();
  const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const fourSteps = client.createFunction(
    { id: "four-steps", triggers: [{ event: "test/checkpointed" }], retries: 1 },
    async ({ step }) => {
      const a = await step.run("one", () => {
        count("one");
        return 1;
      });
      const b = await step.run("two", () => {
        count("two");
        if ((counts.get("two") ?? 0) < 2) throw new Error("two fails once");
        return a + 1;
      });
      const c = await step.run("three", () => {
        count("three");
        return a + b;
      });
      return step.run("four", () => {
        count("four");
        return c + 1;
      });
    },
  );
  const served = serve({ client, functions: [fourSteps] });

  it("records steps run back to back in one request, and a retried one, each with its own attempts", async () => {
    const run = new CloudRun({
      handler: (request) => served(request as never, undefined),
      signingKey: cloud.signingKey,
      functionId: "checkpointed-four-steps",
      event: { name: "test/checkpointed", data: { ...scope } },
      maxAttempts: 2,
      ctx: { fn_id: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0", qi_id: "qi-1" },
    });
    current = run;
    expect(await run.runToEnd()).toEqual({ status: "succeeded", output: 4 });
    // 1: "one" runs, "two" fails · 2: "two" again · 3: "three" and "four" back to back, and the end.
    expect(run.requests).toBe(3);
    expect(Object.fromEntries(counts)).toEqual({ one: 1, two: 2, three: 1, four: 1 });
    expect(checkpoints).toContain("StepRun"); // the SDK did checkpoint
    const steps = await stepRows(run.runId);
    expect(steps.map((s) => [s.name, s.status, s.seq, s.attempts, s.error])).toEqual([
      ["one", "succeeded", 1, 1, null],
      ["two", "succeeded", 2, 2, null],
      ["three", "succeeded", 3, 1, null],
      ["four", "succeeded", 4, 1, null],
    ]);
    expect(await runRow(run.runId)).toMatchObject({
      status: "succeeded",
      output: { data: 4 },
      progress: 100,
    });
    expect(progressOf(run.runId).at(-1)).toEqual({ status: "completed", progress: 1 });
    expect(
      progressOf(run.runId)
        .filter((p) => p.step)
        .map((p) => p.step),
    ).toEqual(["one", "two", "three", "four"]);
  });
});

describe("the studio's functions on Inngest Cloud", () => {
  it("duplicates a project through the app's serve handler; the jobs API lists the run like a local one", async () => {
    const newProjectId = "cmirrorcopy0000000000000a";
    const run = new CloudRun({
      handler: appServeHandler,
      signingKey: cloud.signingKey,
      functionId: "pagecraft-duplicate-project",
      event: {
        name: "project/duplicate.requested",
        data: { ...scope, newProjectId, name: "Mirrored copy" },
      },
      maxAttempts: 4,
    });
    expect(await run.runToEnd()).toEqual({
      status: "succeeded",
      output: { projectId: newProjectId, name: "Mirrored copy", versionNumber: 1 },
    });

    const { items } = await listProjectJobs(
      { workspaceId: scope.workspaceId, projectId: scope.projectId },
      functionTitles,
    );
    const listed = items.find((i) => i.id === run.runId);
    expect(listed).toMatchObject({
      functionId: "pagecraft-duplicate-project",
      functionName: "duplicate-project",
      title: "Duplicate a project",
      eventName: "project/duplicate.requested",
      status: "succeeded",
      progress: 100,
      attempt: 0,
      error: null,
      steps: [{ name: "copy-current-version", op: "StepRun", status: "succeeded", attempts: 1, error: null }],
    });
    expect(listed!.durationMs).toBeGreaterThanOrEqual(0);
    // The function's own report (reportJobProgress) found the mirrored row and reached the browser.
    expect(progressOf(run.runId)).toContainEqual({
      status: "running",
      progress: 1,
      message: "Created Mirrored copy",
    });

    const response = await jobsRoute.GET(
      new Request(`http://localhost/api/projects/${scope.projectId}/jobs?limit=100`),
      { params: Promise.resolve({ projectId: scope.projectId }) },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: JobRunSummary[] };
    expect(body.items.find((i) => i.id === run.runId)).toEqual(listed);
  });
  it("records the sweep's cron runs (no project) and keeps only the newest finished ones", async () => {
    const functionId = "pagecraft-sweep-unreferenced-blobs";
    const eventName = "inngest/scheduled.timer";
    const long = Date.now() - 86_400_000;
    await app.db.jobRun.createMany({
      data: Array.from({ length: 101 }, (_, i) => ({
        id: `01OLDCRONRUN${String(i).padStart(14, "0")}`,
        engine: "inngest-cloud",
        functionId,
        eventName,
        event: { name: eventName, data: {} },
        status: "succeeded" as const,
        createdAt: new Date(long + i * 1000),
        finishedAt: new Date(long + i * 1000),
      })),
    });
    const run = new CloudRun({
      handler: appServeHandler,
      signingKey: cloud.signingKey,
      functionId,
      event: { name: eventName, data: { cron: "0 3 * * *" } },
      maxAttempts: 3,
    });
    expect(await run.runToEnd()).toMatchObject({ status: "succeeded", output: { dryRun: true } });
    const row = await runRow(run.runId);
    expect(row).toMatchObject({ status: "succeeded", projectId: null, workspaceId: null, eventName });
    // Pruned when the new run started: the oldest finished one went, the newest 100 stayed.
    expect(await app.db.jobRun.count({ where: { id: `01OLDCRONRUN${"0".repeat(14)}` } })).toBe(0);
    expect(await app.db.jobRun.count({ where: { functionId, eventName } })).toBe(101);
    expect(progressOf(run.runId)).toEqual([]); // no project, no channel
  });
});

describe("a local executor's runs", () => {
  it("are never written by a mirror, and mirrored runs are never claimed by an executor", async () => {
    // A client wrongly given the mirror while a local executor drives it.
    const client = new Inngest({
      id: "mixed",
      isDev: false,
      baseUrl: LOCAL_INNGEST_ORIGIN,
      eventKey: "local",
      signingKey: localSigningKey(),
      fetch: localInngestFetch,
      logger: inngestLogger,
      middleware: [runMirrorMiddleware("inngest-cloud")],
    });
    let ran = 0;
    const fn = client.createFunction(
      { id: "two-steps", triggers: [{ event: "test/mixed" }], retries: 1 },
      async ({ step }) => {
        await step.run("a", () => {
          ran += 1;
        });
        await step.run("b", () => {
          ran += 1;
          if (ran < 3) throw new Error("once");
        });
        return "done";
      },
    );
    const served = serve({ client, functions: [fn] });
    // Unfinished mirrored runs left behind by a switch of engines: one mid-run, one awaiting a retry.
    await testRun(createTestApp(), "three-steps", "test/three", 1).request();
    await testRun(createTestApp(), "flaky", "test/flaky", 4).request();
    const mirroredBefore = await app.db.jobRun.findMany({
      where: { engine: "inngest-cloud", status: { in: ["running", "queued"] } },
    });
    expect(new Set(mirroredBefore.map((m) => m.status))).toEqual(new Set(["running", "queued"]));

    const executor = new LocalExecutor({
      handler: (request) => served(request as never, undefined),
      db: app.db,
      backoff: { baseMs: 10, maxMs: 50 },
      reclaimAllOnStart: true,
      crons: false,
    });
    await executor.start();
    try {
      const { ids } = await client.send({ name: "test/mixed", data: { ...scope } });
      const local = await app.db.jobRun.findFirstOrThrow({ where: { eventId: ids[0] } });
      expect(await executor.waitForRun(local.id)).toMatchObject({ status: "succeeded", output: "done" });
      const row = await app.db.jobRun.findUniqueOrThrow({
        where: { id: local.id },
        include: { steps: true },
      });
      expect(row).toMatchObject({ engine: "local", status: "succeeded", progress: 100 });
      expect(row.steps.map((s) => [s.name, s.status, s.attempts, s.output]).sort()).toEqual([
        ["a", "succeeded", 1, { data: null }],
        ["b", "succeeded", 2, { data: null }],
      ]);
      // The executor reclaimed and ran nothing of the mirror's.
      for (const m of mirroredBefore) {
        expect(await app.db.jobRun.findUniqueOrThrow({ where: { id: m.id } })).toEqual(m);
      }
    } finally {
      await executor.stop();
    }
  });
});
