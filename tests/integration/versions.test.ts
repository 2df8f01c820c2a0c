import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/sign-up";
import { createProject } from "@/lib/projects/create-project";
import { readProjectFile } from "@/lib/projects/files";
import { getProject } from "@/lib/projects/get-project";
import { getStorage } from "@/lib/storage";
import { commitVersion } from "@/lib/versions/commit-version";
import { diffVersions } from "@/lib/versions/diff-versions";
import { getVersion } from "@/lib/versions/get-version";
import { listVersions } from "@/lib/versions/list-versions";
import { sha256Hex } from "@/lib/versions/manifest";
import { nameCheckpoint } from "@/lib/versions/name-checkpoint";
import { restoreVersion } from "@/lib/versions/restore-version";
import { storeBlobs } from "@/lib/versions/store-blobs";
import { resolveWorkspace } from "@/lib/workspaces/queries";
import { setupTestApp } from "./helpers/app";

let app: Awaited<ReturnType<typeof setupTestApp>>;
let scope: { workspaceId: string; projectId: string };
let userId: string;

beforeAll(async () => {
  app = await setupTestApp();
  const user = await signUp({ email: "v@example.com", password: "versions password", name: "Vera" });
  userId = user.id;
  const workspace = await resolveWorkspace(app.db, user.id);
  const project = await createProject({
    workspaceId: workspace.id,
    userId,
    name: "History",
    templateId: "blank",
  });
  scope = { workspaceId: workspace.id, projectId: project.id };
});
afterAll(() => app.teardown());

async function editFile(path: string, content: string) {
  const v = await getVersion({ ...scope, versionId: (await getProject(scope)).currentVersionId! });
  const manifest = Object.fromEntries(v.files.map((f) => [f.path, f.sha256]));
  await storeBlobs(app.db, getStorage(), scope, [{ path, content: Buffer.from(content) }]);
  return commitVersion(app.db, {
    projectId: scope.projectId,
    manifest: { ...manifest, [path]: sha256Hex(content) },
    author: "user",
    authorUserId: userId,
    message: `Edit ${path}`,
  });
}

describe("versions", () => {
  it("diffs two versions with both sides' text and line counts", async () => {
    const before = (await readProjectFile({ ...scope, path: "src/App.tsx" })).content.toString("utf8");
    const v1 = (await listVersions(scope)).items[0];
    const v2 = await editFile("src/App.tsx", `${before}\n// a new line\n`);
    const diff = await diffVersions({ ...scope, from: v1.id, to: v2.id });
    expect(diff.from.number).toBe(1);
    expect(diff.to.number).toBe(2);
    expect(diff.files).toHaveLength(1);
    expect(diff.files[0]).toMatchObject({
      path: "src/App.tsx",
      status: "modified",
      linesAdded: 2,
      omitted: false,
    });
    expect(diff.files[0].before).toBe(before);
    expect(diff.files[0].after).toContain("// a new line");
  });

  it("restores an old version as a new version, losing nothing", async () => {
    const versions = (await listVersions(scope)).items;
    const v1 = versions[versions.length - 1];
    const restored = await restoreVersion({ ...scope, versionId: v1.id, userId });
    const after = await listVersions(scope);
    expect(after.items.map((v) => v.number)).toEqual([3, 2, 1]);
    expect(after.items[0]).toMatchObject({ author: "restore", message: "Restored version 1" });
    const detail = await getVersion({ ...scope, versionId: restored.id });
    expect(detail.isCurrent).toBe(true);
    expect(detail.restoredFromId).toBe(v1.id);
    const original = await getVersion({ ...scope, versionId: v1.id });
    expect(detail.files).toEqual(original.files);
    // Version 2 is still there and still readable.
    expect((await diffVersions({ ...scope, from: v1.id, to: restored.id })).files).toHaveLength(0);
  });

  it("names and clears checkpoints", async () => {
    const v = (await listVersions(scope)).items[0];
    await nameCheckpoint({ ...scope, versionId: v.id, checkpointName: "Before launch" });
    expect((await getVersion({ ...scope, versionId: v.id })).checkpointName).toBe("Before launch");
    await nameCheckpoint({ ...scope, versionId: v.id, checkpointName: null });
    expect((await getVersion({ ...scope, versionId: v.id })).checkpointName).toBeNull();
  });

  it("does not reach versions of another workspace's project", async () => {
    const other = await signUp({ email: "o@example.com", password: "other password", name: "Otto" });
    const ws = await resolveWorkspace(app.db, other.id);
    const v = (await listVersions(scope)).items[0];
    const foreign = { workspaceId: ws.id, projectId: scope.projectId, versionId: v.id };
    await expect(getVersion(foreign)).rejects.toMatchObject({ status: 404 });
    await expect(restoreVersion({ ...foreign, userId: other.id })).rejects.toMatchObject({ status: 404 });
    await expect(nameCheckpoint({ ...foreign, checkpointName: "x" })).rejects.toMatchObject({ status: 404 });
    await expect(diffVersions({ ...foreign, from: v.id, to: v.id })).rejects.toMatchObject({ status: 404 });
  });
});
