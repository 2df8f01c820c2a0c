// The jobs engine for /api/health: which driver, and whether it can take work.
import { jobsDriver } from "./config";
import { getLocalExecutor } from "./local-api";

export function jobsHealth(): { driver: string; ping: () => Promise<void> } {
  const driver = jobsDriver();
  return {
    driver,
    async ping() {
      // Inngest Cloud and dev servers are reached on demand; the local executor must be running.
      if (driver === "local" && !getLocalExecutor()) throw new Error("the local job executor is not running");
    },
  };
}
