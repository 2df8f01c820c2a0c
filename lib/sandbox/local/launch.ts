// What a local sandbox's processes are started with: the confinement around the command (bwrap,
// the memory cgroup, the dropped uid — isolation.ts), an environment of their own, Node's memory
// flags, and the config the dev-server launcher reads. Also the one-off dependency pre-bundle,
// which runs the same launcher in a short-lived process of its own.
import { existsSync } from "node:fs";
import path from "node:path";
import type { DepsFolder } from "./deps";
import { DevServerProcess } from "./dev-server";
import { confinedCommand, createMemoryCgroup, type IsolationCapabilities } from "./isolation";
import type { LogBuffer } from "./log-buffer";

const HMR_PATH = "/__vite_hmr";

export interface SandboxSettings {
  caps: IsolationCapabilities;
  memoryMb: number;
}

/** The parts of a sandbox a launch needs (read when launching: a pooled folder keeps its place). */
export interface LaunchTarget {
  readonly deps: DepsFolder;
  /** The folder's name under deps/p, which also names its memory cgroup. */
  readonly dirName: string;
  readonly dir: string;
  readonly appDir: string;
  readonly cacheDir: string;
  readonly runDir: string;
  readonly logs: LogBuffer;
}

/** The argv for a command confined to the sandbox (the dev server, type-checks, builds). */
export async function confinedArgv(
  target: LaunchTarget,
  settings: SandboxSettings,
  command: string[],
  cwd = target.appDir,
): Promise<string[]> {
  const procs = await createMemoryCgroup(settings.caps, target.dirName, settings.memoryMb);
  return confinedCommand(
    settings.caps,
    { depsDir: target.deps.dir, sandboxesDir: target.deps.sandboxesDir, sandboxDir: target.dir, cwd },
    command,
    procs ?? undefined,
  );
}

/** Only what a sandboxed process needs: never the studio's own environment (it holds secrets). */
export function sandboxEnv(
  target: LaunchTarget,
  settings: SandboxSettings,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    PATH: `${target.deps.binDir}:/usr/local/bin:/usr/bin:/bin`,
    HOME: settings.caps.bwrap ? "/tmp" : target.dir,
    NODE_ENV: "development",
    // glibc and mimalloc (used by Vite's native parts) give freed memory back promptly.
    MALLOC_ARENA_MAX: "1",
    MIMALLOC_PURGE_DELAY: "0",
    // A fixed mmap threshold: by default glibc raises it as big blocks are freed (up to 32 MB),
    // and the big short-lived buffers after that stay resident in its heap (~7 MB per server).
    MALLOC_MMAP_THRESHOLD_: "131072",
    ...extra,
  };
}

function nodeFlags(settings: SandboxSettings): string[] {
  const heap = Math.max(96, Math.floor(settings.memoryMb * 0.5));
  return ["--expose-gc", `--max-old-space-size=${heap}`, "--max-semi-space-size=1"];
}

/** What the launcher is told (PAGECRAFT_DEV_SERVER). */
function launchConfig(target: LaunchTarget, settings: SandboxSettings) {
  const useSocket = Boolean(settings.caps.bwrap);
  return {
    root: target.appDir,
    cacheDir: target.cacheDir,
    hmrPath: HMR_PATH,
    ...(useSocket ? { socketPath: path.join(target.runDir, "dev.sock") } : { port: 0 }),
  };
}

/** Starts the launcher confined to the sandbox; `extra` is merged into its config. */
export async function spawnLauncher(
  target: LaunchTarget,
  settings: SandboxSettings,
  extra: Record<string, unknown> = {},
): Promise<DevServerProcess> {
  const argv = await confinedArgv(target, settings, ["node", ...nodeFlags(settings), target.deps.launcher]);
  return new DevServerProcess({
    argv,
    env: sandboxEnv(target, settings, {
      PAGECRAFT_DEV_SERVER: JSON.stringify({ ...launchConfig(target, settings), ...extra }),
    }),
    logs: target.logs,
  });
}

/**
 * Pre-bundles the dependencies into Vite's cache in a process of its own that then exits (the
 * launcher's "optimizeOnly"), unless the cache holds them already. A dev server that bundles
 * them itself keeps ~15 MB more for its whole life; pooled servers start in the background,
 * where this costs no one a wait, so they start from a filled cache.
 */
export async function prebundleDependencies(
  target: LaunchTarget,
  settings: SandboxSettings,
  timeoutMs = 60_000,
): Promise<void> {
  if (existsSync(path.join(target.cacheDir, "deps", "_metadata.json"))) return;
  const started = performance.now();
  const run = await spawnLauncher(target, settings, { optimizeOnly: true });
  const timer = setTimeout(() => void run.stop(), timeoutMs);
  await run.exited;
  clearTimeout(timer);
  const ms = Math.round(performance.now() - started);
  target.logs.system(
    run.child.exitCode === 0
      ? `dependencies pre-bundled in ${ms} ms`
      : `pre-bundling the dependencies failed after ${ms} ms (the dev server bundles them itself)`,
  );
}
