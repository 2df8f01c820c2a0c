// The preview error reporter as the dev server serves it (the launcher's Vite plugin), and the
// idle sweep's schedule.
import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { nextCronTime } from "@/lib/jobs/cron";
import {
  CLIENT_SCRIPT_PATH,
  devServerReporterEnv,
  REPORTER_ENV,
  renderClientScript,
} from "@/lib/preview/gateway/client-script";
import { idleSweepCron } from "@/lib/preview/sweep-idle";
import {
  REPORTER_ENV as LAUNCHER_REPORTER_ENV,
  previewReporter,
  reporterFromEnv,
} from "@/lib/sandbox/local/preview-reporter.mjs";

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** Runs the plugin's configureServer against a stand-in server and returns its middleware. */
function middlewareOf(plugin: ReturnType<typeof previewReporter>): Middleware {
  const used: Middleware[] = [];
  (plugin.configureServer as (server: unknown) => void)({
    middlewares: { use: (m: Middleware) => used.push(m) },
  });
  expect(used).toHaveLength(1);
  return used[0];
}

function call(middleware: Middleware, url: string, method = "GET") {
  let status = 0;
  let headers: Record<string, string> = {};
  let body: string | undefined;
  let passed = false;
  const res = {
    writeHead(code: number, h: Record<string, string>) {
      status = code;
      headers = h;
      return res;
    },
    end(chunk?: string) {
      body = chunk;
    },
  };
  middleware({ url, method } as IncomingMessage, res as unknown as ServerResponse, () => {
    passed = true;
  });
  return { status, headers, body, passed };
}

describe("preview reporter plugin", () => {
  const reporter = reporterFromEnv(devServerReporterEnv("https://studio.example"))!;

  it("receives the studio's rendering of the one client script through the environment", () => {
    expect(LAUNCHER_REPORTER_ENV).toBe(REPORTER_ENV);
    expect(reporter).toEqual({
      path: CLIENT_SCRIPT_PATH,
      script: renderClientScript("https://studio.example"),
    });
    expect(reporter.script).toContain('var TARGET = "https://studio.example"');
    expect(reporterFromEnv({})).toBeNull(); // the template's warm-up run: no reporter
    expect(() => reporterFromEnv({ [REPORTER_ENV]: JSON.stringify({ path: "x", script: "" }) })).toThrow(
      REPORTER_ENV,
    );
  });

  it("applies to the dev server only, so builds (and exports) never carry it", () => {
    expect(previewReporter(reporter).apply).toBe("serve");
  });

  it("serves the script at its path and leaves every other request to Vite", () => {
    const middleware = middlewareOf(previewReporter(reporter));
    const served = call(middleware, `${CLIENT_SCRIPT_PATH}?v=1`);
    expect(served).toMatchObject({ status: 200, body: reporter.script, passed: false });
    expect(served.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(call(middleware, CLIENT_SCRIPT_PATH, "HEAD")).toMatchObject({ status: 200, body: undefined });
    expect(call(middleware, "/src/main.tsx")).toMatchObject({ passed: true, status: 0 });
    expect(call(middleware, "/")).toMatchObject({ passed: true });
  });

  it("puts its tag first in <head> of every page, after Vite's own transforms", () => {
    const hook = previewReporter(reporter).transformIndexHtml as {
      order: string;
      handler: () => unknown;
    };
    expect(hook.order).toBe("post");
    expect(hook.handler()).toEqual([
      { tag: "script", attrs: { src: CLIENT_SCRIPT_PATH }, injectTo: "head-prepend" },
    ]);
  });
});

describe("idle sweep schedule", () => {
  it("runs every quarter of the idle time, in whole minutes from 1 to 5", () => {
    expect(idleSweepCron(10)).toBe("*/3 * * * *");
    expect(idleSweepCron(1)).toBe("* * * * *");
    expect(idleSweepCron(0.5)).toBe("* * * * *");
    expect(idleSweepCron(120)).toBe("*/5 * * * *");
    const from = new Date("2026-01-01T00:58:30Z");
    expect(nextCronTime(idleSweepCron(10), from).toISOString()).toBe("2026-01-01T01:00:00.000Z");
  });
});
