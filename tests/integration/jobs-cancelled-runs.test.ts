// Runs Inngest Cloud cancels (cancelOn, timeouts, the REST API, a bulk cancel) never call the serve
// handler again; the app learns of them from the system event `inngest/function.cancelled`, which
// inngest/functions/record-cancelled-run.ts turns into a cancelled row and a `job.progress` event.
// As in jobs-run-mirror.test.ts, the environment says Inngest Cloud (set before any module reads
// it) and the serve handlers are driven the way Cloud drives them (tests/integration/jobs/cloud-driver.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const cloud = vi.hoisted(() => {
  const signingKey = `signkey-test-${"c4nc".repeat(16)}`;
  const saved = { event: process.env.INNGEST_EVENT_KEY, signing: process.env.INNGEST_SIGNING_KEY };
  process.env.INNGEST_EVENT_KEY = "test-event-key";
  process.env.INNGEST_SIGNING_KEY = signingKey;
  return { signingKey, saved };
});

const { localServeHandler: appServeHandler } = await import("@/inngest/serve");
const { jobsDriver } = await import("@/lib/jobs/config");
const { listProjectJobs } = await import("@/lib/jobs/list-project-jobs");
const { DEFAULT_CANCEL_REASON } = await import("@/lib/jobs/record-cancelled-run");
const { syncFunctions } = await import("@/lib/jobs/registry");
const { createProject } = await import("@/lib/projects/create-project");
const { setRealtime } = await import("@/lib/realtime");
const { setupTestApp } = await import("./helpers/app");
const { signUpOwner } = await import("./helpers/owner");
const { realtimeRecorder } = await import("./helpers/realtime-recorder");
const { CloudRun, inngestRunId, restoreInngestKeys } = await import("./jobs/cloud-driver");
const { createTestApp } = await import("./jobs/test-functions");

type Progress = {
  runId: string;
  projectId: string | null;
  functionId: string;
  status: string;
  step?: string;
  message?: string;
  error?: string;
};
const { server: realtime, received: published } = realtimeRecorder<Progress>("job.progress");
const progressOf = (runId: string) =>
  published
    .filter((p) => p.runId === runId)
    .map(({ runId: _r, projectId: _p, functionId: _f, ...rest }) => rest);

const CANCEL_FUNCTION = "pagecraft-record-cancelled-run";
const CANCELLED = "inngest/function.cancelled";

let app: Awaited<ReturnType<typeof setupTestApp>>;
let scope: { workspaceId: string; projectId: string; userId: string };

beforeAll(async () => {
  app = await setupTestApp();
  setRealtime(realtime);
  const { owner } = await signUpOwner({
    email: "cancelled@example.com",
    password: "correct horse battery",
    name: "cancelled",
  });
  const project = await createProject({ ...owner, name: "Cancelled runs", templateId: "blank" });
  scope = { ...owner, projectId: project.id };
});
beforeEach(() => {
  published.length = 0;
});
afterAll(async () => {
  setRealtime(undefined);
  await app.teardown();
  restoreInngestKeys(cloud.saved);
});

/** A mirrored run of a test function, with the project's scope (and more data) in its event. */
function mirroredRun(
  t: ReturnType<typeof createTestApp>,
  functionId: string,
  eventName: string,
  maxAttempts: number,
  data: Record<string, unknown> = {},
) {
  return new CloudRun({
    handler: t.handler,
    signingKey: cloud.signingKey,
    functionId: `jobs-test-${functionId}`,
    event: { name: eventName, data: { workspaceId: scope.workspaceId, projectId: scope.projectId, ...data } },
    maxAttempts,
  });
}

/** Inngest delivering `inngest/function.cancelled` to the app: one run of the app's function, to its end. */
async function deliverCancelled(data: Record<string, unknown>) {
  const delivery = new CloudRun({
    handler: appServeHandler,
    signingKey: cloud.signingKey,
    functionId: CANCEL_FUNCTION,
    event: { name: CANCELLED, data },
    maxAttempts: 4,
  });
  const result = await delivery.runToEnd();
  return { delivery, result };
}

const cancelledEvent = (run: InstanceType<typeof CloudRun>, functionId: string) => ({
  function_id: functionId,
  run_id: run.runId,
  event: run.event,
  error: { error: "function cancelled", message: "function cancelled", name: "Error" },
});

const runRow = (id: string) => app.db.jobRun.findUniqueOrThrow({ where: { id } });
const stepRows = (runId: string) =>
  app.db.jobStep.findMany({ where: { runId }, orderBy: [{ seq: "asc" }, { startedAt: "asc" }] });

describe("the cancelled-run function", () => {
  it("is synced for the cancelled system event, never for its own cancelled runs, and no cron", async () => {
    expect(jobsDriver()).toBe("inngest-cloud");
    const functions = await syncFunctions(
      appServeHandler,
      "http://localhost:3000/api/inngest",
      cloud.signingKey,
    );
    expect(functions.find((f) => f.id === CANCEL_FUNCTION)).toMatchObject({
      events: [{ name: CANCELLED, expression: `event.data.function_id != '${CANCEL_FUNCTION}'` }],
      crons: [],
      maxAttempts: 4,
    });
  });
});

describe("a run Inngest cancels", () => {
  it("is marked cancelled with its reason, the view told once, and a repeat delivery changes nothing", async () => {
    const t = createTestApp();
    const run = mirroredRun(t, "sleeper", "test/sleeper", 4);
    await run.request(); // "before"
    await run.request(); // the sleep Inngest carries out: the run waits on it when it is cancelled
    expect(await runRow(run.runId)).toMatchObject({ status: "running", finishedAt: null });
    const asleep = await stepRows(run.runId);
    expect(asleep.map((s) => [s.name, s.status])).toEqual([
      ["before", "succeeded"],
      ["nap", "running"],
    ]);

    const before = Date.now();
    const { delivery, result } = await deliverCancelled(cancelledEvent(run, "jobs-test-sleeper"));
    expect(result).toEqual({ status: "succeeded", output: "cancelled" });

    const row = await runRow(run.runId);
    expect(row).toMatchObject({
      engine: "inngest-cloud",
      status: "cancelled",
      error: "function cancelled",
      projectId: scope.projectId,
    });
    expect(row.finishedAt!.getTime()).toBeGreaterThanOrEqual(before);
    const steps = await stepRows(run.runId);
    // The finished step keeps its record; the sleep that will never end is settled with the run.
    expect(steps[0]).toEqual(asleep[0]);
    expect(steps[1]).toMatchObject({ name: "nap", status: "cancelled", finishedAt: row.finishedAt });
    expect(progressOf(run.runId)).toEqual([
      { status: "running" },
      { status: "running", step: "before", message: "1 step done" },
      { status: "cancelled", error: "function cancelled" },
    ]);
    expect(published.at(-1)).toMatchObject({
      runId: run.runId,
      projectId: scope.projectId,
      functionId: "jobs-test-sleeper",
    });

    // The jobs view lists it as cancelled; the bookkeeping run itself is no job and has no row.
    const { items } = await listProjectJobs({ workspaceId: scope.workspaceId, projectId: scope.projectId });
    expect(items.find((i) => i.id === run.runId)).toMatchObject({
      functionName: "jobs-test-sleeper",
      status: "cancelled",
      error: "function cancelled",
    });
    expect(await app.db.jobRun.count({ where: { id: delivery.runId } })).toBe(0);
    expect(await app.db.jobRun.count({ where: { functionId: CANCEL_FUNCTION } })).toBe(0);

    // Inngest delivers at least once: the same event again is a no-op.
    const again = await deliverCancelled(cancelledEvent(run, "jobs-test-sleeper"));
    expect(again.result).toEqual({ status: "succeeded", output: "finished" });
    expect(await runRow(run.runId)).toEqual(row);
    expect(await stepRows(run.runId)).toEqual(steps);
    expect(progressOf(run.runId)).toHaveLength(3);
  });

  it("stays cancelled when a step that was running at the time ends afterwards", async () => {
    const t = createTestApp();
    const run = mirroredRun(t, "three-steps", "test/three", 1, { gate: true });
    await run.request(); // "one"
    const inFlight = run.request(); // "two" runs, and holds at its gate
    await t.gate("two").entered;
    expect((await deliverCancelled(cancelledEvent(run, "jobs-test-three-steps"))).result).toMatchObject({
      output: "cancelled",
    });
    const cancelled = await runRow(run.runId);
    const settled = await stepRows(run.runId);
    expect(settled.map((s) => [s.name, s.status])).toEqual([
      ["one", "succeeded"],
      ["two", "cancelled"],
    ]);

    // Inngest discards the late answer; whatever our handler did meanwhile must not reopen the run.
    t.gate("two").open();
    await inFlight;
    expect(await runRow(run.runId)).toEqual(cancelled);
    expect(await stepRows(run.runId)).toEqual(settled);
    // A request that still reaches us (sent before the cancel landed) writes nothing either.
    await run.call();
    expect(await runRow(run.runId)).toEqual(cancelled);
    expect(await stepRows(run.runId)).toEqual(settled);
    expect(progressOf(run.runId).map((p) => p.status)).toEqual(["running", "running", "cancelled"]);
  });

  it("keeps Inngest's reason, or says it was cancelled in Inngest when none is given", async () => {
    const run = mirroredRun(createTestApp(), "flaky", "test/flaky", 4);
    await run.request(); // fails once: queued for a retry when it is cancelled
    expect(await runRow(run.runId)).toMatchObject({ status: "queued" });
    const { result } = await deliverCancelled({ function_id: "jobs-test-flaky", run_id: run.runId });
    expect(result).toMatchObject({ output: "cancelled" });
    expect(await runRow(run.runId)).toMatchObject({ status: "cancelled", error: DEFAULT_CANCEL_REASON });
    const [step] = await stepRows(run.runId);
    // The step's own last error stays: it is why the run was waiting.
    expect(step).toMatchObject({ status: "cancelled", error: "transient failure" });
    expect(progressOf(run.runId).at(-1)).toEqual({ status: "cancelled", error: DEFAULT_CANCEL_REASON });
  });
});

describe("cancellations with nothing to record", () => {
  it("leaves a run that finished before the cancellation landed as it was", async () => {
    const run = mirroredRun(createTestApp(), "three-steps", "test/three", 1);
    expect((await run.runToEnd()).status).toBe("succeeded");
    const done = await runRow(run.runId);
    published.length = 0;
    const { result } = await deliverCancelled(cancelledEvent(run, "jobs-test-three-steps"));
    expect(result).toEqual({ status: "succeeded", output: "finished" });
    expect(await runRow(run.runId)).toEqual(done);
    expect(published).toEqual([]);
  });

  it("ignores a run id it never mirrored, a local executor's run, and a malformed event", async () => {
    const runs = await app.db.jobRun.count();
    const unknown = await deliverCancelled({
      function_id: "pagecraft-duplicate-project",
      run_id: inngestRunId(),
    });
    expect(unknown.result).toEqual({ status: "succeeded", output: "unknown" });
    expect(await app.db.jobRun.count()).toBe(runs);

    const local = await app.db.jobRun.create({
      data: {
        functionId: "pagecraft-duplicate-project",
        eventName: "project/duplicate.requested",
        event: { name: "project/duplicate.requested", data: {} },
        status: "running",
        workspaceId: scope.workspaceId,
        projectId: scope.projectId,
      },
    });
    const ours = await deliverCancelled({ function_id: "pagecraft-duplicate-project", run_id: local.id });
    expect(ours.result).toEqual({ status: "succeeded", output: "local" });
    expect(await runRow(local.id)).toEqual(local);

    const malformed = await deliverCancelled({ function_id: "pagecraft-duplicate-project" });
    expect(malformed.result).toEqual({ status: "succeeded", output: "invalid" });
    expect(published).toEqual([]);
  });
});
