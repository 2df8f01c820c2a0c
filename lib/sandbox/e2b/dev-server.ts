// The preview's dev server inside an E2B sandbox: started in the background through the
// template's launcher, restarted when it exits (up to MAX_CRASHES, then the sandbox is in error
// with the end of its stderr), and judged ready only when it serves the page and the page's own
// main module through the sandbox's URL — the way the gateway will reach it.
//
// The dev server serves the studio's preview error reporter itself (the launcher's reporter
// plugin), so a page served by E2B carries the same script as one the local gateway serves.
import { devServerReporterEnv } from "@/lib/preview/gateway/client-script";
import { mainModuleOf } from "../main-module";
import { type Entry, setEntryStatus } from "./entry";
import { accessHeaders, E2B_LAYOUT, HMR_PATH, sandboxBaseUrl } from "./layout";

const MAX_CRASHES = 4;

export interface DevServerContext {
  /** The origin the preview's error reporter posts to. */
  studioOrigin: string;
  /** Whether the driver still holds this entry for the sandbox (an exit after a kill is no crash). */
  isCurrent: () => boolean;
}

export async function startDevServer(entry: Entry, context: DevServerContext): Promise<void> {
  const launch = {
    root: E2B_LAYOUT.app,
    cacheDir: E2B_LAYOUT.cache,
    host: "0.0.0.0",
    port: E2B_LAYOUT.port,
    hmrPath: HMR_PATH,
    // The sandbox is reached only through E2B's proxy with our token; its host names vary.
    allowedHosts: true,
  };
  entry.logs.system("dev server starting");
  const handle = await entry.handle.runBackground(
    `node --expose-gc --max-old-space-size=384 ${E2B_LAYOUT.launcher}`,
    {
      cwd: E2B_LAYOUT.app,
      envs: {
        PAGECRAFT_DEV_SERVER: JSON.stringify(launch),
        NODE_ENV: "development",
        ...devServerReporterEnv(context.studioOrigin),
      },
      onStdout: (data) => entry.logs.write("stdout", data),
      onStderr: (data) => entry.logs.write("stderr", data),
    },
  );
  entry.devServer = handle;
  void handle.wait().then((result) => {
    // A newer dev server, a killed sandbox, or a pause (whose snapshot ends the command stream).
    if (entry.devServer !== handle || !context.isCurrent() || entry.status === "paused") return;
    entry.logs.system(`dev server exited (code ${result.exitCode})`);
    entry.crashes += 1;
    if (entry.crashes >= MAX_CRASHES) {
      const stderr = entry.logs.tail("stderr", 12).join("\n");
      setEntryStatus(
        entry,
        "error",
        `The dev server crashed ${entry.crashes} times.${stderr ? `\n${stderr}` : ""}`,
      );
      return;
    }
    setEntryStatus(entry, "booting");
    setTimeout(
      () => void startDevServer(entry, context).catch((e) => setEntryStatus(entry, "error", String(e))),
      200 * entry.crashes,
    );
  });
}

export interface ProbeOptions {
  protocol?: "https" | "http";
  fetch: typeof fetch;
}

export type ProbeResult = { ok: boolean; problem?: string };

/** One look: does the dev server serve the page, and the page's main module (not just Vite's client)? */
export async function probeDevServer(entry: Entry, options: ProbeOptions): Promise<ProbeResult> {
  const base = sandboxBaseUrl(entry.handle, options.protocol);
  const headers = accessHeaders(entry.handle);
  try {
    const index = await options.fetch(`${base}/`, { headers: { ...headers, accept: "text/html" } });
    const html = await index.text();
    if (index.status !== 200 || !html.includes("<script"))
      return { ok: false, problem: `GET / answered ${index.status}` };
    const main = mainModuleOf(html);
    const module = await options.fetch(`${base}${main}`, { headers });
    const body = await module.text();
    if (module.status !== 200)
      return { ok: false, problem: `GET ${main} answered ${module.status}: ${body.slice(0, 400)}` };
    return { ok: true };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Probes until the dev server serves (ready), the entry leaves booting/ready, or `timeoutMs`
 * passes; a ready preview that stops answering for that long is in error.
 */
export async function waitForDevServer(
  entry: Entry,
  timeoutMs: number,
  options: ProbeOptions,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delay = 50;
  let problem: string | undefined;
  while (entry.status === "booting" || entry.status === "ready") {
    const result = await probeDevServer(entry, options);
    if (result.ok) {
      setEntryStatus(entry, "ready");
      return;
    }
    problem = result.problem;
    if (Date.now() + delay > deadline) {
      if (entry.status === "ready")
        setEntryStatus(entry, "error", `The preview stopped answering: ${problem}`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 500);
  }
}
