// What both `npm run dev` and `npm start` do before Next.js starts: migrate the database and,
// where the demo login is shown, seed the demo account. The embedded PGlite folder has one
// writer, so this closes it again before Next.js opens it.
import { rm } from "node:fs/promises";
import path from "node:path";
import { showDemoLogin } from "@/lib/auth/config-public";
import { databaseDriver, disconnectDb, getDb, getDbTarget } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { seedDatabase } from "@/lib/db/seed";
import { dataDir } from "@/lib/env";

export async function prepareRuntime(options: { resetData?: boolean } = {}): Promise<void> {
  const started = performance.now();
  if (options.resetData) {
    // Only ever wipe a throwaway folder: never a real data folder set by mistake.
    if (!dataDir.includes(`${path.sep}.test-data${path.sep}`)) {
      throw new Error(`Refusing to reset ${dataDir}: only folders under .test-data/ are reset.`);
    }
    await rm(dataDir, { recursive: true, force: true });
  }
  try {
    const { applied } = await applyMigrations(getDbTarget());
    if (applied.length)
      console.log(`[pagecraft] applied ${applied.length} migration(s) to ${databaseDriver()}`);
    if (showDemoLogin) {
      const { created } = await seedDatabase(getDb());
      if (created) console.log("[pagecraft] seeded the demo account: demo@pagecraft.dev / pagecraft-demo");
    }
  } finally {
    await disconnectDb();
  }
  console.log(
    `[pagecraft] database ready (${databaseDriver()}) in ${Math.round(performance.now() - started)} ms`,
  );
}
