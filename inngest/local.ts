// Starts the embedded local executor on this app's serve handler, when no Inngest engine is
// configured. Called once per server process by lib/embedded/start.ts.
import { jobsDriver } from "@/lib/jobs/config";
import { getLocalExecutor } from "@/lib/jobs/local-api";
import { LocalExecutor } from "@/lib/jobs/local-executor";
import { localServeHandler } from "./serve";

export async function startLocalJobs(): Promise<void> {
  if (jobsDriver() !== "local" || getLocalExecutor()) return;
  await new LocalExecutor({ handler: localServeHandler }).start();
}
