import { performance } from "node:perf_hooks";
import { PGlite } from "@electric-sql/pglite";
import { Inngest } from "inngest";
import { serve } from "inngest/next";
import { createPrismaClient, setDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { inngestClientOptions } from "@/lib/jobs/client-options";
import { callFunction } from "@/lib/jobs/protocol";
import { localSigningKey } from "@/lib/jobs/signing";
async function main() {
  const client = new Inngest({ id: "bench", ...inngestClientOptions() });
  const f = client.createFunction({ id: "ten", triggers: [{ event: "bench/ten" }] }, async ({ step }) => {
    let v = 1; for (let i = 0; i < 10; i++) v = await step.run(`s-${i}`, () => v + 1); return v; });
  const served = serve({ client, functions: [f] });
  const steps: Record<string, any> = {}; const stack: string[] = [];
  for (let i = 0; i < 12; i++) {
    const t0 = performance.now();
    const out = await callFunction((r) => served(r), { serveUrl: "http://localhost:3000/api/inngest", functionId: "bench-ten", stepId: "step", runId: "r1", event: { name: "bench/ten", data: {}, id: "e1", ts: Date.now() }, steps, stack, attempt: 0, maxAttempts: 4, disableImmediateExecution: false, signingKey: localSigningKey() });
    console.log(i, (performance.now() - t0).toFixed(2), JSON.stringify(out).slice(0, 100));
    if (out.kind === "ops") for (const op of out.ops) { steps[op.id] = { data: op.data }; stack.push(op.id); }
    else break;
  }
  const pglite = await PGlite.create(); await applyMigrations({ pglite }); const db = createPrismaClient({ pglite });
  await db.jobRun.create({ data: { id: "r1", functionId: "x", eventName: "e", event: {} } });
  for (let i = 0; i < 5; i++) { const t0 = performance.now();
    await db.$transaction(async (tx) => { await tx.jobRun.count({ where: { id: "r1" } }); await tx.jobStep.updateMany({ where: { runId: "r1", stepId: "s" + i }, data: { status: "succeeded" } }); await tx.jobStep.createMany({ data: [{ runId: "r1", stepId: "s" + i, name: "n", status: "succeeded" }] }); await tx.jobRun.updateMany({ where: { id: "r1" }, data: { attempt: 0 } }); });
    console.log("tx", (performance.now() - t0).toFixed(2)); }
  for (let i = 0; i < 5; i++) { const t0 = performance.now(); await db.jobRun.findMany({ where: { status: "queued" }, take: 100 }); console.log("q", (performance.now() - t0).toFixed(2)); }
}
main();
