// Upstash Redis over REST through @vercel/kv (KV_REST_API_URL + KV_REST_API_TOKEN): no connection
// to hold, so it suits serverless functions. Upstash runs EVAL/EVALSHA, so locks and the limiter
// keep the same Lua scripts as the Redis driver.
import { createClient } from "@vercel/kv";
import { createRedisProtocolKv, type RedisCommands } from "./redis-protocol";
import type { Kv } from "./types";

/** The part of the @vercel/kv (Upstash) client this driver uses; tests may pass their own. */
export type UpstashClient = Pick<
  ReturnType<typeof createClient>,
  "get" | "set" | "del" | "eval" | "evalsha" | "ping"
>;

export function createVercelKv(
  config: { url: string; token: string; prefix?: string } | { client: UpstashClient; prefix?: string },
): Kv {
  const client =
    "client" in config
      ? config.client
      : createClient({
          url: config.url,
          token: config.token,
          // We store JSON strings ourselves; the client must hand them back untouched.
          automaticDeserialization: false,
          // Never let a framework's fetch cache answer a command.
          cache: "no-store",
        });
  const commands: RedisCommands = {
    get: (key) => client.get<string>(key),
    async set(key, value, { ttlMs, nx }) {
      const reply =
        ttlMs !== undefined
          ? nx
            ? await client.set(key, value, { px: ttlMs, nx: true })
            : await client.set(key, value, { px: ttlMs })
          : nx
            ? await client.set(key, value, { nx: true })
            : await client.set(key, value);
      return reply === "OK";
    },
    del: (key) => client.del(key),
    eval: (script, keys, args) => client.eval(script, keys, args),
    evalsha: (sha1, keys, args) => client.evalsha(sha1, keys, args),
    ping: () => client.ping(),
    quit: async () => {},
  };
  return createRedisProtocolKv({ driver: "upstash", prefix: config.prefix, commands });
}
