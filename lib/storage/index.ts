// Picks the storage driver from the environment: S3 (or R2, MinIO…) when S3_BUCKET is set, else
// local files under DATA_DIR/storage.
import path from "node:path";
import { dataDir, env } from "@/lib/env";
import { createLocalStorage } from "./local";
import { createS3Storage } from "./s3";
import type { ObjectStorage } from "./types";

const globalForStorage = globalThis as unknown as { pagecraftStorage?: ObjectStorage };

function createStorageFromEnv(): ObjectStorage {
  if (env.S3_BUCKET) {
    return createS3Storage({
      bucket: env.S3_BUCKET,
      region: env.S3_REGION,
      endpoint: env.S3_ENDPOINT,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
      credentials:
        env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
          : undefined,
    });
  }
  return createLocalStorage(path.join(dataDir, "storage"));
}

export function getStorage(): ObjectStorage {
  globalForStorage.pagecraftStorage ??= createStorageFromEnv();
  return globalForStorage.pagecraftStorage;
}

/** Tests point the app at a storage of their own. */
export function setStorage(storage: ObjectStorage | undefined): void {
  globalForStorage.pagecraftStorage = storage;
}

export type { ObjectStorage } from "./types";
