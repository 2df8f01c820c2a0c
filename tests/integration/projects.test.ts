import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/sign-up";
import { createProject } from "@/lib/projects/create-project";
import { deleteProject } from "@/lib/projects/delete-project";
import { duplicateProject } from "@/lib/projects/duplicate-project";
import { listProjectFiles, readProjectFile } from "@/lib/projects/files";
import { getProject } from "@/lib/projects/get-project";
import { listProjects } from "@/lib/projects/list-projects";
import { renameProject } from "@/lib/projects/rename-project";
import { loadTemplateFiles } from "@/lib/templates/registry";
import { commitVersion } from "@/lib/versions/commit-version";
import { listVersions } from "@/lib/versions/list-versions";
import { sha256Hex } from "@/lib/versions/manifest";
import { resolveWorkspace } from "@/lib/workspaces/queries";
import { setupTestApp } from "./helpers/app";

let app: Awaited<ReturnType<typeof setupTestApp>>;
let alice: { userId: string; workspaceId: string };
let bob: { userId: string; workspaceId: string };

async function newUser(email: string) {
  const user = await signUp({ email, password: "correct horse battery", name: email.split("@")[0] });
  const workspace = await resolveWorkspace(app.db, user.id);
  return { userId: user.id, workspaceId: workspace.id };
}

beforeAll(async () => {
  app = await setupTestApp();
  alice = await newUser("alice@example.com");
  bob = await newUser("bob@example.com");
});
afterAll(() => app.teardown());

describe("projects", () => {
  it("creates a project whose version 1 holds the template's files, stored once by hash", async () => {
    const project = await createProject({ ...alice, name: "Launch", templateId: "saas" });
    expect(project.currentVersionNumber).toBe(1);
    expect(project.templateName).toBeTruthy();

    const template = await loadTemplateFiles("saas");
    const files = await listProjectFiles({ workspaceId: alice.workspaceId, projectId: project.id });
    expect(files.items.map((f) => f.path)).toEqual(template.map((f) => f.path).sort());
    for (const f of template) {
      const entry = files.items.find((i) => i.path === f.path);
      expect(entry?.sha256).toBe(sha256Hex(f.content));
      expect(entry?.size).toBe(f.content.byteLength);
    }
    const appFile = await readProjectFile({
      workspaceId: alice.workspaceId,
      projectId: project.id,
      path: "src/App.tsx",
    });
    expect(appFile.content.toString("utf8")).toContain("export default");

    const blobs = await app.db.blob.count({ where: { workspaceId: alice.workspaceId } });
    expect(blobs).toBe(new Set(template.map((f) => sha256Hex(f.content))).size);
  });

  it("refuses an unknown template with a field error and writes nothing", async () => {
    const before = await app.db.project.count();
    await expect(createProject({ ...alice, name: "X", templateId: "nope" })).rejects.toMatchObject({
      status: 422,
      field: "templateId",
    });
    expect(await app.db.project.count()).toBe(before);
  });

  it("lists, searches, sorts and pages", async () => {
    for (const name of ["Bravo", "alpha", "Charlie"])
      await createProject({ ...alice, name, templateId: "blank" });
    const first = await listProjects({ workspaceId: alice.workspaceId, sort: "name", limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const rest = await listProjects({
      workspaceId: alice.workspaceId,
      sort: "name",
      limit: 50,
      cursor: first.nextCursor!,
    });
    const all = [...first.items, ...rest.items].map((p) => p.name);
    expect(all).toHaveLength(4);
    expect(new Set(all).size).toBe(4);
    expect(rest.nextCursor).toBeNull();

    const found = await listProjects({ workspaceId: alice.workspaceId, search: "ALP" });
    expect(found.items.map((p) => p.name)).toEqual(["alpha"]);
    const newest = await listProjects({ workspaceId: alice.workspaceId, sort: "created" });
    expect(newest.items[0].name).toBe("Charlie");
  });

  it("renames, duplicates (sharing blobs) and deletes", async () => {
    const project = await createProject({ ...alice, name: "Original", templateId: "portfolio" });
    const renamed = await renameProject({ ...alice, projectId: project.id, name: "Renamed" });
    expect(renamed.name).toBe("Renamed");

    const blobsBefore = await app.db.blob.count();
    const copy = await duplicateProject({ ...alice, projectId: project.id });
    expect(copy.name).toBe("Renamed (copy)");
    expect(copy.id).not.toBe(project.id);
    expect(await app.db.blob.count()).toBe(blobsBefore);
    const a = await listProjectFiles({ workspaceId: alice.workspaceId, projectId: project.id });
    const b = await listProjectFiles({ workspaceId: alice.workspaceId, projectId: copy.id });
    expect(b.items).toEqual(a.items);

    await deleteProject({ ...alice, projectId: project.id });
    await expect(getProject({ workspaceId: alice.workspaceId, projectId: project.id })).rejects.toMatchObject(
      {
        status: 404,
      },
    );
    // The copy still reads its files: blobs are shared, not owned.
    const file = await readProjectFile({
      workspaceId: alice.workspaceId,
      projectId: copy.id,
      path: "index.html",
    });
    expect(file.content.length).toBeGreaterThan(0);
  });

  it("keeps every version and numbers them in order, even under concurrent commits", async () => {
    const project = await createProject({ ...alice, name: "Versions", templateId: "blank" });
    const v1 = await app.db.version.findFirstOrThrow({ where: { projectId: project.id } });
    const manifest = v1.manifest as Record<string, string>;
    await Promise.all(
      [1, 2, 3, 4].map((i) =>
        commitVersion(app.db, {
          projectId: project.id,
          manifest: { ...manifest, [`notes/${i}.md`]: sha256Hex(String(i)) },
          author: "user",
          message: `edit ${i}`,
        }),
      ),
    );
    const versions = await listVersions({ workspaceId: alice.workspaceId, projectId: project.id });
    expect(versions.items.map((v) => v.number)).toEqual([5, 4, 3, 2, 1]);
    const current = await getProject({ workspaceId: alice.workspaceId, projectId: project.id });
    expect(current.currentVersionNumber).toBe(5);
    expect(versions.items[0].changes.added.length + versions.items[0].changes.deleted.length).toBeGreaterThan(
      0,
    );
  });

  it("refuses a stale commit with a conflict and keeps the current version", async () => {
    const project = await createProject({ ...alice, name: "Stale", templateId: "blank" });
    await expect(
      commitVersion(app.db, {
        projectId: project.id,
        manifest: {},
        author: "user",
        message: "stale",
        expectedCurrentVersionId: "not-the-current-one",
      }),
    ).rejects.toMatchObject({ status: 409 });
    expect(
      (await getProject({ workspaceId: alice.workspaceId, projectId: project.id })).currentVersionNumber,
    ).toBe(1);
  });

  it("isolates tenants: another workspace's project is not found", async () => {
    const project = await createProject({ ...alice, name: "Private", templateId: "blank" });
    const asBob = { workspaceId: bob.workspaceId, projectId: project.id };
    await expect(getProject(asBob)).rejects.toMatchObject({ status: 404 });
    await expect(listProjectFiles(asBob)).rejects.toMatchObject({ status: 404 });
    await expect(readProjectFile({ ...asBob, path: "index.html" })).rejects.toMatchObject({ status: 404 });
    await expect(listVersions(asBob)).rejects.toMatchObject({ status: 404 });
    await expect(renameProject({ ...asBob, userId: bob.userId, name: "Mine" })).rejects.toMatchObject({
      status: 404,
    });
    await expect(duplicateProject({ ...asBob, userId: bob.userId })).rejects.toMatchObject({ status: 404 });
    await expect(deleteProject({ ...asBob, userId: bob.userId })).rejects.toMatchObject({ status: 404 });
    expect((await listProjects({ workspaceId: bob.workspaceId })).items).toHaveLength(0);
    expect((await getProject({ workspaceId: alice.workspaceId, projectId: project.id })).name).toBe(
      "Private",
    );
  });

  it("refuses traversal in file paths with 400", async () => {
    const project = await createProject({ ...alice, name: "Paths", templateId: "blank" });
    for (const path of ["../../etc/passwd", "/etc/passwd", "src/../index.html", "a\\b"]) {
      await expect(
        readProjectFile({ workspaceId: alice.workspaceId, projectId: project.id, path }),
      ).rejects.toMatchObject({ status: 400 });
    }
  });
});
