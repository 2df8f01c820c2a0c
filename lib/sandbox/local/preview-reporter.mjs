// The preview's error reporter as part of what the dev server serves, on every sandbox driver:
// a Vite plugin the launcher (launcher.mjs, beside this file) adds to the project's own config.
// It answers the reporter's path with the script and puts a <script src> for it first in <head>
// of every HTML page Vite serves, so pages reached without our gateway (E2B serves its sandboxes
// itself) report build and runtime errors to the studio exactly as gateway-served ones do.
//
// Nothing is written into the project: the plugin lives beside the shared node_modules (local)
// or in the template image (E2B), applies to the dev server only (`vite build`, and so exports,
// never see it), and the script itself comes from the studio at launch, in the environment
// (lib/preview/gateway/client-script.ts `devServerReporterEnv`, its one copy).
// Plain ESM on purpose, like the launcher: it runs under bare Node inside the sandbox.

/** Must match REPORTER_ENV in lib/preview/gateway/client-script.ts. */
export const REPORTER_ENV = "PAGECRAFT_PREVIEW_REPORTER";

/**
 * The reporter the studio handed this process, or null when it handed none (the template's
 * cache-warming run, a studio from before the reporter moved into the dev server).
 * @param {Record<string, string | undefined>} env
 * @returns {{ path: string, script: string } | null}
 */
export function reporterFromEnv(env = process.env) {
  const raw = env[REPORTER_ENV];
  if (!raw) return null;
  const parsed = JSON.parse(raw);
  if (typeof parsed?.path !== "string" || !parsed.path.startsWith("/") || typeof parsed.script !== "string")
    throw new Error(`${REPORTER_ENV} must be {"path": "/…", "script": "…"}`);
  return { path: parsed.path, script: parsed.script };
}

/**
 * @param {{ path: string, script: string }} reporter
 * @returns {import("vite").Plugin}
 */
export function previewReporter(reporter) {
  return {
    name: "pagecraft:preview-reporter",
    apply: "serve",
    configureServer(server) {
      // Added directly (not returned as a post hook), so it runs before Vite's own middlewares:
      // neither the SPA fallback nor a project's `base` can shadow the path.
      server.middlewares.use((req, res, next) => {
        if ((req.url ?? "").split("?")[0] !== reporter.path) return next();
        res.writeHead(200, {
          "content-type": "text/javascript; charset=utf-8",
          "cache-control": "no-cache",
          "x-content-type-options": "nosniff",
        });
        res.end(req.method === "HEAD" ? undefined : reporter.script);
      });
    },
    transformIndexHtml: {
      // Last, with head-prepend: after Vite's own client tag is in, ours goes before it — a classic
      // script first in <head> runs before any of the page's scripts, and wraps WebSocket before
      // Vite's client opens its HMR socket.
      order: "post",
      handler: () => [{ tag: "script", attrs: { src: reporter.path }, injectTo: "head-prepend" }],
    },
  };
}
