// npm run bench:apply — the time from the end of a chat turn's stream to its committed version,
// through the embedded local executor (ai/apply.requested → validate+store → commit → announce),
// against the same apply steps called directly in the same run. JSON on stdout; < 60 s.
// Fresh in-memory PGlite and a temporary local storage folder; the offline designer answers.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PGlite } from "@electric-sql/pglite";
import { readUIMessageStream } from "ai";
import { localServeHandler } from "@/inngest/serve";
import { commitTurn, validateTurn } from "@/lib/ai/apply/apply-turn";
import { createApplyRun } from "@/lib/ai/chat/queries";
import { runChatTurn } from "@/lib/ai/chat/run-chat-turn";
import type { ChatUIMessage } from "@/lib/ai/chat/schemas";
import type { CodeOperation } from "@/lib/ai/protocol/types";
import { signUp } from "@/lib/auth/sign-up";
import { createPrismaClient, setDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { LocalExecutor } from "@/lib/jobs/local-executor";
import { createProject } from "@/lib/projects/create-project";
import { setStorage } from "@/lib/storage";
import { createLocalStorage } from "@/lib/storage/local";
import { resolveWorkspace } from "@/lib/workspaces/queries";

const TURNS = Number(process.env.BENCH_TURNS ?? 15);
const round = (n: number) => Math.round(n * 10) / 10;
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: round(pct(s, 50)),
    p95: round(pct(s, 95)),
    mean: round(s.reduce((a, b) => a + b, 0) / s.length),
  };
};

async function main() {
  const started = performance.now();
  const pglite = await PGlite.create();
  await applyMigrations({ pglite });
  const db = createPrismaClient({ pglite });
  setDb(db);
  const storageDir = await mkdtemp(path.join(tmpdir(), "pagecraft-bench-apply-"));
  setStorage(createLocalStorage(storageDir));
  const executor = new LocalExecutor({
    handler: localServeHandler,
    db,
    crons: false,
    reclaimAllOnStart: true,
  });
  await executor.start();

  const user = await signUp({ email: "bench@example.com", password: "bench password", name: "Bench" });
  const workspaceId = (await resolveWorkspace(db, user.id)).id;
  const project = await createProject({ workspaceId, userId: user.id, name: "Bench", templateId: "saas" });
  const scope = { workspaceId, projectId: project.id, userId: user.id, requestId: "bench" };

  const viaExecutor: number[] = [];
  const streamMs: number[] = [];
  const operations: CodeOperation[][] = [];
  for (let i = 0; i < TURNS + 2; i++) {
    const t0 = performance.now();
    const stream = await runChatTurn(
      scope,
      { text: `change the headline to Fresh beans, edition ${i}`, trigger: "submit", autoFix: false },
      new AbortController().signal,
    );
    let last: ChatUIMessage | undefined;
    for await (const m of readUIMessageStream<ChatUIMessage>({ stream })) last = m;
    const streamEnd = performance.now();
    const apply = last?.parts.find((p) => p.type === "data-apply");
    if (apply?.type !== "data-apply") throw new Error("no apply run queued");
    for (;;) {
      const run = await db.applyRun.findUniqueOrThrow({
        where: { id: apply.data.runId },
        select: { status: true, operations: true },
      });
      if (run.status === "succeeded") {
        operations.push(run.operations as unknown as CodeOperation[]);
        break;
      }
      if (run.status === "failed") throw new Error("apply failed");
      await new Promise((r) => setTimeout(r, 2));
    }
    if (i >= 2) {
      viaExecutor.push(performance.now() - streamEnd); // the first two warm up
      streamMs.push(streamEnd - t0);
    }
  }

  // Baseline: the same apply steps, called directly (no event, no executor, no step memoization).
  const direct: number[] = [];
  for (let i = 0; i < TURNS; i++) {
    const ops = operations[(i % (operations.length - 1)) + 1].map((op) => ({
      ...op,
      content: op.content.replaceAll("Fresh beans, edition", `Direct ${i}, edition`),
    }));
    const run = await createApplyRun({ projectId: project.id, messageId: null, operations: ops });
    const t0 = performance.now();
    const applyScope = { ...scope, runId: run.id, request: "direct" };
    const validated = await validateTurn(applyScope);
    if (validated.ok) await commitTurn(applyScope, validated);
    direct.push(performance.now() - t0);
  }

  await executor.stop();
  setDb(undefined);
  await db.$disconnect();
  await pglite.close();
  await rm(storageDir, { recursive: true, force: true });

  const executorStats = stats(viaExecutor);
  const directStats = stats(direct);
  console.log(
    JSON.stringify(
      {
        benchmark: "apply",
        database: "pglite (in memory)",
        model: "offline designer",
        streamMs: stats(streamMs),
        streamEndToCommittedMs: executorStats,
        baselineDirectApplyMs: directStats,
        executorOverheadRatioP50: round(executorStats.p50 / directStats.p50),
        totalMs: Math.round(performance.now() - started),
      },
      null,
      2,
    ),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
