// npm run bench:preview — live previews on the local driver, side by side with the naive path.
// (a) cold: project created → its preview serves the page (index HTML + compiled main module),
//     with the warm pool as the app keeps it (PREVIEW_POOL_SIZE, refilled between projects);
// (b) naive: a fresh `npm install` into an empty folder (from the npm cache) then `vite` — the same
//     two requests; (c) b/a; (d) resume of a paused preview; (f) memory per live preview, 10 live.
// (e) edit-to-visible in a browser is measured by the preview gateway's benchmark.
// JSON on stdout; bounded to a few minutes. Its own sandbox folder (the studio's stays untouched).
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { env, sandboxDir } from "@/lib/env";
import { runNpmInstall } from "@/lib/sandbox/local/deps";
import { requestDevServer } from "@/lib/sandbox/local/probe";
import { LocalSandboxProvider } from "@/lib/sandbox/local/provider";
import { loadTemplateFiles, TEMPLATE_IDS } from "@/lib/templates/registry";

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 10);
const NAIVE_RUNS = Number(process.env.BENCH_NAIVE_RUNS ?? 3);
const RESUMES = Number(process.env.BENCH_RESUMES ?? 5);
const round = (n: number) => Math.round(n * 10) / 10;
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: round(pct(s, 50)),
    p95: round(pct(s, 95)),
    min: round(s[0]),
    max: round(s[s.length - 1]),
  };
};

/** GET / (HTML) then its main module, both 200: the preview can render. */
async function servesPage(get: (p: string) => Promise<{ status: number; body: string }>) {
  const index = await get("/");
  if (index.status !== 200 || !index.body.includes("<script")) return false;
  const main = index.body.match(/<script[^>]*type="module"[^>]*src="([^"]+)"/)?.[1] ?? "/src/main.tsx";
  return (await get(main)).status === 200;
}

/** Resident memory of a process and all its descendants (RSS, and PSS which counts shared pages once). */
function treeMemory(rootPid: number) {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {}
  }
  let rssKb = 0;
  let pssKb = 0;
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.pop()!;
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      rssKb += Number(rollup.match(/^Rss:\s+(\d+)/m)?.[1] ?? 0);
      pssKb += Number(rollup.match(/^Pss:\s+(\d+)/m)?.[1] ?? 0);
    } catch {}
    queue.push(...(children.get(pid) ?? []));
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
        const ok = await servesPage((p) => requestDevServer(endpoint, p)).catch(() => false);
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
    const ok = await servesPage(async (p) => requestDevServer(provider.endpoint(info.id)!, p));
    cold.push(performance.now() - t);
    if (!ok) throw new Error(`preview ${i} does not serve its page`);
    claimedFromPool.push(
      (await provider.logs(info.id)).some((l) => l.text.startsWith("claimed from the warm pool")),
    );
    ids.push(info.id);
  }
  await provider.warmPool();

  // (f) memory with 10 live previews (after a moment idle, as between edits).
  await new Promise((r) => setTimeout(r, 2000));
  const memory = ids.map((id) => treeMemory(provider.devServerPid(id)!));

  // (d) resume of a paused preview.
  const resume: number[] = [];
  for (const id of ids.slice(0, RESUMES)) {
    await provider.pause(id);
    await provider.warmPool();
    t = performance.now();
    await provider.resume(id);
    const ready = await provider.waitUntilReady(id, 60_000);
    const ok =
      ready.status === "ready" && (await servesPage((p) => requestDevServer(provider.endpoint(id)!, p)));
    resume.push(performance.now() - t);
    if (!ok) throw new Error(`resumed preview ${id} does not serve its page: ${ready.error}`);
  }
  // Resume without a pooled server (the pool exhausted): restart with the project's own warm cache.
  const coldResume: number[] = [];
  const pooled = new LocalSandboxProvider({ root, poolSize: 0, maxPerWorkspace: 1000, idleMinutes: 60 });
  {
    const info = await pooled.create({
      metadata: { workspaceId: "bench", projectId: "nopool" },
      templateId: "saas",
      files: await loadTemplateFiles("saas"),
    });
    await pooled.waitUntilReady(info.id, 60_000);
    for (let i = 0; i < 3; i++) {
      await pooled.pause(info.id);
      t = performance.now();
      await pooled.resume(info.id);
      await pooled.waitUntilReady(info.id, 60_000);
      coldResume.push(performance.now() - t);
    }
    await pooled.kill(info.id);
    await pooled.close();
  }

  for (const id of ids) await provider.kill(id);
  await provider.close();

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
        a_coldMs: { ...a, claimedFromPool: claimedFromPool.filter(Boolean).length },
        b_naiveMs: { ...b, installP50: round(stats(naiveInstall).p50) },
        c_ratio_b_over_a_p50: round(b.p50 / a.p50),
        d_resumeMs: stats(resume),
        d_resumeWithoutPoolMs: stats(coldResume),
        f_memoryPerLivePreviewMb: {
          live: memory.length,
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
