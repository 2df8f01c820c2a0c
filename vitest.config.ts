// Two projects: `unit` (pure logic) and `integration` (real databases, servers and files).
// Integration files each get their own database (tests/integration/helpers/db.ts), so they may
// run in parallel; two workers because CI machines have two cores.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Vitest 5's reporter calls Map.groupBy (Node ≥ 21) when printing failures; Node here is 20.
// The config loads in the main process, where the reporter runs, so the polyfill lives here.
if (!("groupBy" in Map)) {
  Object.defineProperty(Map, "groupBy", {
    value<T, K>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> {
      const groups = new Map<K, T[]>();
      let index = 0;
      for (const item of items) {
        const k = key(item, index++);
        const group = groups.get(k);
        if (group) group.push(item);
        else groups.set(k, [item]);
      }
      return groups;
    },
  });
}

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}` },
      { find: /^server-only$/, replacement: `${root}tests/stubs/server-only.ts` },
    ],
  },
  test: {
    maxWorkers: 2,
    // @vercel/kv's default export is a Proxy that throws on any property read without KV_* env
    // variables; Vitest's CommonJS interop reads `default.__esModule` on external modules, so the
    // package is run through Vite instead (named imports only, no interop).
    server: { deps: { inline: ["@vercel/kv"] } },
    env: { LOG_LEVEL: "silent" },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
