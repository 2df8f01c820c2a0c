// The local sandbox driver: one Vite dev server per project on this machine, confined with
// bubblewrap when available (see isolation.ts), sharing one dependency install (deps.ts), with a
// warm pool of pre-started servers that new and resumed previews claim (pool.ts). Pausing freezes
// a dev server, and later or past PREVIEW_MAX_FROZEN stops it (pausing.ts); a studio restart
// finds its sandboxes paused (recovery.ts); one-off commands run confined (run-command.ts).
import { AppError, notFound } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { log } from "@/lib/log";
import { templateIdSchema } from "@/lib/templates/registry";
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
import { takeOverPooled, untilQuiet } from "./claim";
import { type DepsFolder, ensureDeps } from "./deps";
import type { DevServerEndpoint } from "./dev-server";
import { applyFileChanges } from "./files";
import {
  detectIsolation,
  type IsolationCapabilities,
  isolationSummary,
  removeStaleCgroups,
} from "./isolation";
import { type LocalProviderOptions, type ResolvedProviderOptions, resolveProviderOptions } from "./options";
import {
  isLive,
  pauseIdle,
  pauseSandbox,
  resumePaused,
  stopFrozenOlderThan,
  sweepIntervalMs,
} from "./pausing";
import { WarmPool } from "./pool";
import { recoverSandboxes } from "./recovery";
import { runInSandbox } from "./run-command";
import { LocalSandbox } from "./sandbox";

export class LocalSandboxProvider implements SandboxProvider {
  readonly driver = "local" as const;
  readonly root: string;
  readonly caps: IsolationCapabilities;
  private readonly sandboxes = new Map<string, LocalSandbox>();
  private readonly pool: WarmPool;
  private readonly options: ResolvedProviderOptions;
  private sweeper: NodeJS.Timeout | undefined;
  private initialized: Promise<void> | null = null;
  private closed = false;

  constructor(options: LocalProviderOptions = {}) {
    this.options = resolveProviderOptions(options);
    this.root = this.options.root;
    this.caps = { ...detectIsolation(), ...options.isolation };
    this.pool = new WarmPool({
      size: this.options.poolSize,
      templateId: this.options.poolTemplateId,
      deps: () => this.deps(this.options.poolTemplateId),
      settings: this.settings(),
    });
  }

  /** Isolation in effect, for health pages and tests. */
  get isolation() {
    return isolationSummary(this.caps);
  }

  /**
   * Loads what a previous run left (its sandboxes come back paused; its dev servers and pooled
   * folders are cleaned up), starts the idle sweep and fills the pool. Idempotent.
   */
  init(): Promise<void> {
    this.initialized ??= (async () => {
      await recoverSandboxes(
        this.root,
        this.sandboxes,
        (templateId) => this.deps(templateId),
        this.settings(),
      );
      await removeStaleCgroups(this.caps, new Set([...this.sandboxes.values()].map((s) => s.dirName)));
      this.sweeper = setInterval(
        () =>
          void pauseIdle(this.sandboxes.values(), this.options.idleMinutes, (id) => this.pause(id))
            .then(() => this.stopFrozen())
            .catch((error) => log.warn("stopping frozen previews failed", { error })),
        sweepIntervalMs(this.options),
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
      (s) => s.id !== except && s.metadata?.workspaceId === metadata.workspaceId && isLive(s),
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

  /** A pooled server becomes the sandbox `id` (claim.ts), registered under that id meanwhile. */
  private async adopt(
    pooled: LocalSandbox,
    id: string,
    metadata: SandboxMetadata,
    templateId: string,
    files: SandboxFile[] | Promise<SandboxFile[]>,
  ): Promise<LocalSandbox> {
    const taken = takeOverPooled(pooled, { id, metadata, templateId, files });
    this.sandboxes.set(id, pooled);
    try {
      await taken;
    } catch (error) {
      this.sandboxes.delete(id);
      await pooled.destroy();
      throw error;
    }
    await pooled.persist();
    // Refill once this one is ready and its first page load is over.
    void untilQuiet(pooled, () => this.closed).then(() => this.pool.refill());
    return pooled;
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
    return resumePaused(
      sandbox,
      () => this.pool.claim(sandbox.deps),
      (pooled, files) => this.adopt(pooled, id, sandbox.metadata!, sandbox.templateId, files),
    );
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
    return runInSandbox(sandbox, command, args, options);
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
   * PREVIEW_FREEZE_MINUTES, and freezing more than PREVIEW_MAX_FROZEN stops the longest-frozen),
   * any other is stopped (folder and Vite cache kept).
   */
  async pause(id: string): Promise<void> {
    await pauseSandbox(this.get(id), this.sandboxes.values(), this.options);
  }

  /**
   * The second tier of pausing: dev servers frozen for `olderThanMs` (PREVIEW_FREEZE_MINUTES) are
   * stopped, which gives their memory back. Run by the idle sweep; returns the sandboxes stopped.
   */
  async stopFrozen(olderThanMs = this.options.freezeMinutes * 60_000): Promise<string[]> {
    return stopFrozenOlderThan(this.sandboxes.values(), olderThanMs);
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
