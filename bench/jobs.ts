// npm run bench:jobs — steps per second and per-step overhead of the local executor for a 10-step
// function, against the same 10 steps called as plain functions. JSON on stdout; < 60 s.
// Runs on a fresh in-memory PGlite (the embedded default), in this process.
import { performance } from "node:perf_hooks";
import { PGlite } from "@electric-sql/pglite";
import { Inngest } from "inngest";
import { serve } from "inngest/next";
import { createPrismaClient, setDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { inngestClientOptions } from "@/lib/jobs/client-options";
import { LocalExecutor } from "@/lib/jobs/local-executor";

const STEPS = 10;
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const PARALLEL_RUNS = Number(process.env.BENCH_PARALLEL ?? 40);

// The step body: a little real work, the same in both variants.
function work(i: number, input: number): number {
  let x = input;
  for (let k = 0; k < 1000; k++) x = (x * 31 + i + k) % 1_000_003;
  return x;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;

async function main() {
  const started = performance.now();
  const pglite = await PGlite.create();
  await applyMigrations({ pglite });
  const db = createPrismaClient({ pglite });
  setDb(db);

  const client = new Inngest({ id: "bench", ...inngestClientOptions() });
  const tenSteps = client.createFunction(
    { id: "ten-steps", triggers: [{ event: "bench/ten" }] },
    async ({ step }) => {
      let value = 1;
      for (let i = 0; i < STEPS; i++) value = await step.run(`step-${i}`, () => work(i, value));
      return value;
    },
  );
  const served = serve({ client, functions: [tenSteps] });
  // Time spent inside the serve handler (the SDK running the function), to split the overhead.
  let handlerMs = 0;
  const handler = async (r: Request) => {
    const t0 = performance.now();
    try {
      return await served(r as never, undefined);
    } finally {
      handlerMs += performance.now() - t0;
    }
  };
  const executor = new LocalExecutor({
    handler,
    db,
    crons: false,
    reclaimAllOnStart: true,
  });
  await executor.start();

  const runOnce = async () => {
    const t0 = performance.now();
    const { ids } = await client.send({ name: "bench/ten", data: {} });
    const run = await db.jobRun.findFirstOrThrow({ where: { eventId: ids[0] }, select: { id: true } });
    const result = await executor.waitForRun(run.id, 30_000);
    if (result.status !== "succeeded") throw new Error(`run failed: ${result.error}`);
    return performance.now() - t0;
  };

  // Warm up (module JIT, prepared statements), then sequential runs: latency per run.
  for (let i = 0; i < 3; i++) await runOnce();
  const latencies: number[] = [];
  handlerMs = 0;
  const seqStart = performance.now();
  for (let i = 0; i < RUNS && (i < 3 || performance.now() - seqStart < 20_000); i++)
    latencies.push(await runOnce());
  const seqMs = performance.now() - seqStart;
  const seqHandlerMs = handlerMs;

  // Many runs at once: throughput.
  const parStart = performance.now();
  await Promise.all(Array.from({ length: PARALLEL_RUNS }, () => runOnce()));
  const parMs = performance.now() - parStart;

  // Baseline: the same ten steps as plain calls.
  const baseStart = performance.now();
  let sink = 0;
  const baseRuns = 2000;
  for (let r = 0; r < baseRuns; r++) {
    let value = 1;
    for (let i = 0; i < STEPS; i++) value = work(i, value);
    sink += value;
  }
  const baseMsPerRun = (performance.now() - baseStart) / baseRuns;

  await executor.stop();
  setDb(undefined);
  await db.$disconnect();
  await pglite.close();

  const sorted = [...latencies].sort((a, b) => a - b);
  const meanRunMs = seqMs / latencies.length;
  console.log(
    JSON.stringify(
      {
        benchmark: "jobs",
        database: "pglite (in memory)",
        stepsPerRun: STEPS,
        sequential: {
          runs: latencies.length,
          stepsPerSecond: round((latencies.length * STEPS) / (seqMs / 1000), 1),
          runMs: {
            mean: round(meanRunMs),
            p50: round(percentile(sorted, 50)),
            p95: round(percentile(sorted, 95)),
          },
          perStepOverheadMs: round((meanRunMs - baseMsPerRun) / STEPS),
          // Of that: the SDK inside the serve handler (11 calls per run) vs the executor and database.
          perStepInHandlerMs: round(seqHandlerMs / latencies.length / STEPS),
          perStepExecutorAndDbMs: round((seqMs - seqHandlerMs) / latencies.length / STEPS),
        },
        parallel: {
          runs: PARALLEL_RUNS,
          stepsPerSecond: round((PARALLEL_RUNS * STEPS) / (parMs / 1000), 1),
          wallMs: round(parMs, 1),
        },
        baseline: {
          runMs: round(baseMsPerRun, 4),
          stepsPerSecond: round((STEPS * 1000) / baseMsPerRun, 0),
          checksum: sink % 1000,
        },
        totalMs: round(performance.now() - started, 0),
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
