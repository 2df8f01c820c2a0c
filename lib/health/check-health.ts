// Each dependency's driver and status. The database is required (503 without it); the others
// report but do not fail the check until the features that need them are used.
import { databaseDriver, getDb } from "@/lib/db/client";
import { jobsHealth } from "@/lib/jobs/health";
import { getKv } from "@/lib/kv";
import { getRealtime } from "@/lib/realtime";
import { getStorage } from "@/lib/storage";

export interface DependencyStatus {
  driver: string;
  status: "ok" | "error";
  latencyMs: number;
  error?: string;
}

export interface HealthReport {
  status: "ok" | "degraded" | "down";
  dependencies: Record<string, DependencyStatus>;
}

async function probe(
  driver: string,
  check: () => Promise<unknown>,
  timeoutMs = 3000,
): Promise<DependencyStatus> {
  const started = performance.now();
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs),
      ),
    ]);
    return { driver, status: "ok", latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      driver,
      status: "error",
      latencyMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

export async function checkHealth(): Promise<HealthReport> {
  const storage = getStorage();
  const kv = getKv();
  const realtime = getRealtime();
  const jobs = jobsHealth();
  const [database, objectStorage, keyValue, realtimeStatus, jobsStatus] = await Promise.all([
    probe(databaseDriver(), () => getDb().$queryRaw`SELECT 1`),
    probe(storage.driver, () => storage.ping()),
    probe(kv.driver, () => kv.ping()),
    probe(realtime.driver, () => realtime.ping()),
    probe(jobs.driver, () => jobs.ping()),
  ]);
  const dependencies = {
    database,
    storage: objectStorage,
    kv: keyValue,
    realtime: realtimeStatus,
    jobs: jobsStatus,
  };
  const status =
    database.status === "error"
      ? "down"
      : Object.values(dependencies).some((d) => d.status === "error")
        ? "degraded"
        : "ok";
  return { status, dependencies };
}
