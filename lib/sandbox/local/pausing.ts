// Pausing and resuming local sandboxes. Pausing has two tiers: a paused dev server is first
// frozen (SIGSTOP: no CPU, its memory kept, resumed in milliseconds), then stopped (its memory
// given back; the folder and Vite cache stay, and resuming takes a pooled server or restarts one).
// It moves to the second tier after PREVIEW_FREEZE_MINUTES frozen, or at once when more than
// PREVIEW_MAX_FROZEN would be frozen — the longest-frozen go first — so paused previews cannot pile
// up in memory. Also the idle sweep that pauses previews nobody has viewed for PREVIEW_IDLE_MINUTES.
import { log } from "@/lib/log";
import type { SandboxFile, SandboxInfo, SandboxStatus } from "../types";
import { readProjectFiles } from "./files";
import type { LocalSandbox } from "./sandbox";

/** How long resuming a frozen sandbox waits for its probe before answering (booting, then). */
const THAW_READY_MS = 3000;

export interface PausePolicy {
  /** Minutes a paused sandbox stays frozen before its dev server is stopped (0: stop at once). */
  freezeMinutes: number;
  /** Most sandboxes frozen at once; pausing one more stops the longest-frozen (0: never freeze). */
  maxFrozen: number;
}

/** Counted against the per-workspace limit, and paused by the idle sweep. */
const LIVE = new Set<SandboxStatus>(["booting", "ready", "error"]);

export function isLive(sandbox: { status: SandboxStatus }): boolean {
  return LIVE.has(sandbox.status);
}

/**
 * Pauses: a ready dev server is frozen (resume in milliseconds), any other is stopped (folder and
 * Vite cache kept). A freeze past `maxFrozen` stops the longest-frozen others.
 */
export async function pauseSandbox(
  sandbox: LocalSandbox,
  all: Iterable<LocalSandbox>,
  { freezeMinutes, maxFrozen }: PausePolicy,
): Promise<void> {
  if (sandbox.status === "paused") return;
  let froze = false;
  if (freezeMinutes > 0 && maxFrozen > 0 && sandbox.status === "ready" && (await sandbox.freeze())) {
    froze = true;
    sandbox.logs.system(`paused (dev server frozen; stopped if still paused in ${freezeMinutes} min)`);
  } else {
    await sandbox.stop();
    sandbox.logs.system("paused (dev server stopped; folder and Vite cache kept)");
  }
  sandbox.setStatus("paused");
  await sandbox.persist();
  if (froze) await stopBeyondFrozenCap(all, maxFrozen, sandbox);
}

/**
 * Resumes a paused sandbox by its kind: a frozen one thaws (answering ready, as everything is
 * compiled already); a stopped one's files move into a pooled server that `claimPooled` hands out
 * (its own folder then goes), or without one its own dev server restarts with its Vite cache.
 */
export async function resumePaused(
  sandbox: LocalSandbox,
  claimPooled: () => LocalSandbox | null,
  adopt: (pooled: LocalSandbox, files: Promise<SandboxFile[]>) => Promise<LocalSandbox>,
): Promise<SandboxInfo> {
  if (sandbox.frozenAt !== null) {
    await sandbox.thaw();
    // Everything is compiled already: the probe passes in milliseconds, so answer ready.
    return sandbox.settled(THAW_READY_MS);
  }
  const pooled = claimPooled();
  if (pooled) {
    // The paused folder's files move into a warm server; the folder itself goes.
    const files = readProjectFiles(sandbox.appDir, sandbox.manifest);
    const resumed = await adopt(pooled, files);
    resumed.logs.system(`resumed (was paused since ${sandbox.since})`);
    void sandbox.destroy();
    return resumed.info();
  }
  sandbox.logs.system("resuming: restarting the dev server with its Vite cache");
  await sandbox.start();
  return sandbox.info();
}

function isFrozen(sandbox: { status: SandboxStatus; frozenAt: number | null }): boolean {
  return sandbox.status === "paused" && sandbox.frozenAt !== null;
}

/**
 * The frozen sandboxes to stop so that at most `max` stay frozen: the longest-frozen first, never
 * `keep` (the one just frozen, which has been frozen the shortest).
 */
export function beyondFrozenCap<T extends { status: SandboxStatus; frozenAt: number | null }>(
  sandboxes: Iterable<T>,
  max: number,
  keep?: T,
): T[] {
  const frozen = [...sandboxes].filter(isFrozen);
  const excess = frozen.length - Math.max(0, max);
  if (excess <= 0) return [];
  return frozen
    .filter((s) => s !== keep)
    .sort((a, b) => a.frozenAt! - b.frozenAt!)
    .slice(0, excess);
}

/** Stops the frozen dev servers beyond `max` (see `beyondFrozenCap`); returns their ids. */
export async function stopBeyondFrozenCap(
  sandboxes: Iterable<LocalSandbox>,
  max: number,
  keep?: LocalSandbox,
): Promise<string[]> {
  const stopped: string[] = [];
  for (const sandbox of beyondFrozenCap(sandboxes, max, keep)) {
    log.info("stopping a frozen preview: too many frozen", { sandboxId: sandbox.id, maxFrozen: max });
    await stopFrozenServer(
      sandbox,
      `dev server stopped: PREVIEW_MAX_FROZEN keeps at most ${max} frozen (folder and Vite cache kept)`,
    );
    stopped.push(sandbox.id);
  }
  return stopped;
}

/**
 * The second tier by time: dev servers frozen for `olderThanMs` (PREVIEW_FREEZE_MINUTES) are
 * stopped, which gives their memory back. Returns the sandboxes stopped.
 */
export async function stopFrozenOlderThan(
  sandboxes: Iterable<LocalSandbox>,
  olderThanMs: number,
): Promise<string[]> {
  const cutoff = Date.now() - olderThanMs;
  const stopped: string[] = [];
  for (const sandbox of sandboxes) {
    if (!isFrozen(sandbox) || sandbox.frozenAt! > cutoff) continue;
    const minutes = Math.round((Date.now() - sandbox.frozenAt!) / 60_000);
    await stopFrozenServer(
      sandbox,
      `dev server stopped after ${minutes} min frozen (folder and Vite cache kept)`,
    );
    stopped.push(sandbox.id);
  }
  return stopped;
}

/** A frozen sandbox becomes the stopped kind of paused (SIGKILL needs no thaw first). */
async function stopFrozenServer(sandbox: LocalSandbox, note: string) {
  await sandbox.stop();
  sandbox.logs.system(note);
  await sandbox.persist();
}

/** Pauses every live sandbox without activity for `idleMinutes` (one at a time). */
export async function pauseIdle(
  sandboxes: Iterable<LocalSandbox>,
  idleMinutes: number,
  pause: (id: string) => Promise<void>,
): Promise<void> {
  const cutoff = Date.now() - idleMinutes * 60_000;
  for (const sandbox of sandboxes) {
    if (isLive(sandbox) && sandbox.lastActivity < cutoff) {
      log.info("pausing an idle preview", { sandboxId: sandbox.id });
      await pause(sandbox.id).catch((error) => log.warn("pausing failed", { error }));
    }
  }
}

/** How often the idle sweep runs: a quarter of the shorter wait (of at least 1 s), at most a minute. */
export function sweepIntervalMs({
  idleMinutes,
  freezeMinutes,
}: {
  idleMinutes: number;
  freezeMinutes: number;
}) {
  return Math.min(60_000, Math.max(1000, Math.min(idleMinutes, freezeMinutes || Infinity) * 60_000) / 4);
}
