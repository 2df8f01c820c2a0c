// Picks the key-value driver from the environment: Upstash REST when KV_REST_API_URL is set,
// Redis when REDIS_URL is set, else in-memory (one process; fine for `npm run dev`).
import { env } from "@/lib/env";
import { createMemoryKv } from "./memory";
import { createRedisKv } from "./redis";
import type { Kv } from "./types";
import { createVercelKv } from "./vercel-kv";

const globalForKv = globalThis as unknown as { pagecraftKv?: Kv };

function createFromEnv(): Kv {
  if (env.KV_REST_API_URL) {
    if (!env.KV_REST_API_TOKEN) throw new Error("KV_REST_API_URL is set but KV_REST_API_TOKEN is not.");
    return createVercelKv({ url: env.KV_REST_API_URL, token: env.KV_REST_API_TOKEN });
  }
  if (env.REDIS_URL) return createRedisKv(env.REDIS_URL);
  return createMemoryKv();
}

export function getKv(): Kv {
  globalForKv.pagecraftKv ??= createFromEnv();
  return globalForKv.pagecraftKv;
}

/** Tests point the app at a store of their own (undefined: back to the environment's). */
export function setKv(kv: Kv | undefined): void {
  globalForKv.pagecraftKv = kv;
}

export type { Kv, KvDriverName, Lock, RateLimitResult } from "./types";
