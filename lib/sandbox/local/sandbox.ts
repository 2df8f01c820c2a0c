// One local sandbox: its folder (`app/` the project and Vite root, `cache/` Vite's cache, `run/`
// the dev server's socket, `state.json`), its dev-server process with crash restarts, its status
// and its logs.
import { EventEmitter } from "node:events";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import type { SandboxInfo, SandboxMetadata, SandboxStatus } from "../types";
import type { DepsFolder } from "./deps";
import { type DevServerEndpoint, DevServerProcess } from "./dev-server";
import { type Manifest, writeJsonAtomic } from "./files";
import {
  confinedCommand,
  createMemoryCgroup,
  grantWrite,
  type IsolationCapabilities,
  removeMemoryCgroup,
} from "./isolation";
import { LogBuffer } from "./log-buffer";
import { probeReady, warmUp } from "./probe";

export const HMR_PATH = "/__vite_hmr";
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
      ...extra,
    };
  }

  nodeFlags(): string[] {
    const heap = Math.max(96, Math.floor(this.settings.memoryMb * 0.5));
    return ["--expose-gc", `--max-old-space-size=${heap}`, "--max-semi-space-size=1"];
  }

  /** Starts the dev server (if not running); the status moves to ready once the page serves. */
  async start() {
    if (this.server?.running) return;
    this.stopped = false;
    clearTimeout(this.restartTimer);
    this.setStatus("booting");
    const useSocket = Boolean(this.settings.caps.bwrap);
    const launch = {
      root: this.appDir,
      cacheDir: this.cacheDir,
      hmrPath: HMR_PATH,
      ...(useSocket ? { socketPath: path.join(this.runDir, "dev.sock") } : { port: 0 }),
    };
    const argv = await this.confined(["node", ...this.nodeFlags(), this.deps.launcher]);
    const server = new DevServerProcess({
      argv,
      env: this.childEnv({ PAGECRAFT_DEV_SERVER: JSON.stringify(launch) }),
      logs: this.logs,
    });
    this.server = server;
    this.logs.system(`dev server starting (pid ${server.pid ?? "?"})`);
    server.on("listening", () => void this.probe(server));
    server.on("exit", ({ code, signal, expected }) => {
      if (this.server !== server) return;
      this.logs.system(`dev server exited (${signal ?? `code ${code}`})`);
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
    const server = this.server;
    this.server = null;
    await server?.stop();
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
