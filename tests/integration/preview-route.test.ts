// The preview route (app/api/projects/[projectId]/preview) the way the studio calls it, over a
// real database: opening a project starts its preview and answers the view from one read of the
// project. And the PreviewSession table as the migrations leave it (no stored URL: the gateway's
// origin is derived from the preview id).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionContext } from "@/lib/auth/session";
import type { CreateSandboxOptions, SandboxInfo, SandboxProvider } from "@/lib/sandbox/types";

// The route wrapper resolves the session through next-auth, which needs a Next.js request: here
// the signed-in person is given. Project reads are counted through the projects domain's query.
const mocked = vi.hoisted(() => ({ session: null as SessionContext | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionContext: async () => mocked.session }));
vi.mock("@/lib/projects/queries", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/projects/queries")>();
  return { ...actual, findProjectRow: vi.fn(actual.findProjectRow) };
});

const { GET, POST } = await import("@/app/api/projects/[projectId]/preview/route");
const { getDb } = await import("@/lib/db/client");
const { setPreviewProvider } = await import("@/lib/preview/provider");
const { previewViewSchema } = await import("@/lib/preview/schemas");
const { createProject } = await import("@/lib/projects/create-project");
const { findProjectRow } = await import("@/lib/projects/queries");
const { setRealtime } = await import("@/lib/realtime");
const { setupTestApp } = await import("./helpers/app");
const { signUpOwner } = await import("./helpers/owner");
const { realtimeRecorder } = await import("./helpers/realtime-recorder");

/** Sandboxes that boot at once and do nothing else: the route, not the driver, is under test. */
class InstantProvider implements SandboxProvider {
  readonly driver = "local" as const;
  private boxes = new Map<string, SandboxInfo>();
  async create(options: CreateSandboxOptions): Promise<SandboxInfo> {
    const info: SandboxInfo = {
      id: `sb${this.boxes.size + 1}`,
      status: "booting",
      metadata: options.metadata,
      since: new Date().toISOString(),
    };
    this.boxes.set(info.id, info);
    return { ...info };
  }
  async status(id: string) {
    const box = this.boxes.get(id);
    return box ? { ...box } : null;
  }
  async waitUntilReady(id: string) {
    const box = this.boxes.get(id)!;
    box.status = "ready";
    return { ...box };
  }
  async list() {
    return [...this.boxes.values()].map((box) => ({ ...box }));
  }
  async kill(id: string) {
    this.boxes.get(id)!.status = "stopped";
  }
  async resume(id: string) {
    return this.waitUntilReady(id);
  }
  async pause(id: string) {
    this.boxes.get(id)!.status = "paused";
  }
  async writeFiles() {}
  async runCommand() {
    return { exitCode: 0, stdout: "", stderr: "", durationMs: 1 };
  }
  async previewUrl(id: string) {
    return `http://${id}.example`;
  }
  async logs() {
    return [];
  }
  async upstream() {
    return null;
  }
}

let app: Awaited<ReturnType<typeof setupTestApp>>;
let projectId: string;

function call(handler: typeof GET, method: string, body?: unknown) {
  const request = new Request(`http://localhost/api/projects/${projectId}/preview`, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });
  return handler(request, { params: Promise.resolve({ projectId }) });
}

beforeAll(async () => {
  app = await setupTestApp();
  setRealtime(realtimeRecorder("preview.status").server);
  await setPreviewProvider(new InstantProvider());
  const { owner, session } = await signUpOwner({
    email: "preview-route@example.com",
    password: "preview route password",
    name: "Ruth",
  });
  mocked.session = session;
  projectId = (await createProject({ ...owner, name: "Route", templateId: "blank" })).id;
});

beforeEach(() => {
  vi.mocked(findProjectRow).mockClear();
});

afterAll(async () => {
  await setPreviewProvider(undefined);
  setRealtime(undefined);
  await app.teardown();
});

describe("POST /api/projects/{id}/preview", () => {
  it("starts the preview and answers its view, reading the project once", async () => {
    const response = await call(POST, "POST", { wait: true });
    expect(response.status).toBe(200);
    const view = previewViewSchema.parse(await response.json());
    expect(findProjectRow).toHaveBeenCalledTimes(1);

    const project = await getDb().project.findUniqueOrThrow({ where: { id: projectId } });
    expect(view).toMatchObject({
      status: "ready",
      versionId: project.currentVersionId,
      current: { id: project.currentVersionId, number: 1, problems: [] },
      lastGood: null,
      fixAllowed: true,
    });
    expect(view.previewId).toMatch(/^p[a-z2-7]{26}$/);
    expect(new URL(view.url!).origin).toBe(view.origin);
  });

  it("reuses the live preview, still with one read of the project, and agrees with GET", async () => {
    const first = previewViewSchema.parse(await (await call(POST, "POST")).json());
    vi.mocked(findProjectRow).mockClear();
    const again = previewViewSchema.parse(await (await call(POST, "POST")).json());
    expect(findProjectRow).toHaveBeenCalledTimes(1);
    expect(again.previewId).toBe(first.previewId);

    const shown = previewViewSchema.parse(await (await call(GET, "GET")).json());
    const { url: _a, ...fromPost } = again;
    const { url: _b, ...fromGet } = shown;
    expect(fromGet).toEqual(fromPost);
  });

  it("answers 404 for a project outside the workspace, before any preview starts", async () => {
    const own = projectId;
    projectId = "not-a-project";
    try {
      const response = await call(POST, "POST");
      expect(response.status).toBe(404);
      expect(await getDb().previewSession.count({ where: { projectId } })).toBe(0);
    } finally {
      projectId = own;
    }
  });
});

describe("the PreviewSession table", () => {
  it("keeps no URL column: the gateway's origin is computed from the preview id", async () => {
    const columns = await app.db.$queryRaw<Array<{ column_name: string }>>`
      SELECT column_name FROM information_schema.columns WHERE table_name = 'PreviewSession'`;
    const names = columns.map((c) => c.column_name);
    expect(names).toContain("sandboxId");
    expect(names).not.toContain("url");
  });
});
