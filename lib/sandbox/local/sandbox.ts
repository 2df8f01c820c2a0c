// One local sandbox: its folder (`app/` the project and Vite root, `cache/` Vite's cache, `run/`
// the dev server's socket, `state.json`), its dev-server process, its status and its logs. How its
// processes are started is launch.ts; probing the server and restarting it after crashes is
// supervisor.ts. Paused, it is first frozen (freeze.ts: its processes kept, stopped where they
// are), and later stopped (only the folder kept); when each happens is pausing.ts.
import { EventEmitter } from "node:events";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import type { SandboxInfo, SandboxMetadata, SandboxStatus } from "../types";
import type { DepsFolder } from "./deps";
import type { DevServerEndpoint, DevServerProcess } from "./dev-server";
import { type FileChange, type Manifest, writeJsonAtomic } from "./files";
import { freezeTree, thawTree } from "./freeze";
import { grantWrite, removeMemoryCgroup } from "./isolation";
import {
  confinedArgv,
  prebundleDependencies,
  type SandboxSettings,
  sandboxEnv,
  spawnLauncher,
} from "./launch";
import { LogBuffer } from "./log-buffer";
import { DevServerSupervisor } from "./supervisor";

export interface PersistedSandbox {
  id: string;
  metadata: SandboxMetadata | null;
  templateId: string;
  depsHash: string;
  createdAt: string;
  lastActivity: number;
  paused: boolean;
  pid?: number;
}

export class LocalSandbox extends EventEmitter<{ status: [SandboxInfo] }> {
  status: SandboxStatus = "booting";
  since = new Date().toISOString();
  error?: string;
  lastActivity = Date.now();
  readonly createdAt = new Date().toISOString();
  readonly logs = new LogBuffer();
  manifest: Manifest = new Map();
  server: DevServerProcess | null = null;
  private starting: Promise<void> | null = null;
  private readonly supervisor = new DevServerSupervisor(this);
  private stopped = false;
  /** A pooled server is warmed (its page's modules compiled) before it counts as ready. */
  warm = false;
  /** Paused with its dev server frozen (not stopped): since when. */
  frozenAt: number | null = null;
  /** Written while frozen: told to the dev server once it thaws (its watcher saw nothing yet). */
  private writtenWhileFrozen: FileChange[] = [];

  constructor(
    public id: string,
    public metadata: SandboxMetadata | null,
    public templateId: string,
    public deps: DepsFolder,
    /** The folder's name under deps/p (stays when a pooled folder is claimed). */
    public dirName: string,
    private readonly settings: SandboxSettings,
  ) {
    super();
    this.setMaxListeners(0);
  }

  get dir() {
    return path.join(this.deps.sandboxesDir, this.dirName);
  }
  get appDir() {
    return path.join(this.dir, "app");
  }
  get cacheDir() {
    return path.join(this.dir, "cache");
  }
  get runDir() {
    return path.join(this.dir, "run");
  }
  get endpoint(): DevServerEndpoint | null {
    return this.server?.endpoint ?? null;
  }

  info(): SandboxInfo {
    return {
      id: this.id,
      status: this.status,
      metadata: this.metadata ?? { workspaceId: "", projectId: "" },
      since: this.since,
      ...(this.error ? { error: this.error } : {}),
      ...(this.status === "paused" ? { paused: this.frozenAt === null ? "stopped" : "frozen" } : {}),
    };
  }

  setStatus(status: SandboxStatus, error?: string) {
    if (this.status === status && this.error === error) return;
    this.status = status;
    this.error = error;
    this.since = new Date().toISOString();
    if (status === "error" && error) this.logs.system(`error: ${error}`);
    this.emit("status", this.info());
  }

  async prepareFolders() {
    await mkdir(this.appDir, { recursive: true });
    await grantWrite(this.settings.caps, [this.dir, this.appDir, this.cacheDir, this.runDir]);
  }

  persisted(): PersistedSandbox {
    return {
      id: this.id,
      metadata: this.metadata,
      templateId: this.templateId,
      depsHash: this.deps.hash,
      createdAt: this.createdAt,
      lastActivity: this.lastActivity,
      paused: this.status === "paused",
      pid: this.server?.pid,
    };
  }

  async persist() {
    if (this.stopped) return;
    await writeJsonAtomic(path.join(this.dir, "state.json"), this.persisted()).catch(() => {});
  }

  /** The argv for a command confined to this sandbox (the dev server, type-checks, builds). */
  confined(command: string[], cwd = this.appDir): Promise<string[]> {
    return confinedArgv(this, this.settings, command, cwd);
  }

  /** Only what a sandboxed process needs: never the studio's own environment (it holds secrets). */
  childEnv(extra: Record<string, string> = {}): Record<string, string> {
    return sandboxEnv(this, this.settings, extra);
  }

  /** Fills Vite's dependency cache in a short-lived process first (pooled servers, launch.ts). */
  prebundle(timeoutMs = 60_000): Promise<void> {
    return prebundleDependencies(this, this.settings, timeoutMs);
  }

  /** Starts the dev server (if not running); the status moves to ready once the page serves. */
  start(): Promise<void> {
    if (this.server?.running) return Promise.resolve();
    // One launch at a time: two callers (a crash restart and a resume) that both passed the check
    // above while the first was spawning would start two servers on one socket — the untracked
    // one keeps it, and every restart of the tracked one fails with EADDRINUSE.
    this.starting ??= this.launch().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private async launch() {
    this.stopped = false;
    this.supervisor.cancelRestart();
    this.setStatus("booting");
    const server = await spawnLauncher(this, this.settings);
    if (this.stopped) {
      // Stopped while it was spawning: it never becomes this sandbox's server.
      await server.stop();
      return;
    }
    this.server = server;
    this.logs.system(`dev server starting (pid ${server.pid ?? "?"})`);
    server.on("listening", () => void this.probe(server));
    server.on("exit", ({ code, signal, expected }) => {
      if (this.server !== server) return;
      this.logs.system(`dev server exited (${signal ?? `code ${code}`})`);
      if (this.frozenAt !== null) {
        // Killed while frozen (the OOM killer, someone else): still paused, now the stopped kind.
        this.frozenAt = null;
        this.server = null;
        return;
      }
      if (!expected && !this.stopped) this.supervisor.crashed();
    });
    await this.persist();
  }

  /** Probes readiness until it passes or the deadline does (supervisor.ts). */
  probe(server = this.server): Promise<void> {
    return this.supervisor.probe(server);
  }

  /** Stops the dev server and keeps the folder (pause, or the studio shutting down). */
  async stop() {
    this.stopped = true;
    this.supervisor.standDown();
    this.frozenAt = null;
    this.writtenWhileFrozen = [];
    const server = this.server;
    this.server = null;
    // SIGKILL ends stopped processes too: a frozen server needs no thaw first.
    await server?.stop();
  }

  /**
   * The first tier of pausing: every process of the dev server stopped where it is — no CPU, its
   * memory kept — so `thaw` brings it back in milliseconds. False when there is no running server
   * to freeze or it could not be frozen (then it is running as before).
   */
  async freeze(): Promise<boolean> {
    const server = this.server;
    if (!server?.running || server.pid === undefined) return false;
    this.supervisor.standDown(); // a probe in flight would only time out against a frozen server
    // Collected first: it sleeps smaller, and no idle collection falls due the moment it thaws.
    await server.collectGarbage();
    try {
      const count = await freezeTree(server.pid);
      this.frozenAt = Date.now();
      this.logs.system(`dev server frozen (${count} processes)`);
      return true;
    } catch (error) {
      thawTree(server.pid);
      this.logs.system(`dev server could not be frozen: ${error instanceof Error ? error.message : error}`);
      return false;
    }
  }

  /** Files written while frozen, for the dev server to take in when it thaws. */
  noteWrittenWhileFrozen(changes: FileChange[]) {
    this.writtenWhileFrozen.push(...changes);
  }

  /**
   * Lets a frozen dev server run again, tells it what was written meanwhile, and probes it (a
   * few milliseconds: everything is compiled); the status is ready once the page serves.
   */
  async thaw(): Promise<void> {
    const server = this.server;
    const frozenMs = this.frozenAt === null ? 0 : Date.now() - this.frozenAt;
    this.frozenAt = null;
    if (!server?.running || server.pid === undefined) return this.start();
    thawTree(server.pid);
    this.logs.system(`dev server thawed (frozen ${Math.round(frozenMs / 1000)} s)`);
    const written = this.writtenWhileFrozen.splice(0);
    this.setStatus("booting");
    await server.sync(written);
    void this.probe(server);
  }

  async destroy() {
    await this.stop();
    await rm(this.dir, { recursive: true, force: true });
    await removeMemoryCgroup(this.settings.caps, this.dirName);
  }

  /** Resolves with the status once it is no longer booting (or when the time is up). */
  settled(timeoutMs: number): Promise<SandboxInfo> {
    if (this.status !== "booting") return Promise.resolve(this.info());
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.off("status", onStatus);
        resolve(this.info());
      };
      const onStatus = (info: SandboxInfo) => {
        if (info.status !== "booting") done();
      };
      const timer = setTimeout(done, timeoutMs);
      this.on("status", onStatus);
    });
  }
}
