// One local sandbox: its folder (`app/` the project and Vite root, `cache/` Vite's cache, `run/`
// the dev server's socket, `state.json`), its dev-server process with crash restarts, its status
// and its logs. Paused, it is first frozen (freeze.ts: its processes kept, stopped where they
// are), and later stopped (only the folder kept).
import { EventEmitter } from "node:events";
import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import type { SandboxInfo, SandboxMetadata, SandboxStatus } from "../types";
import type { DepsFolder } from "./deps";
import { type DevServerEndpoint, DevServerProcess } from "./dev-server";
import { type FileChange, type Manifest, writeJsonAtomic } from "./files";
import { freezeTree, thawTree } from "./freeze";
import {
  confinedCommand,
  createMemoryCgroup,
  grantWrite,
  type IsolationCapabilities,
  removeMemoryCgroup,
} from "./isolation";
import { LogBuffer } from "./log-buffer";
import { probeReady, warmUp } from "./probe";

const HMR_PATH = "/__vite_hmr";
/** Crashes within CRASH_WINDOW_MS after which the sandbox stays in `error` instead of restarting. */
const MAX_CRASHES = 4;
const CRASH_WINDOW_MS = 60_000;
const RESTART_BACKOFF_MS = [100, 500, 2000];
/** How long a started server may take to serve the page before the sandbox is in `error`. */
const READY_DEADLINE_MS = 60_000;

export interface SandboxSettings {
  caps: IsolationCapabilities;
  memoryMb: number;
}

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
  private crashes: number[] = [];
  private restartTimer: NodeJS.Timeout | undefined;
  private probing = 0;
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
  async confined(command: string[], cwd = this.appDir): Promise<string[]> {
    const procs = await createMemoryCgroup(this.settings.caps, this.dirName, this.settings.memoryMb);
    return confinedCommand(
      this.settings.caps,
      { depsDir: this.deps.dir, sandboxesDir: this.deps.sandboxesDir, sandboxDir: this.dir, cwd },
      command,
      procs ?? undefined,
    );
  }

  /** Only what a sandboxed process needs: never the studio's own environment (it holds secrets). */
  childEnv(extra: Record<string, string> = {}): Record<string, string> {
    return {
      PATH: `${this.deps.binDir}:/usr/local/bin:/usr/bin:/bin`,
      HOME: this.settings.caps.bwrap ? "/tmp" : this.dir,
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

  nodeFlags(): string[] {
    const heap = Math.max(96, Math.floor(this.settings.memoryMb * 0.5));
    return ["--expose-gc", `--max-old-space-size=${heap}`, "--max-semi-space-size=1"];
  }

  /** What the launcher is told (PAGECRAFT_DEV_SERVER). */
  private launchConfig() {
    const useSocket = Boolean(this.settings.caps.bwrap);
    return {
      root: this.appDir,
      cacheDir: this.cacheDir,
      hmrPath: HMR_PATH,
      ...(useSocket ? { socketPath: path.join(this.runDir, "dev.sock") } : { port: 0 }),
    };
  }

  /**
   * Pre-bundles the dependencies into Vite's cache in a process of its own that then exits (the
   * launcher's "optimizeOnly"), unless the cache holds them already. A dev server that bundles
   * them itself keeps ~15 MB more for its whole life; pooled servers start in the background,
   * where this costs no one a wait, so they start from a filled cache.
   */
  async prebundle(timeoutMs = 60_000): Promise<void> {
    if (existsSync(path.join(this.cacheDir, "deps", "_metadata.json"))) return;
    const started = performance.now();
    const argv = await this.confined(["node", ...this.nodeFlags(), this.deps.launcher]);
    const run = new DevServerProcess({
      argv,
      env: this.childEnv({
        PAGECRAFT_DEV_SERVER: JSON.stringify({ ...this.launchConfig(), optimizeOnly: true }),
      }),
      logs: this.logs,
    });
    const timer = setTimeout(() => void run.stop(), timeoutMs);
    await run.exited;
    clearTimeout(timer);
    const ms = Math.round(performance.now() - started);
    this.logs.system(
      run.child.exitCode === 0
        ? `dependencies pre-bundled in ${ms} ms`
        : `pre-bundling the dependencies failed after ${ms} ms (the dev server bundles them itself)`,
    );
  }

  /** Starts the dev server (if not running); the status moves to ready once the page serves. */
  async start() {
    if (this.server?.running) return;
    this.stopped = false;
    clearTimeout(this.restartTimer);
    this.setStatus("booting");
    const argv = await this.confined(["node", ...this.nodeFlags(), this.deps.launcher]);
    const server = new DevServerProcess({
      argv,
      env: this.childEnv({ PAGECRAFT_DEV_SERVER: JSON.stringify(this.launchConfig()) }),
      logs: this.logs,
    });
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
      if (!expected && !this.stopped) this.onCrash();
    });
    await this.persist();
  }

  private onCrash() {
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < CRASH_WINDOW_MS), now];
    const stderr = this.logs.tail("stderr", 12).join("\n");
    if (this.crashes.length >= MAX_CRASHES) {
      this.setStatus(
        "error",
        `The dev server crashed ${this.crashes.length} times in a minute and was not restarted.${stderr ? `\n${stderr}` : ""}`,
      );
      return;
    }
    const delay = RESTART_BACKOFF_MS[Math.min(this.crashes.length - 1, RESTART_BACKOFF_MS.length - 1)];
    this.logs.system(`restarting the dev server in ${delay} ms`);
    this.setStatus("booting");
    this.restartTimer = setTimeout(
      () => void this.start().catch((e) => this.setStatus("error", String(e))),
      delay,
    );
  }

  /** Probes readiness until it passes or the deadline does (retrying as compiles settle). */
  async probe(server = this.server) {
    if (!server?.endpoint) return;
    const run = ++this.probing;
    const deadline = Date.now() + READY_DEADLINE_MS;
    const probeStarted = performance.now();
    let delay = 50;
    for (;;) {
      if (run !== this.probing || this.server !== server || !server.endpoint) return;
      const result = await probeReady(server.endpoint);
      if (run !== this.probing || this.server !== server) return;
      if (!result.problem) {
        if (!this.metadata && !this.warm && server.endpoint) {
          await warmUp(server.endpoint, result.main ?? "");
          this.warm = true;
        }
        if (this.status !== "ready")
          this.logs.system(`ready (probe ${Math.round(performance.now() - probeStarted)} ms)`);
        this.setStatus("ready");
        return;
      }
      if (Date.now() > deadline) {
        this.setStatus("error", `The preview did not become ready: ${result.problem}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 1000);
    }
  }

  /** Stops the dev server and keeps the folder (pause, or the studio shutting down). */
  async stop() {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    this.probing++;
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
    clearTimeout(this.restartTimer);
    this.probing++; // a probe in flight would only time out against a frozen server
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
