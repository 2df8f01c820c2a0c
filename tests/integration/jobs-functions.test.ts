// The studio's Inngest functions: each with @inngest/test, and end to end through the local
// executor driving the app's real serve handler.
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { functionTitles } from "@/inngest/functions";
import { duplicateProjectFunction } from "@/inngest/functions/duplicate-project";
import { sweepUnreferencedBlobsFunction } from "@/inngest/functions/sweep-unreferenced-blobs";
import { requestProjectDuplicate } from "@/inngest/request-duplicate";
import { localServeHandler } from "@/inngest/serve";
import { inngestClientOptions } from "@/lib/jobs/client-options";
import { jobsDriver } from "@/lib/jobs/config";
import { listProjectJobs } from "@/lib/jobs/list-project-jobs";
import { LocalExecutor } from "@/lib/jobs/local-executor";
import { localSigningKey } from "@/lib/jobs/signing";
import { createProject } from "@/lib/projects/create-project";
import { blobKey } from "@/lib/storage/keys";
import { sha256Hex } from "@/lib/versions/manifest";
import { setupTestApp } from "./helpers/app";
import { type Owner, signUpOwner } from "./helpers/owner";
import { CloudRun } from "./jobs/cloud-driver";

let app: Awaited<ReturnType<typeof setupTestApp>>;
let owner: Owner;

beforeAll(async () => {
  app = await setupTestApp();
  ({ owner } = await signUpOwner({
    email: "jobs@example.com",
    password: "correct horse battery",
    name: "jobs",
  }));
});
afterAll(() => app.teardown());

async function manifestOf(projectId: string) {
  const p = await app.db.project.findUniqueOrThrow({
    where: { id: projectId },
    include: { currentVersion: true },
  });
  return p.currentVersion?.manifest;
}

describe("duplicate-project", () => {
  it("copies the current manifest into a new project, once, however often the run is replayed", async () => {
    const source = await createProject({ ...owner, name: "Source", templateId: "saas" });
    const blobsBefore = await app.db.blob.count();
    const event = {
      name: "project/duplicate.requested" as const,
      data: { ...owner, projectId: source.id, newProjectId: "cdupfixedid0000000000000a", name: "Copy" },
    };
    const t = new InngestTestEngine({ function: duplicateProjectFunction, events: [event] });
    const first = await t.execute();
    expect(first.result).toEqual({ projectId: "cdupfixedid0000000000000a", name: "Copy", versionNumber: 1 });
    const again = await t.execute(); // a retry or a replay of the same event
    expect(again.result).toEqual(first.result);
    expect(await app.db.project.count({ where: { name: "Copy" } })).toBe(1);
    expect(await manifestOf("cdupfixedid0000000000000a")).toEqual(await manifestOf(source.id));
    expect(await app.db.blob.count()).toBe(blobsBefore); // blobs are shared, not copied
  });

  it("fails without retrying forever when the source is not the sender's", async () => {
    const t = new InngestTestEngine({
      function: duplicateProjectFunction,
      events: [
        {
          name: "project/duplicate.requested",
          data: {
            ...owner,
            projectId: "cnosuchproject00000000000",
            newProjectId: "cnew00000000000000000000b",
          },
        },
      ],
    });
    const { error } = await t.execute();
    expect(String((error as Error)?.message ?? error)).toMatch(/does not exist/);
  });
});

describe("sweep-unreferenced-blobs", () => {
  async function orphan(content: string, ageMs: number) {
    const sha256 = sha256Hex(content);
    const key = blobKey(owner.workspaceId, "orphans", sha256);
    await app.storage.put(key, Buffer.from(content), { sha256 });
    await app.db.blob.create({
      data: {
        workspaceId: owner.workspaceId,
        sha256,
        size: content.length,
        key,
        createdAt: new Date(Date.now() - ageMs),
      },
    });
    return key;
  }

  it("reports unreferenced blobs older than a day (dry run), and deletes them only when asked", async () => {
    await createProject({ ...owner, name: "Keeps its blobs", templateId: "blank" });
    const referenced = await app.db.blob.count();
    const old = await orphan("old orphan", 2 * 86_400_000);
    const young = await orphan("young orphan", 60_000);

    const dry = new InngestTestEngine({
      function: sweepUnreferencedBlobsFunction,
      events: [{ name: "storage/blob-sweep.requested", data: {} }],
    });
    const report = await dry.execute();
    expect(report.result).toMatchObject({
      unreferenced: 1,
      bytes: "old orphan".length,
      dryRun: true,
      deleted: 0,
    });
    expect(await app.storage.head(old)).not.toBeNull();

    const real = new InngestTestEngine({
      function: sweepUnreferencedBlobsFunction,
      events: [{ name: "storage/blob-sweep.requested", data: { delete: true } }],
    });
    const swept = await real.execute();
    expect(swept.result).toMatchObject({ unreferenced: 1, dryRun: false, deleted: 1, deletedBytes: 10 });
    expect(await app.storage.head(old)).toBeNull();
    expect(await app.storage.head(young)).not.toBeNull();
    expect(await app.db.blob.count()).toBe(referenced + 1); // only the old orphan went
  });
});

describe("through the local executor", () => {
  it("duplicates a project as a job, lists the run with its steps, and runs the sweep on its cron", async () => {
    const executor = new LocalExecutor({
      handler: localServeHandler,
      db: app.db,
      crons: false,
      reclaimAllOnStart: true,
    });
    await executor.start();
    try {
      expect(executor.listFunctions().map((f) => f.id)).toEqual(
        expect.arrayContaining(["pagecraft-duplicate-project", "pagecraft-sweep-unreferenced-blobs"]),
      );
      // Registered here too (one registry for every engine), but only Inngest emits its trigger.
      expect(executor.listFunctions().find((f) => f.id === "pagecraft-record-cancelled-run")).toMatchObject({
        events: [{ name: "inngest/function.cancelled" }],
        crons: [],
      });
      const source = await createProject({ ...owner, name: "Queued source", templateId: "saas" });
      const queued = await requestProjectDuplicate({ ...owner, projectId: source.id });
      const run = await app.db.jobRun.findFirstOrThrow({ where: { eventId: queued.eventId } });
      expect((await executor.waitForRun(run.id)).status).toBe("succeeded");
      expect(await manifestOf(queued.projectId)).toEqual(await manifestOf(source.id));

      const jobs = await listProjectJobs(
        { workspaceId: owner.workspaceId, projectId: source.id },
        functionTitles,
      );
      expect(await app.db.jobRun.count({ where: { engine: { not: "local" } } })).toBe(0);
      expect(jobs.items[0]).toMatchObject({
        functionName: "duplicate-project",
        title: "Duplicate a project",
        status: "succeeded",
        progress: 100,
        steps: [{ name: "copy-current-version", status: "succeeded", attempts: 1 }],
      });

      const slot = new Date("2026-01-02T03:00:00Z");
      await executor.triggerCron("pagecraft-sweep-unreferenced-blobs", slot);
      await executor.triggerCron("pagecraft-sweep-unreferenced-blobs", slot); // same slot: one run
      const sweeps = await app.db.jobRun.findMany({ where: { eventName: "inngest/scheduled.timer" } });
      expect(sweeps).toHaveLength(1);
      const result = await executor.waitForRun(sweeps[0].id);
      expect(result).toMatchObject({ status: "succeeded", output: { dryRun: true } });
      expect(await app.db.jobRun.count({ where: { functionId: "pagecraft-record-cancelled-run" } })).toBe(0);
    } finally {
      await executor.stop();
    }
  });
});

describe("with the local executor as the engine", () => {
  it("the app's client has no run mirror: a run it did not start leaves no rows", async () => {
    expect(jobsDriver()).toBe("local");
    expect(inngestClientOptions().middleware).toBeUndefined();
    // The app's serve handler driven the way Inngest Cloud would drive it, with no executor: every
    // row in the tables would have to come from the mirror, which the local engine must not have.
    const source = await createProject({ ...owner, name: "Not mirrored", templateId: "saas" });
    const runs = await app.db.jobRun.count();
    const run = new CloudRun({
      handler: localServeHandler,
      signingKey: localSigningKey(),
      functionId: "pagecraft-duplicate-project",
      event: {
        name: "project/duplicate.requested",
        data: { ...owner, projectId: source.id, newProjectId: "cnotmirrored0000000000000", name: "Copy" },
      },
      maxAttempts: 4,
    });
    expect((await run.runToEnd()).status).toBe("succeeded");
    expect(await app.db.jobRun.count()).toBe(runs);
    expect(await app.db.jobRun.count({ where: { id: run.runId } })).toBe(0);
    expect(await app.db.jobStep.count({ where: { runId: run.runId } })).toBe(0);
  });
});
