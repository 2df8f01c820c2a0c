// The idle-preview sweep as an Inngest function, the way production runs it: the E2B driver (on
// the fake client) in an invocation that never saw the sandboxes it pauses — with @inngest/test,
// then end to end through the local executor on its cron, whose finished runs are pruned.
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pauseIdlePreviewsFunction } from "@/inngest/functions/pause-idle-previews";
import { localServeHandler } from "@/inngest/serve";
import { LocalExecutor } from "@/lib/jobs/local-executor";
import { setPreviewProvider } from "@/lib/preview/provider";
import { startOrResumePreview } from "@/lib/preview/start-preview";
import { idleSweepCron } from "@/lib/preview/sweep-idle";
import { createProject } from "@/lib/projects/create-project";
import { setRealtime } from "@/lib/realtime";
import { E2BSandboxProvider } from "@/lib/sandbox/e2b";
import { setupTestApp } from "./helpers/app";
import { type Owner, signUpOwner } from "./helpers/owner";
import { realtimeRecorder } from "./helpers/realtime-recorder";
import { FakeE2B } from "./helpers/sandbox-e2b-fake";

const { server: realtime, received: statuses } = realtimeRecorder<{ previewId: string; status: string }>(
  "preview.status",
);

let app: Awaited<ReturnType<typeof setupTestApp>>;
let fake: FakeE2B;
let owner: Owner;
const e2b = () => new E2BSandboxProvider({ client: fake, templateId: "pagecraft-preview", protocol: "http" });

beforeAll(async () => {
  app = await setupTestApp();
  setRealtime(realtime);
  fake = await new FakeE2B().init();
  ({ owner } = await signUpOwner({
    email: "sweep@example.com",
    password: "correct horse battery",
    name: "sweep",
  }));
});
afterAll(async () => {
  await setPreviewProvider(undefined);
  setRealtime(undefined);
  await fake.teardown();
  await app.teardown();
});
beforeEach(async () => {
  // The studio invocation that opened the previews.
  await setPreviewProvider(e2b());
});

/** A live preview, last viewed `minutesAgo` minutes ago. */
async function preview(name: string, minutesAgo: number) {
  const project = await createProject({ ...owner, name, templateId: "blank" });
  const session = await startOrResumePreview({
    workspaceId: owner.workspaceId,
    projectId: project.id,
    wait: true,
  });
  expect(session.status).toBe("ready");
  await app.db.previewSession.update({
    where: { id: session.id },
    data: { lastSeenAt: new Date(Date.now() - minutesAgo * 60_000) },
  });
  return session;
}

const rowStatus = async (id: string) =>
  (await app.db.previewSession.findUniqueOrThrow({ where: { id } })).status;

describe("pause-idle-previews", () => {
  it("pauses idle E2B previews from an invocation that did not start them, and stops vanished ones", async () => {
    const idle = await preview("Idle", 60);
    const viewed = await preview("Viewed", 0);
    const vanished = await preview("Vanished", 60);
    await fake.kill(vanished.sandboxId); // expired or killed behind the studio's back
    // The function runs elsewhere (Inngest Cloud calls any instance): no memory of those sandboxes.
    await setPreviewProvider(e2b());

    const t = new InngestTestEngine({
      function: pauseIdlePreviewsFunction,
      events: [{ name: "preview/idle-sweep.requested", data: {} }],
    });
    const { result } = await t.execute();
    expect(result).toEqual({ paused: [idle.id], stopped: [vanished.id] });
    expect(fake.sandboxes.get(idle.sandboxId)!.state).toBe("paused");
    expect(fake.sandboxes.get(viewed.sandboxId)!.state).toBe("running");
    expect(await rowStatus(idle.id)).toBe("paused");
    expect(await rowStatus(viewed.id)).toBe("ready");
    expect(await rowStatus(vanished.id)).toBe("stopped");
    expect(statuses).toContainEqual(expect.objectContaining({ previewId: idle.id, status: "paused" }));

    // Nothing idle left: a sweep that finds nothing.
    const again = await new InngestTestEngine({
      function: pauseIdlePreviewsFunction,
      events: [{ name: "preview/idle-sweep.requested", data: {} }],
    }).execute();
    expect(again.result).toEqual({ paused: [], stopped: [] });
  });

  it("runs on its cron through the local executor, keeping only recent finished cron runs", async () => {
    const executor = new LocalExecutor({
      handler: localServeHandler,
      db: app.db,
      crons: false,
      reclaimAllOnStart: true,
      keepCronRuns: 2,
    });
    await executor.start();
    try {
      const fn = executor.listFunctions().find((f) => f.id === "pagecraft-pause-idle-previews");
      expect(fn).toMatchObject({
        crons: [idleSweepCron()],
        events: [{ name: "preview/idle-sweep.requested" }],
      });

      const idle = await preview("Idle on cron", 60);
      await setPreviewProvider(e2b());
      const cronRuns = () =>
        app.db.jobRun.findMany({
          where: { functionId: fn!.id, eventName: "inngest/scheduled.timer" },
          orderBy: { createdAt: "asc" },
          include: { steps: true },
        });

      const slots = ["00", "03", "06", "09"].map((m) => new Date(`2026-01-02T03:${m}:00Z`));
      const outputs: unknown[] = [];
      for (const slot of slots) {
        await executor.triggerCron(fn!.id, slot);
        const runs = await cronRuns();
        const run = runs.at(-1)!;
        expect(run.eventId).toBe(`cron-${fn!.id}-${slot.toISOString()}`);
        const finished = await executor.waitForRun(run.id);
        expect(finished.status, finished.error).toBe("succeeded");
        outputs.push(finished.output);
      }
      expect(outputs[0]).toEqual({ paused: [idle.id], stopped: [] });
      expect(outputs.slice(1)).toEqual([
        { paused: [], stopped: [] },
        { paused: [], stopped: [] },
        { paused: [], stopped: [] },
      ]);
      expect(await rowStatus(idle.id)).toBe("paused");

      // Each trigger pruned the finished runs beyond the newest two: the first slot's run and its
      // steps are gone; the two before the last and the last remain.
      const kept = await cronRuns();
      expect(kept.map((r) => r.eventId)).toEqual(
        slots.slice(1).map((slot) => `cron-${fn!.id}-${slot.toISOString()}`),
      );
      expect(kept.every((r) => r.steps.length === 1)).toBe(true);
      expect(await app.db.jobStep.count({ where: { run: { functionId: fn!.id } } })).toBe(3);

      // A requested sweep is not a cron run: kept whatever the retention.
      const [eventId] = await executor.ingest([{ name: "preview/idle-sweep.requested", data: {} }]);
      const requested = await app.db.jobRun.findFirstOrThrow({ where: { eventId } });
      expect((await executor.waitForRun(requested.id)).status).toBe("succeeded");
      await executor.triggerCron(fn!.id, new Date("2026-01-02T03:12:00Z"));
      expect(await app.db.jobRun.count({ where: { id: requested.id } })).toBe(1);
    } finally {
      await executor.stop();
    }
  });
});
