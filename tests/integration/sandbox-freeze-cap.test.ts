// PREVIEW_MAX_FROZEN with real dev servers (the local driver's `maxFrozen` option): pausing past the
// cap stops the longest-frozen server — the stopped kind of paused, as after PREVIEW_FREEZE_MINUTES
// — and that preview still resumes with its files, from a pooled server. A cap of 0 never freezes.
//
// A sandbox root of its own: a provider starting on a root recovers it, killing the dev servers it
// finds there, so sharing the contract suite's root would kill that suite's servers when the two
// files run at once.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processTree } from "@/lib/sandbox/local/freeze";
import { LocalSandboxProvider } from "@/lib/sandbox/local/provider";
import type { SandboxFile } from "@/lib/sandbox/types";
import { loadTemplateFiles } from "@/lib/templates/registry";
import { getFromLocal } from "./helpers/sandbox";

const ROOT = path.join(process.cwd(), ".test-data", "sandboxes-freeze-cap");
const workspaceId = `freeze-cap-${Date.now()}`;

/** The blank starter plus a module saying whose it is. */
async function projectFiles(name: string): Promise<SandboxFile[]> {
  return [
    ...(await loadTemplateFiles("blank")),
    { path: "src/whose.ts", content: `export const whose = "${name}";\n` },
  ];
}

async function createReady(provider: LocalSandboxProvider, name: string): Promise<string> {
  const { id } = await provider.create({
    metadata: { workspaceId, projectId: name },
    templateId: "blank",
    files: await projectFiles(name),
  });
  const ready = await provider.waitUntilReady(id, 60_000);
  expect(ready.status, ready.error).toBe("ready");
  return id;
}

const logText = async (provider: LocalSandboxProvider, id: string) =>
  (await provider.logs(id)).map((l) => l.text).join("\n");

describe("local sandbox: at most maxFrozen paused dev servers stay frozen", () => {
  let provider: LocalSandboxProvider;
  const ids: string[] = [];

  beforeAll(async () => {
    provider = new LocalSandboxProvider({ root: ROOT, poolSize: 1, maxFrozen: 1, maxPerWorkspace: 3 });
    await provider.warmPool();
  });
  afterAll(async () => {
    for (const id of ids) await provider.kill(id).catch(() => {});
    await provider.close();
  });

  it("pausing a second preview stops the first one's frozen server; it resumes with its files", async () => {
    const first = await createReady(provider, "first");
    ids.push(first);
    const second = await createReady(provider, "second");
    ids.push(second);
    const firstPid = provider.devServerPid(first)!;
    const secondPid = provider.devServerPid(second)!;

    await provider.pause(first);
    expect(await provider.status(first)).toMatchObject({ status: "paused", paused: "frozen" });
    expect(processTree(firstPid).every((p) => p.state === "T")).toBe(true);

    await provider.pause(second);
    // The cap is 1: the first (frozen longer) is stopped, the second stays frozen.
    expect(await provider.status(first)).toMatchObject({ status: "paused", paused: "stopped" });
    expect(await provider.status(second)).toMatchObject({ status: "paused", paused: "frozen" });
    expect(provider.devServerPid(first)).toBeUndefined();
    await expect.poll(() => processTree(firstPid).length, { timeout: 5000 }).toBe(0);
    const secondTree = processTree(secondPid);
    expect(secondTree.length).toBeGreaterThan(0);
    expect(secondTree.every((p) => p.state === "T")).toBe(true);
    expect(await logText(provider, first)).toContain("PREVIEW_MAX_FROZEN keeps at most 1 frozen");
    // Nothing left to stop by time yet: the sweep's tier leaves the one frozen just now alone.
    expect(await provider.stopFrozen(60_000)).toEqual([]);

    // The stopped one resumes, with its own files.
    await provider.warmPool();
    await provider.resume(first);
    const ready = await provider.waitUntilReady(first, 60_000);
    expect(ready.status, ready.error).toBe("ready");
    // From a pooled server when one is ready; on a busy machine the pool may still be warming,
    // and the stopped server restarts with its own Vite cache instead. Either way: a new process.
    expect(await logText(provider, first)).toMatch(
      /claimed from the warm pool|restarting the dev server with its Vite cache/,
    );
    expect(provider.devServerPid(first)).not.toBe(firstPid);
    expect((await getFromLocal(provider, first, "/src/whose.ts")).body).toContain('"first"');

    // The frozen one thaws as before: the same process, in milliseconds.
    expect((await provider.resume(second)).status).toBe("ready");
    expect(provider.devServerPid(second)).toBe(secondPid);
    expect((await getFromLocal(provider, second, "/src/whose.ts")).body).toContain('"second"');
  });
});

describe("local sandbox: maxFrozen 0 never freezes", () => {
  let provider: LocalSandboxProvider;
  let id: string | undefined;

  beforeAll(() => {
    provider = new LocalSandboxProvider({ root: ROOT, poolSize: 0, maxFrozen: 0, maxPerWorkspace: 3 });
  });
  afterAll(async () => {
    if (id) await provider.kill(id).catch(() => {});
    await provider.close();
  });

  it("stops the dev server at once on pause; resume restarts it with the files", async () => {
    id = await createReady(provider, "never-frozen");
    const pid = provider.devServerPid(id)!;
    await provider.pause(id);
    expect(await provider.status(id)).toMatchObject({ status: "paused", paused: "stopped" });
    await expect.poll(() => processTree(pid).length, { timeout: 5000 }).toBe(0);
    expect(await logText(provider, id)).toContain("paused (dev server stopped");

    await provider.resume(id);
    const ready = await provider.waitUntilReady(id, 60_000);
    expect(ready.status, ready.error).toBe("ready");
    expect(provider.devServerPid(id)).not.toBe(pid);
    expect((await getFromLocal(provider, id, "/src/whose.ts")).body).toContain('"never-frozen"');
  });
});
