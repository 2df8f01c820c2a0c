// The preview service (lib/preview) over a real database and storage, with a fake sandbox
// provider that records what it is asked: status transitions and their realtime events, reuse,
// the workspace limit, idle pausing and resuming, syncing only changed files, the after-apply
// type-check, and the fix loop's stop after two identical failures.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/sign-up";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { checkVersionInPreview } from "@/lib/preview/check-version";
import { getPreview } from "@/lib/preview/get-preview";
import { reconcileOpenSessions } from "@/lib/preview/monitor";
import { setPreviewProvider } from "@/lib/preview/provider";
import { reportPreviewFailure } from "@/lib/preview/report-failure";
import { startOrResumePreview } from "@/lib/preview/start-preview";
import { stopPreview } from "@/lib/preview/stop-preview";
import { pauseIdlePreviews } from "@/lib/preview/sweep-idle";
import { syncPreviewToVersion } from "@/lib/preview/sync-version";
import { verifyPreviewToken } from "@/lib/preview/tokens";
import { createProject } from "@/lib/projects/create-project";
import { setRealtime } from "@/lib/realtime";
import type { OutgoingEvent, RealtimeServer } from "@/lib/realtime/types";
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
