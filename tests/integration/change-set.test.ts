import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/sign-up";
import { createProject } from "@/lib/projects/create-project";
import { readProjectFile } from "@/lib/projects/files";
import { getProject } from "@/lib/projects/get-project";
import { listVersions } from "@/lib/versions/list-versions";
import { saveChangeSet } from "@/lib/versions/save-change-set";
import { resolveWorkspace } from "@/lib/workspaces/queries";
import { setupTestApp } from "./helpers/app";

let app: Awaited<ReturnType<typeof setupTestApp>>;
let scope: { workspaceId: string; projectId: string };
let userId: string;

beforeAll(async () => {
  app = await setupTestApp();
  const user = await signUp({ email: "cs@example.com", password: "change set pw", name: "Cass" });
  userId = user.id;
  const ws = await resolveWorkspace(app.db, user.id);
  const project = await createProject({ workspaceId: ws.id, userId, name: "Edits", templateId: "saas" });
  scope = { workspaceId: ws.id, projectId: project.id };
});
afterAll(() => app.teardown());

const current = async () => (await getProject(scope)).currentVersionId!;
const save = async (
  operations: Array<{
    path: string;
    action?: "write" | "patch" | "delete" | "rename";
    content?: string;
    to?: string;
  }>,
  baseVersionId?: string,
) =>
  saveChangeSet({
    ...scope,
    userId,
    body: {
      baseVersionId: baseVersionId ?? (await current()),
      operations: operations.map((o) => ({ action: "write" as const, content: "", ...o })),
    },
  });

describe("manual change sets", () => {
  it("commits a valid edit as a new version with a summary message", async () => {
    const before = (await readProjectFile({ ...scope, path: "src/site.ts" })).content.toString("utf8");
    const version = await save([
      { path: "src/site.ts", content: before.replace(/name: "[^"]*"/, 'name: "Edited"') },
    ]);
    expect(version.number).toBe(2);
    expect(version.author).toBe("user");
    expect(version.message).toContain("src/site.ts");
    expect((await readProjectFile({ ...scope, path: "src/site.ts" })).content.toString("utf8")).toContain(
      "Edited",
    );
  });

  it("refuses hostile and broken operations with 422, writing nothing", async () => {
    const versionsBefore = (await listVersions(scope)).items.length;
    const blobsBefore = await app.db.blob.count();
    const cases = [
      [{ path: "../../etc/passwd", content: "x" }],
      [{ path: "/abs.ts", content: "x" }],
      [{ path: "package.json", content: "{}" }],
      [{ path: "node_modules/x.js", content: "x" }],
      [{ path: ".env", content: "SECRET=1" }],
      [{ path: "src/Broken.tsx", content: "export default function A() { return <div>; }" }],
      [{ path: "src/App.tsx", content: "// ... rest of the file unchanged ..." }],
      [
        { path: "src/ok.ts", content: "export const ok = 1;\n" },
        { path: "src/a\\b.ts", content: "x" },
      ],
      Array.from({ length: 41 }, (_, i) => ({ path: `src/many/f${i}.ts`, content: "export {};\n" })),
      [{ path: "src/huge.ts", content: `export const s = "${"x".repeat(300 * 1024)}";\n` }],
    ];
    for (const operations of cases) {
      await expect(save(operations)).rejects.toMatchObject({ status: 422, code: "validation:operations" });
    }
    expect((await listVersions(scope)).items).toHaveLength(versionsBefore);
    expect(await app.db.blob.count()).toBe(blobsBefore);
  });

  it("reports every refused operation with its reason", async () => {
    const error = await save([
      { path: "src/x.tsx", content: "export const X = () => <div>;" },
      { path: "../y.ts", content: "x" },
    ]).catch((e) => e);
    const errors = error.details.errors as Array<{ index: number; reason: string }>;
    expect(errors.map((e) => e.index).sort()).toEqual([0, 1]);
    for (const e of errors) expect(e.reason.length).toBeGreaterThan(5);
  });

  it("refuses a stale base version with 409 instead of overwriting", async () => {
    const versions = await listVersions(scope);
    const old = versions.items[versions.items.length - 1].id;
    await expect(save([{ path: "src/new.ts", content: "export const a = 1;\n" }], old)).rejects.toMatchObject(
      {
        status: 409,
      },
    );
  });
});
