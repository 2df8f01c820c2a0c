// The local sandbox driver: one Vite dev server per project on this machine, confined with
// bubblewrap when available (see isolation.ts), sharing one dependency install (deps.ts), with a
// warm pool of pre-started servers that new and resumed previews claim (pool.ts). Pausing freezes
// a dev server (resume: milliseconds); after PREVIEW_FREEZE_MINUTES frozen it is stopped (resume:
// a pooled server takes the project's files).
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { env, sandboxDir } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { log } from "@/lib/log";
import { templateIdSchema } from "@/lib/templates/registry";
import { localPreviewUrl } from "../preview-origin";
import type {
  CommandResult,
  CreateSandboxOptions,
  LogEntry,
  RunCommandOptions,
  SandboxFile,
  SandboxInfo,
  SandboxMetadata,
  SandboxProvider,
  SandboxUpstream,
} from "../types";
import { type DepsFolder, ensureDeps } from "./deps";
import { type DevServerEndpoint, killTree } from "./dev-server";
import { applyFileChanges, diffAgainst, readManifest, readProjectFiles } from "./files";
import { detectIsolation, type IsolationCapabilities, removeStaleCgroups } from "./isolation";
import { WarmPool } from "./pool";
import { LocalSandbox, type PersistedSandbox } from "./sandbox";

export interface LocalProviderOptions {
  /** Root folder (deps and sandboxes). Default: SANDBOX_DIR. */
  root?: string;
  poolSize?: number;
  /** The neutral template pooled servers start from. */
  poolTemplateId?: string;
  idleMinutes?: number;
  /** Minutes a paused sandbox stays frozen before its dev server is stopped (0: stop at once). */
  freezeMinutes?: number;
  maxPerWorkspace?: number;
  memoryMb?: number;
  /** The browser-facing URL of a sandbox (the preview gateway's origin for it). */
  previewUrl?: (id: string) => string;
  /** Override what isolation is used (tests, or to force running without bwrap). */
  isolation?: Partial<IsolationCapabilities>;
}

const LIVE = new Set(["booting", "ready", "error"]);
/** How long resuming a frozen sandbox waits for its probe before answering (booting, then). */
const THAW_READY_MS = 3000;

export class LocalSandboxProvider implements SandboxProvider {
  readonly driver = "local" as const;
  readonly root: string;
  readonly caps: IsolationCapabilities;
  private readonly sandboxes = new Map<string, LocalSandbox>();
  private readonly pool: WarmPool;
  private readonly options: Required<Omit<LocalProviderOptions, "isolation" | "root">>;
  private sweeper: NodeJS.Timeout | undefined;
  private initialized: Promise<void> | null = null;
  private closed = false;

  constructor(options: LocalProviderOptions = {}) {
    this.root = path.resolve(options.root ?? sandboxDir);
    this.caps = { ...detectIsolation(), ...options.isolation };
    this.options = {
      poolSize: options.poolSize ?? env.PREVIEW_POOL_SIZE,
      poolTemplateId: options.poolTemplateId ?? "blank",
      idleMinutes: options.idleMinutes ?? env.PREVIEW_IDLE_MINUTES,
      freezeMinutes: options.freezeMinutes ?? env.PREVIEW_FREEZE_MINUTES,
      maxPerWorkspace: options.maxPerWorkspace ?? env.PREVIEW_MAX_PER_WORKSPACE,
      memoryMb: options.memoryMb ?? env.PREVIEW_MEMORY_MB,
      previewUrl: options.previewUrl ?? localPreviewUrl,
    };
    this.pool = new WarmPool({
      size: this.options.poolSize,
      templateId: this.options.poolTemplateId,
      deps: () => this.deps(this.options.poolTemplateId),
      settings: this.settings(),
    });
  }

  /** Isolation in effect, for health pages and tests. */
  get isolation() {
    return {
      sandboxed: Boolean(this.caps.bwrap),
      unprivileged: Boolean(this.caps.bwrap) && (!this.caps.root || Boolean(this.caps.setpriv)),
      network: this.caps.bwrap ? ("none" as const) : ("host" as const),
      memoryLimit: this.caps.cgroup
        ? (`cgroup v${this.caps.cgroup.version}` as const)
        : ("heap only" as const),
    };
  }

  /**
   * Loads what a previous run left (its sandboxes come back paused; its dev servers and pooled
   * folders are cleaned up), starts the idle sweep and fills the pool. Idempotent.
   */
  init(): Promise<void> {
    this.initialized ??= (async () => {
      await this.recover();
      await removeStaleCgroups(this.caps, new Set([...this.sandboxes.values()].map((s) => s.dirName)));
      const sweepMs = Math.min(
        60_000,
        Math.max(1000, Math.min(this.options.idleMinutes, this.options.freezeMinutes || Infinity) * 60_000) /
          4,
      );
      this.sweeper = setInterval(
        () =>
          void this.pauseIdle()
            .then(() => this.stopFrozen())
            .catch((error) => log.warn("stopping frozen previews failed", { error })),
        sweepMs,
      );
      this.sweeper.unref();
      this.pool.refill();
    })();
    return this.initialized;
  }

  private settings() {
    return { caps: this.caps, memoryMb: this.options.memoryMb };
  }

  private async deps(templateId: string): Promise<DepsFolder> {
    return ensureDeps(this.root, templateId, (line) => log.debug("sandbox deps install", { line }));
  }

  private get(id: string): LocalSandbox {
    const sandbox = this.sandboxes.get(id);
    if (!sandbox) throw notFound("sandbox", "preview");
    return sandbox;
  }

  private assertCapacity(metadata: SandboxMetadata, except?: string) {
    const live = [...this.sandboxes.values()].filter(
      (s) => s.id !== except && s.metadata?.workspaceId === metadata.workspaceId && LIVE.has(s.status),
    ).length;
    if (live >= this.options.maxPerWorkspace)
      throw new AppError(
        "rate_limit:previews",
        `This workspace already has ${live} live previews (the limit is ${this.options.maxPerWorkspace}). Close one, or wait for an idle one to pause.`,
      );
  }

  async create(options: CreateSandboxOptions): Promise<SandboxInfo> {
    await this.init();
    if (!templateIdSchema.safeParse(options.templateId).success)
      throw new AppError("validation:sandbox_template", `Unknown template "${options.templateId}".`);
    this.assertCapacity(options.metadata);
    const deps = await this.deps(options.templateId);
    const claimed = this.pool.claim(deps);
    if (claimed) {
      const sandbox = await this.adopt(claimed, newId(), options.metadata, options.templateId, options.files);
      return sandbox.info();
    }
    const id = newId();
    const sandbox = new LocalSandbox(id, options.metadata, options.templateId, deps, id, this.settings());
    this.sandboxes.set(id, sandbox);
    await sandbox.prepareFolders();
    await applyFileChanges(sandbox.appDir, sandbox.manifest, { write: options.files, delete: [] });
    await sandbox.start();
    this.pool.refill();
    return sandbox.info();
  }

  /**
   * Turns a pooled server into the sandbox `id`: its files become `files` (only those that differ
   * from the pooled template's are written), and it hot-reloads. `files` may still be being read:
   * the server is told to hold its reactions meanwhile.
   */
  private async adopt(
    pooled: LocalSandbox,
    id: string,
    metadata: SandboxMetadata,
    templateId: string,
    files: SandboxFile[] | Promise<SandboxFile[]>,
  ): Promise<LocalSandbox> {
    pooled.id = id;
    pooled.metadata = metadata;
    pooled.templateId = templateId;
    pooled.lastActivity = Date.now();
    this.sandboxes.set(id, pooled);
    try {
      const started = performance.now();
      const [wanted] = await Promise.all([files, pooled.server?.hold()]);
      const changes = await applyFileChanges(
        pooled.appDir,
        pooled.manifest,
        diffAgainst(pooled.manifest, wanted),
      );
      const written = performance.now();
      await pooled.server?.sync(changes, { bulk: true });
      pooled.logs.system(
        `claimed from the warm pool for project ${metadata.projectId} (${changes.length} files written in ${Math.round(written - started)} ms, taken in by the dev server in ${Math.round(performance.now() - written)} ms)`,
      );
      pooled.setStatus("booting");
      void pooled.probe();
    } catch (error) {
      this.sandboxes.delete(id);
      await pooled.destroy();
      throw error;
    }
    await pooled.persist();
    // Refill once this one is ready and its first page load is over: a server starting meanwhile
    // would take the CPU that load compiles with (two cores).
    void this.quiet(pooled).then(() => this.pool.refill());
    return pooled;
  }

  /** Resolves once `sandbox` is ready and no request reached it for `quietMs` (at most `maxMs`). */
  private async quiet(sandbox: LocalSandbox, quietMs = 1000, maxMs = 10_000): Promise<void> {
    const deadline = Date.now() + maxMs;
    await sandbox.settled(maxMs);
    while (!this.closed && Date.now() < deadline && Date.now() - sandbox.lastActivity < quietMs)
      await new Promise((resolve) => setTimeout(resolve, 100));
  }

  /** Resolves when the pool is full (tests and the benchmark start from a warm pool). */
  async warmPool(): Promise<void> {
    await this.init();
    await this.pool.full();
  }

  async resume(id: string): Promise<SandboxInfo> {
    await this.init();
    const sandbox = this.get(id);
    sandbox.lastActivity = Date.now();
    if (sandbox.status !== "paused" && sandbox.status !== "stopped") {
      if (sandbox.status === "error" && !sandbox.server?.running) await sandbox.start();
      return sandbox.info();
    }
    if (sandbox.metadata) this.assertCapacity(sandbox.metadata, id);
    if (sandbox.frozenAt !== null) {
      await sandbox.thaw();
      // Everything is compiled already: the probe passes in milliseconds, so answer ready.
      return sandbox.settled(THAW_READY_MS);
    }
    const pooled = this.pool.claim(sandbox.deps);
    if (pooled) {
      // The paused folder's files move into a warm server; the folder itself goes.
      const files = readProjectFiles(sandbox.appDir, sandbox.manifest);
      const resumed = await this.adopt(pooled, id, sandbox.metadata!, sandbox.templateId, files);
      resumed.logs.system(`resumed (was paused since ${sandbox.since})`);
      void sandbox.destroy();
      return resumed.info();
    }
    sandbox.logs.system("resuming: restarting the dev server with its Vite cache");
    await sandbox.start();
    return sandbox.info();
  }

  async writeFiles(id: string, changes: { write: SandboxFile[]; delete: string[] }): Promise<void> {
    const sandbox = this.get(id);
    sandbox.lastActivity = Date.now();
    const applied = await applyFileChanges(sandbox.appDir, sandbox.manifest, changes);
    if (applied.length === 0) return;
    sandbox.logs.system(`wrote ${applied.length} file(s)`);
    // A frozen server cannot answer: it is told when it thaws.
    if (sandbox.frozenAt !== null) return sandbox.noteWrittenWhileFrozen(applied);
    await sandbox.server?.sync(applied);
    // A page that failed to compile may compile now.
    if (sandbox.status === "error" && sandbox.server?.running) void sandbox.probe();
  }

  async runCommand(
    id: string,
    command: string,
    args: string[],
    options: RunCommandOptions = {},
  ): Promise<CommandResult> {
    const sandbox = this.get(id);
    sandbox.lastActivity = Date.now();
    const cwd = options.cwd ? path.resolve(sandbox.appDir, options.cwd) : sandbox.appDir;
    if (cwd !== sandbox.dir && !cwd.startsWith(`${sandbox.dir}${path.sep}`))
      throw new AppError("validation:sandbox_cwd", "The working directory must be inside the sandbox.");
    const argv = await sandbox.confined([command, ...args], cwd);
    const started = performance.now();
    return new Promise<CommandResult>((resolve, reject) => {
      const child = spawn(argv[0], argv.slice(1), {
        cwd,
        env: sandbox.childEnv(options.env) as NodeJS.ProcessEnv,
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      });
      let stdout = "";
      let stderr = "";
      let timedOut = false;
      child.stdout.on("data", (chunk: Buffer) => {
        const text = chunk.toString("utf8");
        stdout += text;
        options.onStdout?.(text);
      });
      child.stderr.on("data", (chunk: Buffer) => {
        const text = chunk.toString("utf8");
        stderr += text;
        options.onStderr?.(text);
      });
      const timer = setTimeout(() => {
        timedOut = true;
        killTree(child);
      }, options.timeoutMs ?? 120_000);
      const abort = () => killTree(child);
      options.signal?.addEventListener("abort", abort, { once: true });
      child.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        options.signal?.removeEventListener("abort", abort);
        if (timedOut) stderr += `\n[sandbox] timed out after ${options.timeoutMs ?? 120_000} ms`;
        const exitCode = timedOut ? 124 : (code ?? (signal ? 128 + 9 : 1));
        sandbox.logs.system(`$ ${command} ${args.join(" ")} → exit ${exitCode}`);
        resolve({ exitCode, stdout, stderr, durationMs: Math.round(performance.now() - started) });
      });
    });
  }

  async previewUrl(id: string, port?: number): Promise<string> {
    this.get(id);
    if (port !== undefined)
      throw new AppError("bad_request:sandbox_port", "Local previews expose only their dev server.");
    return this.options.previewUrl(id);
  }

  async logs(id: string, options?: { since?: string; limit?: number }): Promise<LogEntry[]> {
    return this.get(id).logs.list(options);
  }

  /**
   * Pauses: a ready dev server is frozen (resume in milliseconds; `stopFrozen` stops it after
   * PREVIEW_FREEZE_MINUTES), any other is stopped (folder and Vite cache kept).
   */
  async pause(id: string): Promise<void> {
    const sandbox = this.get(id);
    if (sandbox.status === "paused") return;
    const minutes = this.options.freezeMinutes;
    if (minutes > 0 && sandbox.status === "ready" && (await sandbox.freeze())) {
      sandbox.logs.system(`paused (dev server frozen; stopped if still paused in ${minutes} min)`);
    } else {
      await sandbox.stop();
      sandbox.logs.system("paused (dev server stopped; folder and Vite cache kept)");
    }
    sandbox.setStatus("paused");
    await sandbox.persist();
  }

  /**
   * The second tier of pausing: dev servers frozen for `olderThanMs` (PREVIEW_FREEZE_MINUTES) are
   * stopped, which gives their memory back. Run by the idle sweep; returns the sandboxes stopped.
   */
  async stopFrozen(olderThanMs = this.options.freezeMinutes * 60_000): Promise<string[]> {
    const cutoff = Date.now() - olderThanMs;
    const stopped: string[] = [];
    for (const sandbox of this.sandboxes.values()) {
      if (sandbox.status !== "paused" || sandbox.frozenAt === null || sandbox.frozenAt > cutoff) continue;
      const minutes = Math.round((Date.now() - sandbox.frozenAt) / 60_000);
      await sandbox.stop();
      sandbox.logs.system(`dev server stopped after ${minutes} min frozen (folder and Vite cache kept)`);
      await sandbox.persist();
      stopped.push(sandbox.id);
    }
    return stopped;
  }

  async kill(id: string): Promise<void> {
    const sandbox = this.sandboxes.get(id);
    if (!sandbox) return;
    this.sandboxes.delete(id);
    sandbox.setStatus("stopped");
    await sandbox.destroy();
  }

  async status(id: string): Promise<SandboxInfo | null> {
    return this.sandboxes.get(id)?.info() ?? null;
  }

  async list(filter: Partial<SandboxMetadata> = {}): Promise<SandboxInfo[]> {
    return [...this.sandboxes.values()]
      .filter(
        (s) =>
          s.metadata &&
          (!filter.workspaceId || s.metadata.workspaceId === filter.workspaceId) &&
          (!filter.projectId || s.metadata.projectId === filter.projectId),
      )
      .map((s) => s.info());
  }

  async waitUntilReady(id: string, timeoutMs = 30_000): Promise<SandboxInfo> {
    return this.get(id).settled(timeoutMs);
  }

  /** Someone is viewing: the idle sweep leaves the sandbox running for at least `ms` more. */
  async keepAlive(id: string, ms = 0): Promise<void> {
    const sandbox = this.get(id);
    sandbox.lastActivity = Math.max(Date.now(), Date.now() + ms - this.options.idleMinutes * 60_000);
  }

  /** Where the gateway connects for this sandbox's dev server (null when it is not serving). */
  endpoint(id: string): DevServerEndpoint | null {
    const sandbox = this.sandboxes.get(id);
    // Paused includes frozen: its server still "runs" but would never answer.
    if (!sandbox?.endpoint || !sandbox.server?.running || sandbox.status === "paused") return null;
    sandbox.lastActivity = Date.now();
    return sandbox.endpoint;
  }

  /** For the preview gateway: the dev server's socket or loopback port (counts as activity). */
  async upstream(id: string): Promise<SandboxUpstream | null> {
    await this.init();
    const endpoint = this.endpoint(id);
    return endpoint && { kind: "local", ...endpoint };
  }

  /** The dev server's process id, as seen from the host (tests crash it on purpose). */
  devServerPid(id: string): number | undefined {
    return this.sandboxes.get(id)?.server?.pid;
  }

  private async pauseIdle() {
    const cutoff = Date.now() - this.options.idleMinutes * 60_000;
    for (const sandbox of this.sandboxes.values()) {
      if (LIVE.has(sandbox.status) && sandbox.lastActivity < cutoff) {
        log.info("pausing an idle preview", { sandboxId: sandbox.id });
        await this.pause(sandbox.id).catch((error) => log.warn("pausing failed", { error }));
      }
    }
  }

  /** Reads the sandboxes a previous run left: live ones become paused, pooled folders go. */
  private async recover() {
    const depsRoot = path.join(this.root, "deps");
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
        if (!state?.metadata || this.sandboxes.has(state.id)) {
          await rm(dir, { recursive: true, force: true });
          continue;
        }
        const deps = await this.deps(state.templateId);
        if (deps.hash !== hash) {
          await rm(dir, { recursive: true, force: true }); // dependencies changed: the preview is recreated
          continue;
        }
        const sandbox = new LocalSandbox(
          state.id,
          state.metadata,
          state.templateId,
          deps,
          dirName,
          this.settings(),
        );
        sandbox.manifest = await readManifest(sandbox.appDir);
        sandbox.lastActivity = state.lastActivity;
        sandbox.setStatus("paused");
        sandbox.logs.system("recovered after a studio restart (paused)");
        this.sandboxes.set(state.id, sandbox);
        await sandbox.persist();
      }
    }
  }

  /** Stops every dev server (sandboxes stay on disk, paused on the next start); removes the pool. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweeper);
    await this.pool.close();
    await Promise.all(
      [...this.sandboxes.values()].map(async (s) => {
        await s.stop();
        if (s.status !== "paused") s.setStatus("paused");
        await s.persist();
      }),
    );
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
