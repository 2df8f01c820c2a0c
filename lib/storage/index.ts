// Picks the storage driver from the environment: local files unless S3 is configured.
import path from "node:path";
import { dataDir } from "@/lib/env";
import { createLocalStorage } from "./local";
import type { ObjectStorage } from "./types";

const globalForStorage = globalThis as unknown as { pagecraftStorage?: ObjectStorage };

export function getStorage(): ObjectStorage {
  globalForStorage.pagecraftStorage ??= createLocalStorage(path.join(dataDir, "storage"));
  return globalForStorage.pagecraftStorage;
}

/** Tests point the app at a storage of their own. */
export function setStorage(storage: ObjectStorage | undefined): void {
  globalForStorage.pagecraftStorage = storage;
}

export type { ObjectStorage } from "./types";
