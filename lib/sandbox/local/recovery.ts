// What a studio restart finds under the sandbox root, and what becomes of it: the sandboxes of the
// previous run come back paused (the stopped kind: resuming takes a pooled server or restarts
// one), dev servers the old process left running are killed (only if they are ours), and pooled
// folders, interrupted installs and sandboxes whose dependencies changed are removed.
import { existsSync, readFileSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import type { DepsFolder } from "./deps";
import { readManifest } from "./files";
import type { SandboxSettings } from "./launch";
import { LocalSandbox, type PersistedSandbox } from "./sandbox";

/**
 * Reads the sandboxes a previous run left under `root` into `sandboxes` (skipping ids it holds
 * already): live ones become paused, pooled folders go. `deps` installs or finds a template's
 * dependency folder.
 */
export async function recoverSandboxes(
  root: string,
  sandboxes: Map<string, LocalSandbox>,
  deps: (templateId: string) => Promise<DepsFolder>,
  settings: SandboxSettings,
): Promise<void> {
  const depsRoot = path.join(root, "deps");
  for (const hash of await readdir(depsRoot).catch(() => [] as string[])) {
    if (hash.includes(".installing-")) {
      await rm(path.join(depsRoot, hash), { recursive: true, force: true });
      continue;
    }
    const sandboxesDir = path.join(depsRoot, hash, "p");
    for (const dirName of await readdir(sandboxesDir).catch(() => [] as string[])) {
      const dir = path.join(sandboxesDir, dirName);
      const state = await readFile(path.join(dir, "state.json"), "utf8")
        .then((text) => JSON.parse(text) as PersistedSandbox)
        .catch(() => null);
      if (state?.pid) killLeftover(state.pid);
      if (!state?.metadata || sandboxes.has(state.id)) {
        await rm(dir, { recursive: true, force: true });
        continue;
      }
      const folder = await deps(state.templateId);
      if (folder.hash !== hash) {
        await rm(dir, { recursive: true, force: true }); // dependencies changed: the preview is recreated
        continue;
      }
      const sandbox = new LocalSandbox(state.id, state.metadata, state.templateId, folder, dirName, settings);
      sandbox.manifest = await readManifest(sandbox.appDir);
      sandbox.lastActivity = state.lastActivity;
      sandbox.setStatus("paused");
      sandbox.logs.system("recovered after a studio restart (paused)");
      sandboxes.set(state.id, sandbox);
      await sandbox.persist();
    }
  }
}

/** Kills a dev server a previous run of the studio left running (only if it is ours). */
function killLeftover(pid: number) {
  try {
    const cmdline = existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, "utf8") : "";
    if (cmdline.includes("launcher.mjs")) process.kill(pid, "SIGKILL");
  } catch {
    // gone already
  }
}
