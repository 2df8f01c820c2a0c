// One contract, both sandbox drivers: the local driver with real Vite dev servers (inside
// bubblewrap when it is installed), and the E2B driver against a fake client that behaves like the
// SDK (tests/integration/helpers/sandbox-e2b-fake.ts). Cases that only make sense for one driver
// say so.
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { CLIENT_SCRIPT_PATH, renderClientScript } from "@/lib/preview/gateway/client-script";
import { E2BSandboxProvider } from "@/lib/sandbox/e2b";
import { processTree } from "@/lib/sandbox/local/freeze";
import { LocalSandboxProvider } from "@/lib/sandbox/local/provider";
import type { LocalSandbox } from "@/lib/sandbox/local/sandbox";
import type { SandboxFile, SandboxProvider } from "@/lib/sandbox/types";
import { loadTemplateFiles } from "@/lib/templates/registry";
import { getFromE2B, getFromLocal, TEST_SANDBOX_ROOT } from "./helpers/sandbox";
import { FakeE2B } from "./helpers/sandbox-e2b-fake";

interface DriverUnderTest {
  name: "local" | "e2b";
  provider: SandboxProvider;
  get(id: string, path: string): Promise<{ status: number; body: string }>;
  /** Kills the dev server process from outside, as a crash would. */
  crash(id: string): void;
  teardown(): Promise<void>;
}

const drivers: Record<string, () => Promise<DriverUnderTest>> = {
  async local() {
    const provider = new LocalSandboxProvider({ root: TEST_SANDBOX_ROOT, poolSize: 1, maxPerWorkspace: 3 });
    await provider.warmPool();
    return {
      name: "local",
      provider,
      get: (id, path) => getFromLocal(provider, id, path),
      crash: (id) => process.kill(provider.devServerPid(id)!, "SIGKILL"),
      teardown: () => provider.close(),
    };
  },
  async e2b() {
    const fake = await new FakeE2B().init();
    const provider = new E2BSandboxProvider({
      client: fake,
      templateId: "pagecraft-preview",
      protocol: "http",
    });
    return {
      name: "e2b",
      provider,
      get: (id, path) => getFromE2B(provider, id, path),
      crash: (id) => fake.crash(id),
      teardown: () => fake.teardown(),
    };
  },
};

const workspaceId = `ws-${Date.now()}`;

describe.each(Object.keys(drivers))("sandbox contract: %s", (driverName) => {
  let driver: DriverUnderTest;
  let files: SandboxFile[];
  let id: string;

  beforeAll(async () => {
    driver = await drivers[driverName]();
    files = await loadTemplateFiles("saas");
  });
  afterAll(async () => {
    if (id) await driver.provider.kill(id).catch(() => {});
    await driver.teardown();
  });

  it("creates a sandbox from a template's files that serves the page and compiles the main module", async () => {
    const info = await driver.provider.create({
      metadata: { workspaceId, projectId: "p1" },
      templateId: "saas",
      files,
    });
    id = info.id;
    expect(info.metadata).toEqual({ workspaceId, projectId: "p1" });
    const ready = await driver.provider.waitUntilReady(id, 30_000);
    expect(ready.status, ready.error).toBe("ready");
    const index = await driver.get(id, "/");
    expect(index.status).toBe(200);
    expect(index.body).toContain("<title>Lumen");
    const main = await driver.get(id, "/src/main.tsx");
    expect(main.status).toBe(200);
    expect(main.body).toContain("createRoot");
    expect((await driver.provider.list({ workspaceId })).map((s) => s.id)).toEqual([id]);
    expect(await driver.provider.list({ workspaceId: "someone-else" })).toEqual([]);
    // What the preview gateway forwards to: on this machine, or a URL behind an access header.
    expect((await driver.provider.upstream(id))?.kind).toBe(driverName === "local" ? "local" : "remote");
  });

  it("writes only changed files and the dev server serves the new module", async () => {
    const site = files.find((f) => f.path === "src/site.ts")!;
    const changed = `${Buffer.from(site.content).toString("utf8")}\nexport const marker = "contract-${driverName}";\n`;
    await driver.provider.writeFiles(id, { write: [{ path: "src/site.ts", content: changed }], delete: [] });
    const served = await driver.get(id, "/src/site.ts");
    expect(served.status).toBe(200);
    expect(served.body).toContain(`contract-${driverName}`);

    await driver.provider.writeFiles(id, {
      write: [{ path: "src/extra.ts", content: "export const x = 1;\n" }],
      delete: [],
    });
    expect((await driver.get(id, "/src/extra.ts")).body).toContain("const x = 1");
    await driver.provider.writeFiles(id, { write: [], delete: ["src/extra.ts"] });
    // Gone: a 404, or (Vite's SPA fallback) the index page instead of the module.
    expect((await driver.get(id, "/src/extra.ts")).body).not.toContain("const x = 1");
  });

  it("serves the preview's error reporter from the dev server itself, not from the project's files", async () => {
    // Straight from the dev server (no gateway): what E2B serves to the browser.
    const index = await driver.get(id, "/");
    const tag = `<script src="${CLIENT_SCRIPT_PATH}"></script>`;
    const head = /<head[^>]*>\s*/i.exec(index.body);
    const afterHead = index.body.slice(head!.index + head![0].length);
    expect(afterHead.slice(0, tag.length)).toBe(tag); // first in <head>
    expect(index.body.split(tag)).toHaveLength(2); // once
    const script = await driver.get(id, CLIENT_SCRIPT_PATH);
    expect(script.status).toBe(200);
    expect(script.body).toBe(renderClientScript(new URL(env.APP_URL).origin));
    // The project is only what was written to it: nothing mentions the reporter.
    const grep = await driver.provider.runCommand(id, "grep", ["-rl", "__pagecraft", "."], {
      timeoutMs: 20_000,
    });
    expect(grep.stdout).toBe("");
    expect(grep.exitCode).toBe(1);
  });

  it("refuses paths outside the project", async () => {
    for (const path of ["../escape.ts", "/etc/passwd", "src/../../x.ts", "a\\b.ts"]) {
      const error = await driver.provider
        .writeFiles(id, { write: [{ path, content: "x" }], delete: [] })
        .catch((e: unknown) => e);
      expect(isAppError(error) && error.code, path).toBe("validation:sandbox_path");
    }
    const error = await driver.provider
      .writeFiles(id, { write: [], delete: ["../../deps"] })
      .catch((e: unknown) => e);
    expect(isAppError(error)).toBe(true);
  });

  it("runs a command with its exit code and streamed output", async () => {
    const chunks: string[] = [];
    const result = await driver.provider.runCommand(
      id,
      "node",
      ["-e", "console.log('hello from the sandbox'); console.error('to stderr'); process.exit(3)"],
      { onStdout: (c) => chunks.push(c), timeoutMs: 20_000 },
    );
    expect(result.exitCode).toBe(3);
    expect(result.stdout).toContain("hello from the sandbox");
    expect(result.stderr).toContain("to stderr");
    expect(chunks.join("")).toContain("hello from the sandbox");

    const slow = await driver.provider.runCommand(id, "node", ["-e", "setTimeout(() => {}, 10000)"], {
      timeoutMs: 300,
    });
    expect(slow.exitCode).not.toBe(0);
  });

  it("keeps logs", async () => {
    const logs = await driver.provider.logs(id);
    expect(logs.some((l) => l.stream === "system")).toBe(true);
    expect(logs.some((l) => l.stream === "stdout")).toBe(true);
    expect(await driver.provider.logs(id, { limit: 2 })).toHaveLength(2);
  });

  it("pauses and resumes", async () => {
    await driver.provider.pause(id);
    expect((await driver.provider.status(id))?.status).toBe("paused");
    expect(await driver.provider.upstream(id)).toBeNull();
    expect((await driver.get(id, "/")).status).not.toBe(200);
    await driver.provider.resume(id);
    const ready = await driver.provider.waitUntilReady(id, 30_000);
    expect(ready.status, ready.error).toBe("ready");
    const site = await driver.get(id, "/src/site.ts");
    expect(site.body).toContain(`contract-${driverName}`); // the files survived the pause
  });

  it("restarts a crashed dev server by itself", async () => {
    driver.crash(id);
    // Wait for the restart to be noticed, then for readiness (both are events, not sleeps).
    await expect
      .poll(async () => (await driver.provider.logs(id)).some((l) => /exited/.test(l.text)), {
        timeout: 10_000,
      })
      .toBe(true);
    const ready = await driver.provider.waitUntilReady(id, 30_000);
    expect(ready.status, ready.error).toBe("ready");
    expect((await driver.get(id, "/")).status).toBe(200);
  });

  it("kills a sandbox: it is gone", async () => {
    const info = await driver.provider.create({
      metadata: { workspaceId, projectId: "p2" },
      templateId: "blank",
      files: await loadTemplateFiles("blank"),
    });
    await driver.provider.kill(info.id);
    expect(await driver.provider.status(info.id)).toBeNull();
    expect((await driver.provider.list({ workspaceId })).map((s) => s.id)).toEqual([id]);
  });
});

describe("e2b sandbox only", () => {
  let fake: FakeE2B;
  let creator: E2BSandboxProvider;
  let id: string;
  const workspace = `e2b-${Date.now()}`;
  /** Another serverless invocation: the same E2B account, none of the creator's memory. */
  const elsewhere = () =>
    new E2BSandboxProvider({ client: fake, templateId: "pagecraft-preview", protocol: "http" });

  beforeAll(async () => {
    fake = await new FakeE2B().init();
    creator = new E2BSandboxProvider({
      client: fake,
      templateId: "pagecraft-preview",
      protocol: "http",
      studioOrigin: "https://studio.example",
    });
    id = (
      await creator.create({
        metadata: { workspaceId: workspace, projectId: "p" },
        templateId: "blank",
        files: await loadTemplateFiles("blank"),
      })
    ).id;
    expect((await creator.waitUntilReady(id, 30_000)).status).toBe("ready");
  });
  afterAll(() => fake.teardown());

  it("hands the dev server the reporter for the studio's origin", async () => {
    const script = await getFromE2B(creator, id, CLIENT_SCRIPT_PATH);
    expect(script.body).toBe(renderClientScript("https://studio.example"));
    const launch = fake.sandboxes.get(id)!.launches[0];
    expect(JSON.parse(launch.PAGECRAFT_DEV_SERVER)).toMatchObject({ root: "/home/user/pagecraft/app" });
  });

  it("keeps alive and pauses a sandbox it did not create, and its creator then sees it paused", async () => {
    const other = elsewhere();
    await other.keepAlive(id, 123_000);
    expect(fake.sandboxes.get(id)!.timeoutMs).toBe(123_000);

    await other.pause(id);
    expect(fake.sandboxes.get(id)!.state).toBe("paused");
    await expect(other.pause(id)).resolves.toBeUndefined(); // already paused: nothing to do
    // The creator's memory said ready; it asks E2B, so the preview is resumed rather than trusted.
    expect((await creator.status(id))?.status).toBe("paused");
    await creator.resume(id);
    expect((await creator.waitUntilReady(id, 30_000)).status).toBe("ready");
    expect((await getFromE2B(creator, id, "/")).status).toBe(200);
  });

  it("names the upstream to a gateway that did not create the sandbox: the same URL and token", async () => {
    const known = await creator.upstream(id);
    const other = await elsewhere().upstream(id);
    expect(other).toEqual(known);
    expect(other?.headers).toEqual({ "e2b-traffic-access-token": fake.sandboxes.get(id)!.token });
    expect(await elsewhere().upstream("fakemissing000")).toBeNull();
  });

  it("is ready only once the page's own main module is served, not Vite's client before it", async () => {
    const blank = await loadTemplateFiles("blank");
    const main = blank.find((f) => f.path === "src/main.tsx")!;
    const broken = (
      await creator.create({
        metadata: { workspaceId: workspace, projectId: "no-main" },
        templateId: "blank",
        files: blank.filter((f) => f !== main),
      })
    ).id;
    try {
      const page = await getFromE2B(creator, broken, "/");
      expect(page.body).toMatch(/<script type="module" src="\/@vite\/client">[\s\S]*src="\/src\/main\.tsx"/);
      expect((await creator.waitUntilReady(broken, 500)).status).toBe("booting");
      await creator.writeFiles(broken, { write: [main], delete: [] });
      expect((await creator.waitUntilReady(broken, 30_000)).status).toBe("ready");
    } finally {
      await creator.kill(broken);
    }
  });

  it("says a sandbox that is gone is not found, so the sweep can stop its preview", async () => {
    const error = await elsewhere()
      .pause("fakemissing000")
      .catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("not_found:sandbox");
  });
});

describe("e2b status checks", () => {
  let fake: FakeE2B;
  let creator: E2BSandboxProvider;
  let id: string;
  const e2b = (options: { statusTtlMs?: number } = {}) =>
    new E2BSandboxProvider({ client: fake, templateId: "pagecraft-preview", protocol: "http", ...options });
  /** A sandbox of the account that is not a preview (tagged otherwise by whoever made it). */
  const stranger = async () =>
    (
      await fake.create("other", {
        metadata: { purpose: "ci" },
        timeoutMs: 60_000,
        allowPublicTraffic: false,
      })
    ).sandboxId;
  /** The E2B API calls made while `run` runs. */
  async function apiCallsDuring(run: () => Promise<unknown>) {
    const before = { ...fake.apiCalls };
    await run();
    return { list: fake.apiCalls.list - before.list, getInfo: fake.apiCalls.getInfo - before.getInfo };
  }
  /** Moves Date.now() (what the status cache reads) `ms` on; it keeps running from there. */
  const later = (ms: number) =>
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + ms, shouldAdvanceTime: true });

  beforeAll(async () => {
    fake = await new FakeE2B().init();
    creator = e2b();
    id = (
      await creator.create({
        metadata: { workspaceId: `status-${Date.now()}`, projectId: "p" },
        templateId: "blank",
        files: await loadTemplateFiles("blank"),
      })
    ).id;
    expect((await creator.waitUntilReady(id, 30_000)).status).toBe("ready");
  });
  afterEach(() => {
    vi.useRealTimers();
    fake.unreachable = false;
  });
  afterAll(() => fake.teardown());

  it("answers a burst of checks with one request about that sandbox, never a listing", async () => {
    // The instance that holds the sandbox, and one that never saw it (another invocation).
    for (const provider of [creator, e2b()]) {
      let infos: Array<Awaited<ReturnType<E2BSandboxProvider["status"]>>> = [];
      const calls = await apiCallsDuring(async () => {
        infos = await Promise.all(Array.from({ length: 8 }, () => provider.status(id)));
        infos.push(await provider.status(id)); // a moment later: the same answer, reused
      });
      expect(infos.map((info) => info?.status)).toEqual(Array(9).fill("ready"));
      expect(calls).toEqual({ list: 0, getInfo: 1 });
    }
  });

  it("asks again once the answer is a few seconds old, and then sees a pause made elsewhere", async () => {
    const viewer = e2b();
    expect((await viewer.status(id))?.status).toBe("ready");
    await e2b().pause(id); // the idle sweep, in another invocation
    expect((await viewer.status(id))?.status).toBe("ready"); // within the TTL: the answer it had
    later(3_500);
    const calls = await apiCallsDuring(async () => {
      expect((await viewer.status(id))?.status).toBe("paused");
    });
    expect(calls).toEqual({ list: 0, getInfo: 1 });
    // The creator's memory said ready: it asks E2B, so the preview is resumed rather than trusted.
    expect((await creator.status(id))?.status).toBe("paused");
    await creator.resume(id);
    expect((await creator.waitUntilReady(id, 30_000)).status).toBe("ready");
  });

  it("never lets what it was told before its own pause, resume or kill undo it", async () => {
    const holder = e2b();
    await holder.resume(id);
    expect((await holder.waitUntilReady(id, 30_000)).status).toBe("ready");
    await e2b().pause(id);
    later(3_500);
    expect((await holder.status(id))?.status).toBe("paused"); // and E2B's "paused" is kept a while
    await holder.resume(id);
    expect((await holder.status(id))?.status).not.toBe("paused");
    expect((await holder.waitUntilReady(id, 30_000)).status).toBe("ready");

    // An instance without an entry (the idle sweep): "running" was its answer, until it paused it.
    const sweep = e2b();
    expect((await sweep.status(id))?.status).toBe("ready");
    await sweep.pause(id);
    expect((await sweep.status(id))?.status).toBe("paused");
    await holder.resume(id);
    expect((await holder.waitUntilReady(id, 30_000)).status).toBe("ready");
  });

  it("says null for a sandbox E2B does not have, or that is not a preview", async () => {
    const other = await stranger();
    const calls = await apiCallsDuring(async () => {
      expect(await e2b().status("fakemissing000")).toBeNull();
      expect(await e2b().status(other)).toBeNull();
    });
    expect(calls).toEqual({ list: 0, getInfo: 2 });

    // Killed behind its holder's back (expired, or killed from the dashboard): gone, entry and all.
    const holder = e2b();
    const doomed = (
      await holder.create({
        metadata: { workspaceId: "status-gone", projectId: "p" },
        templateId: "blank",
        files: await loadTemplateFiles("blank"),
      })
    ).id;
    expect((await holder.status(doomed))?.status).toBe("booting");
    await fake.kill(doomed);
    later(3_500);
    expect(await holder.status(doomed)).toBeNull();
    const error = await holder.logs(doomed).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("not_found:sandbox");
    // Its own kill: gone at once, whatever it was told a moment before.
    const killed = (
      await holder.create({
        metadata: { workspaceId: "status-gone", projectId: "p" },
        templateId: "blank",
        files: await loadTemplateFiles("blank"),
      })
    ).id;
    expect((await holder.status(killed))?.status).toBe("booting");
    await holder.kill(killed);
    expect(await holder.status(killed)).toBeNull();
  });

  it("keeps the last known status while E2B cannot be reached, and asks again when it can", async () => {
    const holder = e2b({ statusTtlMs: 0 }); // every check asks: each one meets the outage
    await holder.resume(id);
    expect((await holder.waitUntilReady(id, 30_000)).status).toBe("ready");
    fake.unreachable = true;
    await e2b().pause(id); // meanwhile paused elsewhere: it cannot know
    const calls = await apiCallsDuring(async () => {
      expect((await holder.status(id))?.status).toBe("ready");
      expect((await holder.status(id))?.status).toBe("ready");
    });
    expect(calls).toEqual({ list: 0, getInfo: 2 }); // a failure is not remembered
    // Nothing known about a sandbox it never held: the failure is the caller's to handle, as before.
    await expect(e2b().status(id)).rejects.toThrow(/unavailable/);
    fake.unreachable = false;
    expect((await holder.status(id))?.status).toBe("paused");
  });
});

describe("local sandbox only", () => {
  let provider: LocalSandboxProvider;
  let id: string;
  let listener: Server;
  let port: number;

  beforeAll(async () => {
    provider = new LocalSandboxProvider({ root: TEST_SANDBOX_ROOT, poolSize: 0, maxPerWorkspace: 1 });
    listener = createServer((socket) => socket.end("hello"));
    await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
    port = (listener.address() as { port: number }).port;
    const info = await provider.create({
      metadata: { workspaceId: `solo-${Date.now()}`, projectId: "p" },
      templateId: "blank",
      files: await loadTemplateFiles("blank"),
    });
    id = info.id;
  });
  afterAll(async () => {
    listener.close();
    await provider.kill(id).catch(() => {});
    await provider.close();
  });

  it("limits live previews per workspace", async () => {
    const metadata = (await provider.status(id))!.metadata;
    const error = await provider
      .create({ metadata, templateId: "blank", files: [] })
      .catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("rate_limit:previews");
  });

  it("refuses a write through a symlinked folder the sandbox could have planted", async () => {
    const { symlinkSync } = await import("node:fs");
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const outside = mkdtempSync(`${tmpdir()}/outside-`);
    const sandboxApp = `${TEST_SANDBOX_ROOT}`;
    expect(sandboxApp).toBeTruthy();
    const ready = await provider.waitUntilReady(id, 30_000);
    expect(ready.status, ready.error).toBe("ready");
    const result = await provider.runCommand(id, "node", [
      "-e",
      `require('fs').symlinkSync(${JSON.stringify(outside)}, 'planted')`,
    ]);
    if (result.exitCode !== 0)
      symlinkSync(
        outside,
        `${(provider as unknown as { sandboxes: Map<string, { appDir: string }> }).sandboxes.get(id)!.appDir}/planted`,
      );
    const error = await provider
      .writeFiles(id, { write: [{ path: "planted/x.txt", content: "x" }], delete: [] })
      .catch((e: unknown) => e);
    expect(isAppError(error)).toBe(true);
    expect(existsSync(`${outside}/x.txt`)).toBe(false);
  });

  it.runIf(provider_isSandboxed())(
    "confines the sandbox: no writes outside its folder, no network",
    async () => {
      const script = `
      const fs = require("fs"), net = require("net");
      const out = {};
      for (const target of [process.cwd() + "/../../../node_modules/x", "/usr/x", "/etc/x", ${JSON.stringify(process.cwd())} + "/x"]) {
        try { fs.writeFileSync(target, "x"); out[target] = "written"; } catch (e) { out[target] = e.code; }
      }
      out.studioVisible = fs.existsSync(${JSON.stringify(`${process.cwd()}/package.json`)});
      out.uid = process.getuid();
      fs.writeFileSync("own-folder.txt", "ok");
      const s = net.connect(${port}, "127.0.0.1");
      s.on("connect", () => { out.tcp = "connected"; done(); });
      s.on("error", (e) => { out.tcp = e.code; done(); });
      function done() { console.log(JSON.stringify(out)); process.exit(0); }
    `;
      const result = await provider.runCommand(id, "node", ["-e", script], { timeoutMs: 20_000 });
      expect(result.exitCode, result.stderr).toBe(0);
      const out = JSON.parse(result.stdout.trim().split("\n").pop()!);
      // A write may succeed inside the sandbox's private /tmp (when the studio itself lives under
      // /tmp, as in a CI clone); an escape is a file the host can see.
      const escaped = Object.entries(out).filter(([target, v]) => v === "written" && existsSync(target));
      expect(escaped).toEqual([]);
      for (const [target, v] of Object.entries(out)) {
        if (v === "written") expect(target.startsWith("/tmp/")).toBe(true);
      }
      expect(existsSync(`${process.cwd()}/x`)).toBe(false);
      expect(out.studioVisible).toBe(false);
      expect(out.tcp).not.toBe("connected");
      if (process.getuid?.() === 0) expect(out.uid).toBe(65534);
    },
  );

  it("pauses by freezing the dev server, and resumes the same process with what was written meanwhile", async () => {
    expect((await provider.waitUntilReady(id, 30_000)).status).toBe("ready");
    const pid = provider.devServerPid(id)!;
    await provider.pause(id);
    expect(await provider.status(id)).toMatchObject({ status: "paused", paused: "frozen" });
    const tree = processTree(pid);
    expect(tree.length).toBeGreaterThan(0);
    expect(tree.every((p) => p.state === "T")).toBe(true); // stopped: no CPU while paused
    expect((await getFromLocal(provider, id, "/")).status).toBe(0); // nothing is served

    // A write while frozen does not wait for the server to answer; it takes it in when thawed.
    const started = performance.now();
    await provider.writeFiles(id, {
      write: [{ path: "src/frozen.ts", content: "export const n = 'thawed';\n" }],
      delete: [],
    });
    expect(performance.now() - started).toBeLessThan(1000);

    const resumed = await provider.resume(id);
    expect(resumed.status).toBe("ready");
    expect(provider.devServerPid(id)).toBe(pid);
    expect(processTree(pid).some((p) => p.state === "T")).toBe(false);
    expect((await getFromLocal(provider, id, "/src/frozen.ts")).body).toContain("thawed");
  });

  it("counts a frozen dev server that dies as paused (stopped), not as a crash to restart", async () => {
    await provider.pause(id);
    const pid = provider.devServerPid(id)!;
    process.kill(pid, "SIGKILL");
    await expect.poll(async () => (await provider.status(id))?.paused, { timeout: 10_000 }).toBe("stopped");
    expect((await provider.status(id))?.status).toBe("paused");
    expect((await provider.logs(id)).some((l) => /restarting the dev server/.test(l.text))).toBe(false);
    await provider.resume(id);
    expect((await provider.waitUntilReady(id, 30_000)).status).toBe("ready");
  });

  it("stops a dev server frozen for the freeze time: its processes are gone, resume starts one", async () => {
    await provider.pause(id);
    const pid = provider.devServerPid(id)!;
    expect(await provider.stopFrozen(60_000)).toEqual([]); // not frozen that long yet
    expect(await provider.stopFrozen(0)).toEqual([id]);
    expect(await provider.status(id)).toMatchObject({ status: "paused", paused: "stopped" });
    await expect.poll(() => processTree(pid).length, { timeout: 5000 }).toBe(0);

    await provider.resume(id);
    expect((await provider.waitUntilReady(id, 30_000)).status).toBe("ready");
    expect(provider.devServerPid(id)).not.toBe(pid);
    expect((await getFromLocal(provider, id, "/src/frozen.ts")).body).toContain("thawed");
  });

  it("starts one dev server when two callers start a crashed sandbox at once", async () => {
    const sandbox = (provider as unknown as { sandboxes: Map<string, LocalSandbox> }).sandboxes.get(id)!;
    await provider.waitUntilReady(id, 30_000);
    const before = (await provider.logs(id)).length;
    process.kill(provider.devServerPid(id)!, "SIGKILL");
    await expect.poll(() => sandbox.server?.running ?? false, { timeout: 10_000 }).toBe(false);
    // A resume and the crash restart racing: each saw no running server.
    await Promise.all([sandbox.start(), sandbox.start(), sandbox.start()]);
    const ready = await provider.waitUntilReady(id, 30_000);
    expect(ready.status, ready.error).toBe("ready");
    const since = (await provider.logs(id)).slice(before);
    expect(since.filter((l) => /dev server starting/.test(l.text))).toHaveLength(1);
    expect(since.some((l) => /EADDRINUSE/.test(l.text))).toBe(false);
  });

  it("kills a frozen sandbox: every process of it is gone", async () => {
    await provider.pause(id);
    const pid = provider.devServerPid(id)!;
    await provider.kill(id);
    expect(await provider.status(id)).toBeNull();
    await expect.poll(() => processTree(pid).length, { timeout: 5000 }).toBe(0);
  });
});

function provider_isSandboxed() {
  return existsSync("/usr/bin/bwrap") || existsSync("/bin/bwrap");
}
