// The process each local sandbox runs: a Vite dev server for one project, started through Vite's
// API (not its CLI) so it can listen on a Unix socket — a sandbox with no network of its own is
// still reachable through a socket in its bind-mounted run folder — and so the studio can tell it
// which files it just wrote (IPC "sync") and know the server has taken them in before it answers.
// Plain ESM on purpose: it runs under bare Node inside the sandbox, resolving `vite` from the
// shared dependency folder above it. Configuration arrives as JSON in PAGECRAFT_DEV_SERVER.

import { rmSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import path from "node:path";
import { previewReporter, reporterFromEnv } from "./preview-reporter.mjs";

const config = JSON.parse(process.env.PAGECRAFT_DEV_SERVER ?? "{}");
const started = performance.now();
const { createServer } = await import("vite");
// The studio's error reporter, served and injected by this server.
const reporter = reporterFromEnv();

const http = createHttpServer();
const inlineConfig = {
  root: config.root,
  configFile: path.join(config.root, "vite.config.ts"),
  configLoader: "runner",
  cacheDir: config.cacheDir,
  clearScreen: false,
  logLevel: "info",
  appType: "spa",
  // Added to the project's own plugins (Vite merges inline config into the config file's).
  plugins: reporter ? [previewReporter(reporter)] : [],
  server: {
    middlewareMode: true,
    // The browser reaches HMR through the gateway's origin: no host or port here means the client
    // connects back to the page's own origin, on this path.
    ws: { server: http, path: config.hmrPath ?? "/__vite_hmr" },
    allowedHosts: config.allowedHosts ?? undefined,
    watch: { ignored: ["**/dist/**"] },
  },
};

// "optimizeOnly": pre-bundle the dependencies into the cache, then exit. The studio runs this
// before a pooled server's first start, so no long-lived server bundles them itself — a server
// that does keeps what the bundler's allocator holds on to (~15 MB) for its whole life. The same
// config as the server's, so the cache's config hash matches and the server takes it as it is.
if (config.optimizeOnly) {
  const { optimizeDeps, resolveConfig } = await import("vite");
  // Deprecated in Vite (the server optimizes by itself) but exported; without it, the server will.
  if (typeof optimizeDeps === "function")
    await optimizeDeps(await resolveConfig({ ...inlineConfig, logLevel: "error" }, "serve"));
  process.exit(0);
}

const vite = await createServer(inlineConfig);
http.on("request", (req, res) => {
  busy = true;
  collected = false;
  vite.middlewares(req, res);
});

// A preview idles far more than it works: once a burst of requests is over, collect garbage so
// the resident size drops back (Node runs with --expose-gc for this; see local/spawn.ts).
// `collected`: no request since the last collection — also one a pause asked for ("gc") before
// freezing the process, so the timer that falls due as it thaws does not hold up the first request.
let busy = true;
let collected = false;
const gc = globalThis.gc;
if (typeof gc === "function") {
  setInterval(() => {
    if (!busy) return;
    busy = false;
    setTimeout(() => {
      if (busy || collected) return;
      gc();
      collected = true;
    }, 3000).unref();
  }, 1000).unref();
}

function listen() {
  return new Promise((resolve, reject) => {
    http.once("error", reject);
    if (config.socketPath) {
      // A Unix socket path longer than the kernel's limit (~107 bytes; deep checkouts reach it) is
      // bound truncated ("run/dev.s"). A crashed server leaves that file behind, and the restart
      // then fails with EADDRINUSE: remove the path and every shortening of its file name.
      const base = path.basename(config.socketPath);
      for (let end = base.length; end > 0; end--) {
        try {
          rmSync(path.join(path.dirname(config.socketPath), base.slice(0, end)), { force: true });
        } catch {
          // not a file of ours (a folder): leave it
        }
      }
      http.listen(config.socketPath, resolve);
    } else http.listen(config.port ?? 0, config.host ?? "127.0.0.1", resolve);
  });
}
await listen();
const address = http.address();
const ready = {
  type: "listening",
  ms: Math.round(performance.now() - started),
  socketPath: config.socketPath,
  port: typeof address === "object" && address ? address.port : undefined,
};
console.log(`[pagecraft] dev server listening in ${ready.ms} ms`);
process.send?.(ready);

// "sync": the studio wrote these files. Wait for the watcher to report each one (so the next request
// sees the new content), emitting the event ourselves for any the watcher has not reported in time.
const pending = new Map();
let held;
let releaseTimer;
function release() {
  clearTimeout(releaseTimer);
  if (!held) return;
  for (const listener of held) vite.watcher.on("change", listener);
  held = undefined;
}
vite.watcher.on("all", (_event, file) => {
  const waiters = pending.get(path.resolve(file));
  if (!waiters) return;
  pending.delete(path.resolve(file));
  for (const done of waiters) done(true);
});
process.on("message", async (message) => {
  if (message?.type === "gc") {
    gc?.();
    collected = true;
    process.send?.({ type: "collected", id: message.id });
    return;
  }
  if (message?.type === "memory") {
    process.send?.({ type: "memory", id: message.id, usage: process.memoryUsage() });
    return;
  }
  if (message?.type === "hold") {
    // A bulk write follows (a pooled server being claimed, a resume): Vite's per-file change
    // handling (HMR, Tailwind rebuilding the stylesheet once per file) is wasted when no page is
    // open, so it is held until the "sync" that ends the write invalidates everything at once.
    held ??= vite.watcher.listeners("change");
    vite.watcher.removeAllListeners("change");
    process.send?.({ type: "held", id: message.id });
    return;
  }
  if (message?.type !== "sync") return;
  if (held && message.bulk) {
    // Invalidate what changed, and the stylesheets (Tailwind derives them from every source).
    for (const environment of Object.values(vite.environments)) {
      const graph = environment.moduleGraph;
      for (const { path: relative } of message.changes)
        graph.onFileChange(path.resolve(config.root, relative));
      for (const mod of graph.idToModuleMap.values())
        if (mod.file?.endsWith(".css")) graph.invalidateModule(mod);
    }
    // The watcher reports these writes a little later; let those reports pass unheard.
    releaseTimer = setTimeout(release, 400);
    process.send?.({ type: "synced", id: message.id });
    return;
  }
  release();
  const timeoutMs = message.timeoutMs ?? 150;
  await Promise.all(
    message.changes.map(
      ({ path: relative, kind }) =>
        new Promise((resolve) => {
          const file = path.resolve(config.root, relative);
          const waiters = pending.get(file) ?? [];
          waiters.push(resolve);
          pending.set(file, waiters);
          setTimeout(() => {
            const list = pending.get(file);
            if (!list?.includes(resolve)) return;
            list.splice(list.indexOf(resolve), 1);
            if (list.length === 0) pending.delete(file);
            vite.watcher.emit(kind, file);
            resolve(false);
          }, timeoutMs);
        }),
    ),
  );
  // Vite keeps serving a deleted file's last transform; drop it so the file is really gone.
  for (const { path: relative, kind } of message.changes) {
    if (kind !== "unlink") continue;
    const graph = vite.environments.client.moduleGraph;
    for (const mod of graph.getModulesByFile(path.resolve(config.root, relative)) ?? []) {
      graph.invalidateModule(mod);
      mod.transformResult = null;
    }
  }
  process.send?.({ type: "synced", id: message.id });
});

const stop = async () => {
  await vite.close().catch(() => {});
  http.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.on("disconnect", stop);
