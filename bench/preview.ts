// npm run bench:preview — live previews on the local driver, side by side with the naive path.
// (a) cold: project created → its preview serves the page (index HTML + compiled main module),
//     with the warm pool as the app keeps it (PREVIEW_POOL_SIZE, refilled between projects);
//     `allModulesP50`: until every module the page imports has been served too;
// (b) naive: a fresh `npm install` into an empty folder (from the npm cache) then `vite` — the same
//     two requests; (c) b/a;
// (d) resume: paused → the preview serves its page again (the same two requests, straight from the
//     dev server, as the gateway reaches it), for each kind of pause: frozen (the first
//     PREVIEW_FREEZE_MINUTES), stopped with a warm pool (a pooled server takes the files), stopped
//     with the pool empty (its own server restarts on its Vite cache). `allModulesMs`: until every
//     module the page imports has been served too (what a browser loads before it paints).
//     `d_frozenCpuMsPerS`: CPU a frozen preview used while paused (it should be none);
// (f) memory per live preview, 10 live: RSS and PSS of each dev server's process tree, once its
//     page's modules were all loaded (as a browser would) and it sat idle for a moment.
// (e) edit-to-visible in a browser is measured by bench:preview-edit.
// JSON on stdout; bounded to a few minutes. Its own sandbox folder (the studio's stays untouched).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { env, sandboxDir } from "@/lib/env";
import { runNpmInstall } from "@/lib/sandbox/local/deps";
import type { DevServerEndpoint } from "@/lib/sandbox/local/dev-server";
import { processTree } from "@/lib/sandbox/local/freeze";
import { probeReady, requestDevServer } from "@/lib/sandbox/local/probe";
import { LocalSandboxProvider } from "@/lib/sandbox/local/provider";
import { loadTemplateFiles, TEMPLATE_IDS } from "@/lib/templates/registry";
import { round, stats } from "./lib/stats";

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 10);
const NAIVE_RUNS = Number(process.env.BENCH_NAIVE_RUNS ?? 3);
const RESUMES = Number(process.env.BENCH_RESUMES ?? 5);
/** Idle time before memory is read: the launcher collects garbage ~3 s after a burst of requests. */
const IDLE_MS = 5000;

/** GET / (HTML) then the page's own main module, both 200 (the drivers' readiness probe): it can render. */
const servesPage = async (endpoint: DevServerEndpoint) => (await probeReady(endpoint)).problem === null;

/** Every module the page imports, requested the way a browser's module loader does; returns how many. */
async function loadAllModules(get: (p: string) => Promise<{ status: number; body: string }>) {
  const index = await get("/");
  const queue = [...index.body.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]);
  const seen = new Set<string>();
  while (queue.length) {
    const batch = queue.splice(0).filter((url) => !seen.has(url));
    for (const url of batch) seen.add(url);
    const bodies = await Promise.all(batch.map(async (url) => (await get(url)).body));
    for (const body of bodies)
      for (const m of body.matchAll(/(?:from|import)\s*\(?\s*"(\/[^"]+)"/g))
        if (!seen.has(m[1])) queue.push(m[1]);
  }
  return seen.size;
}

/** `rootPid` and every process under it. */
const descendants = (rootPid: number) => processTree(rootPid).map((p) => p.pid);

/** CPU time (ms) the process tree under `rootPid` uses over `ms`. */
async function treeCpuMs(rootPid: number, ms: number) {
  const ticks = () => {
    let total = 0;
    for (const pid of descendants(rootPid)) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        total += Number(fields[11]) + Number(fields[12]); // utime + stime
      } catch {}
    }
    return total;
  };
  const before = ticks();
  await new Promise((r) => setTimeout(r, ms));
  return ((ticks() - before) * 1000) / 100; // USER_HZ is 100 on Linux
}

/** Resident memory of a process and all its descendants (RSS, and PSS which counts shared pages once). */
function treeMemory(rootPid: number) {
  let rssKb = 0;
  let pssKb = 0;
  for (const pid of descendants(rootPid)) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      rssKb += Number(rollup.match(/^Rss:\s+(\d+)/m)?.[1] ?? 0);
      pssKb += Number(rollup.match(/^Pss:\s+(\d+)/m)?.[1] ?? 0);
    } catch {}
  }
  return { rssMb: rssKb / 1024, pssMb: pssKb / 1024 };
}

async function naiveRun(templateId: string): Promise<{ totalMs: number; installMs: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), "pagecraft-naive-"));
  const started = performance.now();
  try {
    for (const file of await loadTemplateFiles(templateId)) {
      const target = path.join(dir, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    await runNpmInstall(dir);
    const installMs = performance.now() - started;
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const child = spawn(
      path.join(dir, "node_modules/.bin/vite"),
      ["--host", "127.0.0.1", "--port", String(port), "--strictPort"],
      { cwd: dir, stdio: "ignore", detached: true },
    );
    try {
      const endpoint = { host: "127.0.0.1", port };
      // Poll the same readiness probe until the server answers (there is no event to wait for).
      for (;;) {
        const ok = await servesPage(endpoint);
        if (ok) break;
        if (performance.now() - started > 90_000) throw new Error("naive dev server never became ready");
        await new Promise((r) => setTimeout(r, 25));
      }
      return { totalMs: performance.now() - started, installMs };
    } finally {
      process.kill(-child.pid!, "SIGKILL");
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main() {
  const benchStarted = performance.now();
  const root = path.join(path.dirname(sandboxDir), "bench-sandboxes");
  const provider = new LocalSandboxProvider({
    root,
    poolSize: env.PREVIEW_POOL_SIZE,
    maxPerWorkspace: 1000,
    idleMinutes: 60,
  });

  // Setup (not timed as a preview): the one-time dependency install, then the pool warming up.
  let t = performance.now();
  await provider.warmPool();
  const setupMs = performance.now() - t;

  // (a) cold, with the pool as the app keeps it.
  const templates = TEMPLATE_IDS.filter((id) => id !== "blank");
  const cold: number[] = [];
  const coldAllModules: number[] = [];
  const claimedFromPool: boolean[] = [];
  const ids: string[] = [];
  for (let i = 0; i < PROJECTS; i++) {
    await provider.warmPool(); // the pool refills between two projects being created
    const templateId = templates[i % templates.length];
    const files = await loadTemplateFiles(templateId);
    t = performance.now();
    const info = await provider.create({
      metadata: { workspaceId: "bench", projectId: `p${i}` },
      templateId,
      files,
    });
    const ready = await provider.waitUntilReady(info.id, 60_000);
    if (ready.status !== "ready") throw new Error(`preview ${i} did not become ready: ${ready.error}`);
    const endpoint = provider.endpoint(info.id)!;
    const ok = await servesPage(endpoint);
    cold.push(performance.now() - t);
    if (!ok) throw new Error(`preview ${i} does not serve its page`);
    await loadAllModules((p) => requestDevServer(endpoint, p));
    coldAllModules.push(performance.now() - t);
    claimedFromPool.push(
      (await provider.logs(info.id)).some((l) => l.text.startsWith("claimed from the warm pool")),
    );
    ids.push(info.id);
  }
  await provider.warmPool();

  // (f) memory with 10 live previews: each page was loaded whole above; then a moment idle.
  await new Promise((r) => setTimeout(r, IDLE_MS));
  const memory = ids.map((id) => treeMemory(provider.devServerPid(id)!));

  // (d) resume of a paused preview, each kind.
  const resumeKinds = {
    frozen: { toPage: [] as number[], allModules: [] as number[] },
    stoppedWarmPool: { toPage: [] as number[], allModules: [] as number[] },
    stoppedNoPool: { toPage: [] as number[], allModules: [] as number[] },
  };
  const frozenCpu: number[] = [];
  async function timeResume(
    p: LocalSandboxProvider,
    id: string,
    kind: keyof typeof resumeKinds,
    expected: "frozen" | "stopped",
  ) {
    const paused = await p.status(id);
    if (paused?.status !== "paused" || paused.paused !== expected)
      throw new Error(`preview ${id} is not paused ${expected}: ${JSON.stringify(paused)}`);
    const started = performance.now();
    await p.resume(id);
    const ready = await p.waitUntilReady(id, 60_000);
    const read = (path: string) => requestDevServer(p.endpoint(id)!, path);
    const ok = ready.status === "ready" && (await servesPage(p.endpoint(id)!));
    resumeKinds[kind].toPage.push(performance.now() - started);
    if (!ok) throw new Error(`resumed preview ${id} does not serve its page: ${ready.error}`);
    await loadAllModules(read);
    resumeKinds[kind].allModules.push(performance.now() - started);
  }
  for (const id of ids.slice(0, RESUMES)) {
    await provider.pause(id);
    frozenCpu.push(await treeCpuMs(provider.devServerPid(id)!, 1000));
    await timeResume(provider, id, "frozen", "frozen");
  }
  for (const id of ids.slice(0, RESUMES)) {
    await provider.pause(id);
    await provider.stopFrozen(0); // as the sweep does after PREVIEW_FREEZE_MINUTES
    await provider.warmPool();
    await timeResume(provider, id, "stoppedWarmPool", "stopped");
  }
  for (const id of ids) await provider.kill(id);
  await provider.close();

  // The pool empty: the project's own server restarts with its warm Vite cache. A provider of its
  // own, started after the first one closed (a second provider on the same folder would take the
  // first one's pooled folders for leftovers).
  const unpooled = new LocalSandboxProvider({ root, poolSize: 0, maxPerWorkspace: 1000, idleMinutes: 60 });
  {
    const info = await unpooled.create({
      metadata: { workspaceId: "bench", projectId: "nopool" },
      templateId: "saas",
      files: await loadTemplateFiles("saas"),
    });
    await unpooled.waitUntilReady(info.id, 60_000);
    for (let i = 0; i < 3; i++) {
      await unpooled.pause(info.id);
      await unpooled.stopFrozen(0);
      await timeResume(unpooled, info.id, "stoppedNoPool", "stopped");
    }
    await unpooled.kill(info.id);
    await unpooled.close();
  }

  // (b) the naive path, same machine, same run.
  const naive: number[] = [];
  const naiveInstall: number[] = [];
  for (let i = 0; i < NAIVE_RUNS; i++) {
    const run = await naiveRun(templates[i % templates.length]);
    naive.push(run.totalMs);
    naiveInstall.push(run.installMs);
  }

  const a = stats(cold);
  const b = stats(naive);
  const rss = memory.map((m) => m.rssMb);
  const pss = memory.map((m) => m.pssMb);
  console.log(
    JSON.stringify(
      {
        bench: "preview",
        machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
        isolation: provider.isolation,
        setupMs: round(setupMs),
        poolSize: env.PREVIEW_POOL_SIZE,
        freezeMinutes: env.PREVIEW_FREEZE_MINUTES,
        a_coldMs: {
          ...a,
          allModulesP50: round(stats(coldAllModules).p50),
          claimedFromPool: claimedFromPool.filter(Boolean).length,
        },
        b_naiveMs: { ...b, installP50: round(stats(naiveInstall).p50) },
        c_ratio_b_over_a_p50: round(b.p50 / a.p50),
        d_resumeMs: Object.fromEntries(
          Object.entries(resumeKinds).map(([kind, { toPage, allModules }]) => [
            kind,
            { ...stats(toPage), allModulesP50: round(stats(allModules).p50) },
          ]),
        ),
        d_frozenCpuMsPerS: stats(frozenCpu),
        f_memoryPerLivePreviewMb: {
          live: memory.length,
          idleMs: IDLE_MS,
          rss: { ...stats(rss), mean: round(rss.reduce((x, y) => x + y, 0) / rss.length) },
          pss: { ...stats(pss), mean: round(pss.reduce((x, y) => x + y, 0) / pss.length) },
        },
        totalSeconds: round((performance.now() - benchStarted) / 1000),
      },
      null,
      2,
    ),
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
