// Points the app's singletons (database, storage) at a fresh migrated database and a temporary
// storage folder, for tests that call lib/ functions the way routes do.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setDb } from "@/lib/db/client";
import { setStorage } from "@/lib/storage";
import { createLocalStorage } from "@/lib/storage/local";
import { createTestDb } from "./db";

export async function setupTestApp() {
  const { db, close } = await createTestDb();
  const storageDir = await mkdtemp(path.join(tmpdir(), "pagecraft-storage-"));
  const storage = createLocalStorage(storageDir);
  setDb(db);
  setStorage(storage);
  return {
    db,
    storage,
    storageDir,
    async teardown() {
      setDb(undefined);
      setStorage(undefined);
      await close();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}
