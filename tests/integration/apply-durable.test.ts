// AI turns applied through the real local executor and the app's serve handler: a replayed event
// never makes a second version, and an executor that dies while turns are being applied leaves
// every project at a complete version — after a restart every acknowledged turn is applied once.
import { readUIMessageStream } from "ai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { inngest } from "@/inngest/client";
import { aiApplyRequested } from "@/inngest/events";
import { localServeHandler } from "@/inngest/serve";
import { runChatTurn } from "@/lib/ai/chat/run-chat-turn";
import type { ChatUIMessage } from "@/lib/ai/chat/schemas";
import { signUp } from "@/lib/auth/sign-up";
import { LocalExecutor } from "@/lib/jobs/local-executor";
import { createProject } from "@/lib/projects/create-project";
import { readProjectFile } from "@/lib/projects/files";
import { resolveWorkspace } from "@/lib/workspaces/queries";
import { setupTestApp } from "./helpers/app";

let app: Awaited<ReturnType<typeof setupTestApp>>;
let owner: { workspaceId: string; userId: string };
const executors: LocalExecutor[] = [];

beforeAll(async () => {
  app = await setupTestApp();
  const user = await signUp({ email: "durable@example.com", password: "durable password", name: "Dura" });
  owner = { workspaceId: (await resolveWorkspace(app.db, user.id)).id, userId: user.id };
});
afterEach(async () => {
  for (const e of executors.splice(0)) await e.stop();
});
afterAll(() => app.teardown());

function startExecutor(extra: Partial<ConstructorParameters<typeof LocalExecutor>[0]> = {}) {
  const executor = new LocalExecutor({
    handler: localServeHandler,
    db: app.db,
    backoff: { baseMs: 20, maxMs: 500 },
    reclaimAllOnStart: true,
    crons: false,
    ...extra,
  });
  executors.push(executor);
  return executor;
}

async function chat(projectId: string, text: string) {
  const stream = await runChatTurn(
    { ...owner, projectId, requestId: "t" },
    { text, trigger: "submit", autoFix: false },
    new AbortController().signal,
  );
  let last: ChatUIMessage | undefined;
  for await (const m of readUIMessageStream<ChatUIMessage>({ stream })) last = m;
  const apply = last?.parts.find((p) => p.type === "data-apply");
  if (apply?.type !== "data-apply")
    throw new Error(`the turn queued no apply run: ${JSON.stringify(last?.parts).slice(0, 1500)}`);
  return apply.data.runId;
}

async function waitForApply(runIds: string[], timeoutMs = 60_000) {
  const started = Date.now();
  for (;;) {
    const runs = await app.db.applyRun.findMany({ where: { id: { in: runIds } } });
    if (runs.length === runIds.length && runs.every((r) => r.status === "succeeded" || r.status === "failed"))
      return runs;
    if (Date.now() - started > timeoutMs)
      throw new Error(`apply runs still pending: ${JSON.stringify(runs.map((r) => r.status))}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("durable apply", () => {
  it("applies a chat turn through the executor, and a replayed event makes no second version", async () => {
    const executor = startExecutor();
    await executor.start();
    const project = await createProject({ ...owner, name: "Replay", templateId: "saas" });
    const runId = await chat(project.id, "change the headline to Fresh beans, every week");
    const [run] = await waitForApply([runId]);
    expect(run.status).toBe("succeeded");
    expect(
      (await readProjectFile({ ...owner, projectId: project.id, path: "src/App.tsx" })).content.toString(),
    ).toContain("Fresh beans, every week");

    // The same event again (a new event id, same apply run): the idempotency key and the
    // run-derived version id both keep it from making a second version.
    await inngest.send(
      aiApplyRequested.create(
        { applyRunId: runId, ...owner, projectId: project.id, request: "again" },
        { id: `replay-${runId}` },
      ),
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(await app.db.version.count({ where: { projectId: project.id } })).toBe(2);
  });

  it("after an executor dies mid-apply, a restart applies every acknowledged turn exactly once", async () => {
    const projects = await Promise.all(
      ["Crash A", "Crash B"].map((name) => createProject({ ...owner, name, templateId: "saas" })),
    );
    let validatedSteps = 0;
    let allSent: () => void = () => {};
    const sentAll = new Promise<void>((resolve) => {
      allSent = resolve;
    });
    const first = startExecutor({
      afterStep: async (e) => {
        // Die right after the first turn validated and stored its blobs, before it commits —
        // once every turn has been acknowledged (sent to the engine).
        if (e.name === "validate-and-store" && ++validatedSteps === 1) {
          await sentAll;
          first.kill();
        }
      },
    });
    await first.start();
    const turns = [
      [projects[0].id, "change the headline to First edit"],
      [projects[1].id, "make it green"],
      [projects[0].id, "add a contact form"],
    ] as const;
    const runIds: string[] = [];
    try {
      for (const [projectId, text] of turns) runIds.push(await chat(projectId, text));
    } finally {
      allSent();
    }
    for (let i = 0; i < 400 && first.running; i++) await new Promise((r) => setTimeout(r, 10));
    expect(first.running).toBe(false);

    // Every project is at a complete version while the executor is down.
    for (const p of projects) {
      const row = await app.db.project.findUniqueOrThrow({
        where: { id: p.id },
        include: { currentVersion: true },
      });
      expect(row.currentVersion).not.toBeNull();
    }

    const second = startExecutor();
    await second.start();
    const runs = await waitForApply(runIds);
    expect(runs.map((r) => r.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
    for (const p of projects) {
      const versions = await app.db.version.findMany({
        where: { projectId: p.id },
        orderBy: { number: "asc" },
      });
      const expected = 1 + turns.filter(([id]) => id === p.id).length;
      expect(versions.map((v) => v.number)).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
      const row = await app.db.project.findUniqueOrThrow({ where: { id: p.id } });
      expect(row.currentVersionId).toBe(versions.at(-1)?.id);
    }
    const appA = (
      await readProjectFile({ ...owner, projectId: projects[0].id, path: "src/App.tsx" })
    ).content.toString();
    expect(appA).toContain("First edit");
    expect(appA).toMatch(/Contact/);
  });
});
