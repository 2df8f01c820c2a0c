// The preview service (lib/preview) over a real database and storage, with a fake sandbox
// provider that records what it is asked: status transitions and their realtime events, reuse,
// the workspace limit, idle pausing and resuming, syncing only changed files, the after-apply
// type-check, and the fix loop's stop after two identical failures. Then the E2B driver (on its
// fake client) end to end: a preview opened the way a browser opens it, through the gateway.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/sign-up";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { checkVersionInPreview } from "@/lib/preview/check-version";
import { CLIENT_SCRIPT_PATH } from "@/lib/preview/gateway/client-script";
import { type PreviewGateway, startPreviewGateway } from "@/lib/preview/gateway/server";
import { lookupPreview } from "@/lib/preview/gateway/start";
import { getPreview } from "@/lib/preview/get-preview";
import { reconcileOpenSessions } from "@/lib/preview/monitor";
import { setPreviewProvider } from "@/lib/preview/provider";
import { reportPreviewFailure } from "@/lib/preview/report-failure";
import { startOrResumePreview } from "@/lib/preview/start-preview";
import { stopPreview } from "@/lib/preview/stop-preview";
import { pauseIdlePreviews } from "@/lib/preview/sweep-idle";
import { syncPreviewToVersion } from "@/lib/preview/sync-version";
import { PREVIEW_COOKIE, verifyPreviewToken } from "@/lib/preview/tokens";
import { studioOrigin } from "@/lib/preview/urls";
import { createProject } from "@/lib/projects/create-project";
import { setRealtime } from "@/lib/realtime";
import type { OutgoingEvent, RealtimeServer } from "@/lib/realtime/types";
import { E2B_TRAFFIC_TOKEN_HEADER, E2BSandboxProvider } from "@/lib/sandbox/e2b";
import type {
  CommandResult,
  CreateSandboxOptions,
  SandboxInfo,
  SandboxProvider,
  SandboxStatus,
} from "@/lib/sandbox/types";
import { restoreVersion } from "@/lib/versions/restore-version";
import { saveChangeSet } from "@/lib/versions/save-change-set";
import { resolveWorkspace } from "@/lib/workspaces/queries";
import { setupTestApp } from "./helpers/app";
import { type GatewayAnswer, gatewayRequest, hmrEcho } from "./helpers/preview-gateway";
import { FakeE2B } from "./helpers/sandbox-e2b-fake";

class FakeProvider implements SandboxProvider {
  readonly driver = "local" as const;
  sandboxes = new Map<string, SandboxInfo & { files: Map<string, string> }>();
  writes: Array<{ id: string; write: string[]; delete: string[] }> = [];
  calls: string[] = [];
  commandResult: CommandResult = { exitCode: 0, stdout: "", stderr: "", durationMs: 5 };
  failWrites = false;
  private counter = 0;

  private set(id: string, status: SandboxStatus) {
    const box = this.sandboxes.get(id);
    if (!box) throw new Error(`no sandbox ${id}`);
    box.status = status;
    box.since = new Date(Date.now() + this.counter++).toISOString();
  }
  async create(options: CreateSandboxOptions): Promise<SandboxInfo> {
    const id = `sb${++this.counter}`;
    this.calls.push(`create:${options.metadata.projectId}`);
    const files = new Map(options.files.map((f) => [f.path, String(f.content)]));
    this.sandboxes.set(id, {
      id,
      status: "booting",
      metadata: options.metadata,
      since: new Date().toISOString(),
      files,
    });
    return this.info(id);
  }
  private info(id: string): SandboxInfo {
    const { files: _files, ...info } = this.sandboxes.get(id)!;
    return { ...info };
  }
  async resume(id: string) {
    this.calls.push(`resume:${id}`);
    this.set(id, "ready");
    return this.info(id);
  }
  async writeFiles(
    id: string,
    changes: { write: { path: string; content: Uint8Array | string }[]; delete: string[] },
  ) {
    if (this.failWrites) throw new Error("sandbox unreachable");
    this.writes.push({ id, write: changes.write.map((f) => f.path), delete: changes.delete });
    const box = this.sandboxes.get(id)!;
    for (const f of changes.write) box.files.set(f.path, Buffer.from(f.content).toString("utf8"));
    for (const p of changes.delete) box.files.delete(p);
  }
  async runCommand(id: string, command: string, args: string[]) {
    this.calls.push(`run:${id}:${command} ${args.slice(-5).join(" ")}`);
    return this.commandResult;
  }
  async previewUrl(id: string) {
    return `http://${id}.example`;
  }
  async upstream() {
    return null;
  }
  async logs() {
    return [{ at: new Date().toISOString(), stream: "stdout" as const, text: "VITE ready" }];
  }
  async pause(id: string) {
    this.calls.push(`pause:${id}`);
    this.set(id, "paused");
  }
  async kill(id: string) {
    this.calls.push(`kill:${id}`);
    this.set(id, "stopped");
  }
  async status(id: string) {
    return this.sandboxes.has(id) ? this.info(id) : null;
  }
  async list() {
    return [...this.sandboxes.keys()].map((id) => this.info(id));
  }
  async waitUntilReady(id: string) {
    if (this.sandboxes.get(id)?.status === "booting") this.set(id, "ready");
    return this.info(id);
  }
  /** What a crashed dev server looks like while the provider restarts it. */
  crash(id: string) {
    this.set(id, "booting");
  }
  recover(id: string) {
    this.set(id, "ready");
  }
}

const published: Array<{ channel: string; event: string; data: Record<string, unknown> }> = [];
const realtime: RealtimeServer = {
  driver: "pusher",
  async publish(channel, event, data) {
    published.push({ channel, event, data: JSON.parse(data).data });
  },
  async publishBatch(events: OutgoingEvent[]) {
    for (const e of events)
      published.push({ channel: e.channel, event: e.event, data: JSON.parse(e.data).data });
  },
  authorizeChannel: () => ({ auth: "" }),
  ping: async () => undefined,
};
const statusEvents = (projectId: string) =>
  published.filter((p) => p.event === "preview.status" && p.data.projectId === projectId).map((p) => p.data);

let app: Awaited<ReturnType<typeof setupTestApp>>;
let provider: FakeProvider;
let workspaceId: string;
let userId: string;

async function newProject(name: string) {
  const project = await createProject({ workspaceId, userId, name, templateId: "blank" });
  return { workspaceId, projectId: project.id };
}

async function save(scope: { workspaceId: string; projectId: string }, path: string, content: string) {
  const project = await getDb().project.findUniqueOrThrow({ where: { id: scope.projectId } });
  return saveChangeSet({
    ...scope,
    userId,
    body: { baseVersionId: project.currentVersionId!, operations: [{ path, action: "write", content }] },
  });
}

const originalLimit = env.PREVIEW_MAX_PER_WORKSPACE;

beforeAll(async () => {
  app = await setupTestApp();
  setRealtime(realtime);
  const user = await signUp({ email: "preview@example.com", password: "preview password", name: "Pia" });
  userId = user.id;
  workspaceId = (await resolveWorkspace(app.db, user.id)).id;
});

beforeEach(async () => {
  provider = new FakeProvider();
  await setPreviewProvider(provider);
  published.length = 0;
  // Earlier tests' previews lived on other fake providers; they must not count towards the limit.
  await getDb().previewSession.updateMany({
    where: { stoppedAt: null },
    data: { status: "stopped", stoppedAt: new Date() },
  });
});

afterAll(async () => {
  (env as { PREVIEW_MAX_PER_WORKSPACE: number }).PREVIEW_MAX_PER_WORKSPACE = originalLimit;
  await setPreviewProvider(undefined);
  setRealtime(undefined);
  await app.teardown();
});

describe("preview service", () => {
  it("creates a preview from the current version, boots it to ready and says so over realtime", async () => {
    const scope = await newProject("Boot");
    const session = await startOrResumePreview({ ...scope, wait: true });
    expect(session.status).toBe("ready");
    expect(provider.calls).toEqual([`create:${scope.projectId}`]);
    const box = provider.sandboxes.get(session.sandboxId)!;
    expect(box.files.has("src/App.tsx")).toBe(true);
    expect(box.metadata).toEqual({ workspaceId, projectId: scope.projectId });
    expect(statusEvents(scope.projectId).map((e) => e.status)).toEqual(["booting", "ready"]);
    expect(statusEvents(scope.projectId)[1]).toMatchObject({
      previewId: session.id,
      url: `http://${session.id}.preview.localhost:${env.PREVIEW_PORT}`,
    });

    const view = await getPreview(scope);
    expect(view).toMatchObject({ status: "ready", previewId: session.id, fixAllowed: true });
    const url = new URL(view.url!);
    expect(url.host).toBe(`${session.id}.preview.localhost:${env.PREVIEW_PORT}`);
    expect(verifyPreviewToken(session.id, "boot", url.searchParams.get("__pagecraft_token"))).toBe(true);
  });

  it("reuses a live preview instead of starting a second one", async () => {
    const scope = await newProject("Reuse");
    const [a, b] = await Promise.all([startOrResumePreview(scope), startOrResumePreview(scope)]);
    expect(a.id).toBe(b.id);
    expect(provider.calls.filter((c) => c.startsWith("create"))).toHaveLength(1);
  });

  it("refuses a preview past the workspace limit with a message that says what to do", async () => {
    (env as { PREVIEW_MAX_PER_WORKSPACE: number }).PREVIEW_MAX_PER_WORKSPACE = 1;
    try {
      const first = await newProject("First");
      const second = await newProject("Second");
      await startOrResumePreview(first);
      const refused = await startOrResumePreview(second).catch((e) => e);
      expect(refused).toMatchObject({ code: "conflict:preview_limit", status: 409 });
      expect(refused.message).toContain("“First”");
      expect(refused.details).toMatchObject({ limit: 1 });
      // Reopening the project that has the live preview is not refused.
      await expect(startOrResumePreview(first)).resolves.toBeTruthy();
      await stopPreview(first);
      await expect(startOrResumePreview(second)).resolves.toBeTruthy();
      await stopPreview(second);
    } finally {
      (env as { PREVIEW_MAX_PER_WORKSPACE: number }).PREVIEW_MAX_PER_WORKSPACE = originalLimit;
    }
  });

  it("pauses a preview nobody viewed, then resumes it with the versions committed meanwhile", async () => {
    const scope = await newProject("Idle");
    const session = await startOrResumePreview({ ...scope, wait: true });
    // Viewed recently: left alone.
    expect((await pauseIdlePreviews()).paused).not.toContain(session.id);
    const later = Date.now() + (env.PREVIEW_IDLE_MINUTES + 1) * 60_000;
    expect((await pauseIdlePreviews(later)).paused).toContain(session.id);
    expect(provider.calls).toContain(`pause:${session.sandboxId}`);
    expect((await getPreview(scope)).status).toBe("paused");

    await save(scope, "src/Note.ts", "export const note = 'written while paused';\n");
    expect(provider.writes).toHaveLength(0); // nothing is pushed to a paused preview

    const resumed = await startOrResumePreview(scope);
    expect(resumed.id).toBe(session.id);
    expect(resumed.status).toBe("ready");
    expect(provider.calls).toContain(`resume:${session.sandboxId}`);
    expect(provider.writes).toEqual([{ id: session.sandboxId, write: ["src/Note.ts"], delete: [] }]);
    expect(statusEvents(scope.projectId).map((e) => e.status)).toContain("paused");
  });

  it("pushes only the changed files of every new version: saves and restores", async () => {
    const scope = await newProject("Sync");
    const session = await startOrResumePreview({ ...scope, wait: true });
    const before = (await getDb().project.findUniqueOrThrow({ where: { id: scope.projectId } }))
      .currentVersionId!;
    await save(scope, "src/App.tsx", "export default function App() { return <h1>Fresh beans</h1>; }\n");
    expect(provider.writes).toEqual([{ id: session.sandboxId, write: ["src/App.tsx"], delete: [] }]);
    expect(provider.sandboxes.get(session.sandboxId)!.files.get("src/App.tsx")).toContain("Fresh beans");

    await save(scope, "src/Extra.ts", "export const extra = 1;\n");
    await restoreVersion({ ...scope, versionId: before, userId });
    expect(provider.writes.slice(1)).toEqual([
      { id: session.sandboxId, write: ["src/Extra.ts"], delete: [] },
      { id: session.sandboxId, write: ["src/App.tsx"], delete: ["src/Extra.ts"] },
    ]);
    const view = await getPreview(scope);
    expect(view.versionId).toBe(view.current?.id);
    // Already in sync: nothing written.
    const again = await syncPreviewToVersion(scope);
    expect(again).toMatchObject({ synced: true, written: [], deleted: [] });
  });

  it("never fails a commit when the preview cannot be updated", async () => {
    const scope = await newProject("Unreachable");
    await startOrResumePreview({ ...scope, wait: true });
    provider.failWrites = true;
    const version = await save(scope, "src/App.tsx", "export default function App() { return null; }\n");
    expect(version.isCurrent).toBe(true);
    expect(await syncPreviewToVersion(scope)).toMatchObject({ synced: false, reason: "failed" });
  });

  it("type-checks a version in the sandbox: ok, or broken with its problems", async () => {
    const scope = await newProject("Check");
    await startOrResumePreview({ ...scope, wait: true });
    const good = await save(scope, "src/Ok.ts", "export const ok: number = 1;\n");
    provider.commandResult = { exitCode: 0, stdout: "", stderr: "", durationMs: 10 };
    await expect(checkVersionInPreview({ ...scope, versionId: good.id })).resolves.toMatchObject({
      status: "ok",
    });
    expect(provider.calls.some((c) => c.includes("node") && c.includes("--noEmit -p . --pretty false"))).toBe(
      true,
    );
    expect((await getDb().version.findUniqueOrThrow({ where: { id: good.id } })).status).toBe("ok");

    const bad = await save(scope, "src/Bad.ts", "export const bad: number = 'one';\n");
    provider.commandResult = {
      exitCode: 2,
      stdout: "src/Bad.ts(1,14): error TS2322: Type 'string' is not assignable to type 'number'.\n",
      stderr: "",
      durationMs: 10,
    };
    const checked = await checkVersionInPreview({ ...scope, versionId: bad.id });
    expect(checked).toMatchObject({
      status: "broken",
      fixAllowed: true,
      problems: [
        {
          file: "src/Bad.ts",
          line: 1,
          message: "Type 'string' is not assignable to type 'number'. (TS2322)",
        },
      ],
    });
    const row = await getDb().version.findUniqueOrThrow({ where: { id: bad.id } });
    expect(row.status).toBe("broken");
    // (The save's own background check, run while the fake still answered "ok", never overrides it.)
    const checks = published.filter((p) => p.event === "version.checked" && p.data.versionId === bad.id);
    expect(checks.map((c) => c.data.status)).toContain("broken");
    const view = await getPreview(scope);
    expect(view.current).toMatchObject({ id: bad.id, status: "broken" });
    expect(view.lastGood).toMatchObject({ id: good.id });
  });

  it("stops offering a fix after the same failure came back twice, and says so", async () => {
    const scope = await newProject("Loop");
    await startOrResumePreview({ ...scope, wait: true });
    const error = (line: number) => ({
      kind: "runtime" as const,
      message: `Cannot read properties of undefined (reading 'title') at App (src/App.tsx:${line}:7)`,
      file: "src/App.tsx",
      line,
    });
    const first = await save(scope, "src/App.tsx", "export default function App() { return null; }\n");
    expect(
      await reportPreviewFailure({ ...scope, failure: { ...error(3), versionId: first.id } }),
    ).toMatchObject({
      fixAllowed: true,
    });
    // The same report again for the same version counts once.
    expect(
      await reportPreviewFailure({ ...scope, failure: { ...error(3), versionId: first.id } }),
    ).toMatchObject({
      fixAllowed: true,
    });
    // "Fix with AI" made a new version that fails the same way (at another line): stop.
    const second = await save(scope, "src/App.tsx", "export default function App() { return <p />; }\n");
    expect(
      await reportPreviewFailure({ ...scope, failure: { ...error(9), versionId: second.id } }),
    ).toMatchObject({
      fixAllowed: false,
    });
    const view = await getPreview(scope);
    expect(view.fixAllowed).toBe(false);
    expect(view.current).toMatchObject({ id: second.id, status: "broken" });
    // A different failure is offered a fix again.
    const third = await save(scope, "src/App.tsx", "export default function App() { return <p>x</p>; }\n");
    expect(
      await reportPreviewFailure({
        ...scope,
        failure: { kind: "build", message: "Unexpected token", file: "src/App.tsx", versionId: third.id },
      }),
    ).toMatchObject({ fixAllowed: true });
  });

  it("surfaces a crashed dev server coming back as a restart", async () => {
    const scope = await newProject("Crash");
    const session = await startOrResumePreview({ ...scope, wait: true });
    published.length = 0;
    await reconcileOpenSessions();
    provider.crash(session.sandboxId);
    await reconcileOpenSessions();
    provider.recover(session.sandboxId);
    await reconcileOpenSessions();
    expect(statusEvents(scope.projectId).map((e) => [e.status, e.restarted ?? false])).toEqual([
      ["booting", false],
      ["ready", true],
    ]);
    // A restart quicker than one look shows only as a newer `since`.
    published.length = 0;
    provider.crash(session.sandboxId);
    provider.recover(session.sandboxId);
    await reconcileOpenSessions();
    expect(statusEvents(scope.projectId).map((e) => [e.status, e.restarted])).toEqual([["ready", true]]);
  });

  it("stops a preview: the sandbox is killed and the next open starts a new one", async () => {
    const scope = await newProject("Stop");
    const session = await startOrResumePreview({ ...scope, wait: true });
    expect(await stopPreview(scope)).toEqual({ stopped: true });
    expect(provider.calls).toContain(`kill:${session.sandboxId}`);
    expect((await getPreview(scope)).status).toBe("stopped");
    const next = await startOrResumePreview(scope);
    expect(next.id).not.toBe(session.id);
  });
});

describe("E2B previews through the gateway", () => {
  let fake: FakeE2B;
  let e2b: E2BSandboxProvider;
  let gateway: PreviewGateway;

  /** A browser's request: to the gateway's address, for the preview's host name. */
  function browserGet(host: string, path: string, cookie?: string): Promise<GatewayAnswer> {
    return gatewayRequest(gateway.port, host, path, {
      headers: {
        accept: "text/html",
        "sec-fetch-dest": "iframe",
        ...(cookie ? { cookie } : {}),
        // A page cannot choose what the sandbox sees: whatever it sends is replaced.
        [E2B_TRAFFIC_TOKEN_HEADER]: "forged",
      },
    });
  }

  /** Opens the studio's iframe URL: the boot token is traded for our cookie. */
  async function open(frameUrl: string) {
    const url = new URL(frameUrl);
    const boot = await browserGet(url.host, url.pathname + url.search);
    expect(boot.status).toBe(302);
    const cookie = String(boot.headers["set-cookie"]).split(";")[0];
    expect(cookie.startsWith(`${PREVIEW_COOKIE}=`)).toBe(true);
    return { host: url.host, cookie, boot };
  }

  /** What reached the stand-in dev server through the gateway (not the driver's own probes). */
  const viaGateway = (sandboxId: string) =>
    fake.sandboxes.get(sandboxId)!.requests.filter((r) => r.headers["x-forwarded-host"]);

  beforeAll(async () => {
    fake = await new FakeE2B().init();
    e2b = new E2BSandboxProvider({ client: fake, templateId: "pagecraft-preview", protocol: "http" });
    gateway = await startPreviewGateway({ port: 0, studioOrigin: studioOrigin(), lookup: lookupPreview });
  });
  beforeEach(async () => {
    await setPreviewProvider(e2b);
  });
  afterAll(async () => {
    await gateway?.close();
    await fake?.teardown();
  });

  it("serves the page and HMR socket with the traffic token added upstream, never handed to the browser", async () => {
    const scope = await newProject("Remote");
    const session = await startOrResumePreview({ ...scope, wait: true });
    expect(session.status).toBe("ready");
    const sandbox = fake.sandboxes.get(session.sandboxId)!;
    expect(sandbox.token).toMatch(/^[0-9a-f]{24}$/); // public traffic is off

    const view = await getPreview(scope);
    expect(new URL(view.url!).origin).toBe(`http://${session.id}.preview.localhost:${env.PREVIEW_PORT}`);
    expect(view.origin).toBe(`http://${session.id}.preview.localhost:${env.PREVIEW_PORT}`);
    const { host, cookie, boot } = await open(view.url!);

    const page = await browserGet(host, "/", `theme=dark; ${cookie}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.body.split(`<script src="${CLIENT_SCRIPT_PATH}"></script>`)).toHaveLength(2);
    expect(page.headers["content-security-policy"]).toBe(`frame-ancestors ${studioOrigin()}`);
    for (const answer of [boot, page]) {
      expect(JSON.stringify(answer.headers)).not.toContain(sandbox.token);
      expect(answer.body).not.toContain(sandbox.token);
    }

    const [reached] = viaGateway(session.sandboxId);
    expect(reached.url).toBe("/");
    expect(reached.headers[E2B_TRAFFIC_TOKEN_HEADER]).toBe(sandbox.token);
    // E2B routes by Host: the sandbox's own host name (here the fake's address), not the preview's.
    expect(reached.headers.host).toBe(`127.0.0.1:${sandbox.port}`);
    expect(reached.headers["x-forwarded-host"]).toBe(host);
    expect(reached.headers.cookie).toBe("theme=dark");

    expect(await hmrEcho(gateway.port, host, cookie, "/?token=vite")).toEqual([
      JSON.stringify({ type: "connected" }),
      "echo:ping",
    ]);
    const upgrade = viaGateway(session.sandboxId).find((r) => r.upgrade)!;
    expect(upgrade.url).toBe("/?token=vite");
    expect(upgrade.headers[E2B_TRAFFIC_TOKEN_HEADER]).toBe(sandbox.token);
    expect(upgrade.headers.host).toBe(`127.0.0.1:${sandbox.port}`);
    expect(upgrade.headers.cookie).toBeUndefined();
  });

  it("serves it from a gateway in another process than the studio that created it", async () => {
    const scope = await newProject("Elsewhere");
    const session = await startOrResumePreview({ ...scope, wait: true });
    const { host, cookie } = await open((await getPreview(scope)).url!);
    // The studio on Vercel, the gateway on a Node host: the same E2B account, none of its memory.
    await setPreviewProvider(
      new E2BSandboxProvider({ client: fake, templateId: "pagecraft-preview", protocol: "http" }),
    );
    const page = await browserGet(host, "/", cookie);
    expect(page.status).toBe(200);
    const sandbox = fake.sandboxes.get(session.sandboxId)!;
    expect(viaGateway(session.sandboxId).at(-1)!.headers[E2B_TRAFFIC_TOKEN_HEADER]).toBe(sandbox.token);
    expect(page.body).not.toContain(sandbox.token);
  });

  it("shows a paused preview as resuming, then serves it again", async () => {
    const scope = await newProject("Paused");
    const session = await startOrResumePreview({ ...scope, wait: true });
    const { host, cookie } = await open((await getPreview(scope)).url!);
    const later = Date.now() + (env.PREVIEW_IDLE_MINUTES + 1) * 60_000;
    expect((await pauseIdlePreviews(later)).paused).toContain(session.id);
    expect(fake.sandboxes.get(session.sandboxId)!.state).toBe("paused");

    const waiting = await browserGet(host, "/", cookie);
    expect(waiting.status).toBe(503);
    expect(waiting.body).toContain("Resuming the preview");
    await expect
      .poll(async () => (await browserGet(host, "/", cookie)).status, { timeout: 20_000 })
      .toBe(200);
  });
});
