// Redis through ioredis (REDIS_URL): one connection per process, shared by every request.
import { Redis, type RedisOptions } from "ioredis";
import { log } from "@/lib/log";
import { createRedisProtocolKv } from "./redis-protocol";
import type { Kv } from "./types";

export function createRedisKv(url: string, options: { prefix?: string; redis?: RedisOptions } = {}): Kv {
  const client = new Redis(url, {
    // Fail a command quickly while Redis is unreachable instead of queueing it for ever;
    // callers such as the rate limiter decide what a failure means.
    maxRetriesPerRequest: 1,
    connectTimeout: 5_000,
    lazyConnect: true,
    ...options.redis,
  });
  // ioredis reconnects by itself; without a listener each failed attempt prints a stack trace.
  client.on("error", (error: Error) => log.warn("redis connection error", { error: error.message }));
  return createRedisProtocolKv({
    driver: "redis",
    prefix: options.prefix,
    commands: {
      get: (key) => client.get(key),
      async set(key, value, { ttlMs, nx }) {
        const args: Array<string | number> = [key, value];
        if (ttlMs !== undefined) args.push("PX", ttlMs);
        if (nx) args.push("NX");
        return (await client.call("SET", ...args)) === "OK";
      },
      del: (key) => client.del(key),
      eval: (script, keys, args) => client.eval(script, keys.length, ...keys, ...args),
      evalsha: (sha1, keys, args) => client.evalsha(sha1, keys.length, ...keys, ...args),
      ping: () => client.ping(),
      quit: () => client.quit(),
    },
  });
}
