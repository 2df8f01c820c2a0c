// The E2B driver: one E2B sandbox per preview, from a template with the preview dependencies baked
// in (sandbox-template/), so boot is: write the project's files, start the dev server. Public
// traffic is restricted: the sandbox's URL answers only requests carrying its traffic access token
// (the `e2b-traffic-access-token` header, which a browser's iframe cannot send), so browsers reach
// previews through our preview gateway, which adds it (see `upstream`) and never passes it on.
// While someone views, `keepAlive` extends the sandbox's timeout; when nobody does, the timeout
// lapses and E2B pauses it (lifecycle onTimeout: pause); `resume` reconnects, which restores it
// with its processes running.
//
// Any instance may be asked about any sandbox: on Vercel the invocation that created a sandbox is
// rarely the one that later pauses it (the idle sweep is an Inngest function) or keeps it alive
// (an editor's heartbeat), so `pause` and `keepAlive` go to E2B by id, never through `entries`,
// and `status` asks E2B about the sandbox by id (answers shared for a few seconds: e2b/status.ts).
//
// This file is the provider's bookkeeping; the jobs live in e2b/: what an instance remembers
// (entry.ts), the dev server and its probes (dev-server.ts), files (files.ts), commands
// (commands.ts), E2B's answers about one sandbox (status.ts, lookup-cache.ts). The SDK seam is
// e2b-client.ts.
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { runProjectCommand } from "./e2b/commands";
import { type DevServerContext, probeDevServer, startDevServer, waitForDevServer } from "./e2b/dev-server";
import {
  type Entry,
  entryInfo,
  isLive,
  metadataOf,
  newEntry,
  setEntryStatus,
  summaryInfo,
} from "./e2b/entry";
import { writeProjectFiles } from "./e2b/files";
import { accessHeaders, E2B_LAYOUT, sandboxBaseUrl } from "./e2b/layout";
import { LookupCache } from "./e2b/lookup-cache";
import { type PreviewState, previewStateCache, reconcileEntry, STATUS_TTL_MS } from "./e2b/status";
import { createE2BSdkClient, type E2BClient, type E2BSandboxHandle } from "./e2b-client";
import { localPreviewUrl } from "./preview-origin";
import type {
  CommandResult,
  CreateSandboxOptions,
  LogEntry,
  RemoteSandboxUpstream,
  RunCommandOptions,
  SandboxFile,
  SandboxInfo,
  SandboxMetadata,
  SandboxProvider,
} from "./types";

export { E2B_LAYOUT, E2B_TRAFFIC_TOKEN_HEADER } from "./e2b/layout";

/** How long the gateway reuses what connecting by id told it (host, token) before asking again. */
const ATTACHED_TTL_MS = 5 * 60_000;

export interface E2BProviderOptions {
  apiKey?: string;
  client?: E2BClient;
  templateId: string;
  /** The sandbox timeout while nobody extends it (then E2B pauses it). Default: 10 minutes. */
  idleTimeoutMs?: number;
  /** How long `status` reuses E2B's answer about a sandbox. Default: 3 seconds. */
  statusTtlMs?: number;
  /** For readiness probes through the sandbox's public URL (tests pass one that reaches the fake). */
  fetch?: typeof fetch;
  /** `https` for E2B; the fake serves plain HTTP. */
  protocol?: "https" | "http";
  previewUrl?: (id: string) => string;
  /** The origin the preview's error reporter posts to (default: APP_URL's). */
  studioOrigin?: string;
}

export class E2BSandboxProvider implements SandboxProvider {
  readonly driver = "e2b" as const;
  private readonly client: E2BClient;
  private readonly entries = new Map<string, Entry>();
  /** Sandboxes this instance did not create or resume but the gateway asked about (`upstream`). */
  private readonly attached: LookupCache<E2BSandboxHandle | null>;
  /** E2B's recent answers about single sandboxes, for `status`. */
  private readonly states: LookupCache<PreviewState>;
  private readonly idleTimeoutMs: number;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: E2BProviderOptions) {
    if (!options.client && !options.apiKey) throw new Error("The E2B driver needs E2B_API_KEY or a client.");
    this.client = options.client ?? createE2BSdkClient(options.apiKey!);
    this.idleTimeoutMs = options.idleTimeoutMs ?? 10 * 60_000;
    this.fetch = options.fetch ?? fetch;
    this.states = previewStateCache(this.client, options.statusTtlMs ?? STATUS_TTL_MS);
    this.attached = new LookupCache({
      ttlMs: ATTACHED_TTL_MS,
      lookup: (id) => this.client.connect(id, { timeoutMs: this.idleTimeoutMs }).catch(() => null),
      // A failure is not remembered: the next request asks again.
      remember: (handle) => handle !== null,
    });
  }

  private entry(id: string): Entry {
    const entry = this.entries.get(id);
    if (!entry) throw notFound("sandbox", "preview");
    return entry;
  }

  private devServer(id: string, entry: Entry): DevServerContext {
    return {
      studioOrigin: this.options.studioOrigin ?? new URL(env.APP_URL).origin,
      isCurrent: () => this.entries.get(id) === entry,
    };
  }

  private get probing() {
    return { protocol: this.options.protocol, fetch: this.fetch };
  }

  async create(options: CreateSandboxOptions): Promise<SandboxInfo> {
    const handle = await this.client.create(this.options.templateId, {
      metadata: { ...options.metadata, pagecraft: "preview", template: options.templateId },
      timeoutMs: this.idleTimeoutMs,
      allowPublicTraffic: false,
    });
    const entry = newEntry(handle, options.metadata);
    this.entries.set(handle.sandboxId, entry);
    try {
      await this.writeFiles(handle.sandboxId, { write: options.files, delete: [] });
      await startDevServer(entry, this.devServer(handle.sandboxId, entry));
    } catch (error) {
      this.entries.delete(handle.sandboxId);
      await handle.kill().catch(() => {});
      throw error;
    }
    return entryInfo(handle.sandboxId, entry);
  }

  async resume(id: string): Promise<SandboxInfo> {
    let entry = this.entries.get(id);
    const handle = await this.client.connect(id, { timeoutMs: this.idleTimeoutMs }).catch(() => null);
    // What E2B said before connecting (paused, say) is outdated now.
    this.states.forget(id);
    if (!handle) {
      this.entries.delete(id);
      throw notFound("sandbox", "preview");
    }
    if (!entry) {
      entry = newEntry(handle, metadataOf(await this.states.get(id).value));
      this.entries.set(id, entry);
    }
    entry.handle = handle;
    entry.logs.system("resumed");
    setEntryStatus(entry, "booting");
    // A memory snapshot brings the dev server back running; if it is not, start it.
    if (!(await probeDevServer(entry, this.probing)).ok)
      await startDevServer(entry, this.devServer(id, entry));
    return entryInfo(id, entry);
  }

  async writeFiles(id: string, changes: { write: SandboxFile[]; delete: string[] }): Promise<void> {
    await writeProjectFiles(this.entry(id), changes);
  }

  async runCommand(
    id: string,
    command: string,
    args: string[],
    options: RunCommandOptions = {},
  ): Promise<CommandResult> {
    return runProjectCommand(this.entry(id), command, args, options);
  }

  async previewUrl(id: string, port?: number): Promise<string> {
    this.entry(id);
    if (port !== undefined && port !== E2B_LAYOUT.port)
      throw new AppError("bad_request:sandbox_port", "Previews expose only their dev server.");
    // The browser goes through our gateway, which adds the traffic token (the sandbox URL refuses it).
    return (this.options.previewUrl ?? localPreviewUrl)(id);
  }

  /**
   * For the preview gateway: the sandbox's own URL and the header that lets a request in. The
   * gateway may run in another process than the one that created the sandbox (the studio on
   * Vercel, `npm run preview:gateway` on a Node host): with no entry here, it connects by id, which
   * gives the host and the token (and, as a viewer should, extends a running sandbox's timeout),
   * and reuses that for a few minutes.
   */
  async upstream(id: string, port: number = E2B_LAYOUT.port): Promise<RemoteSandboxUpstream | null> {
    const entry = this.entries.get(id);
    if (entry?.status === "paused") return null;
    const handle = entry?.handle ?? (await this.attached.get(id).value);
    if (!handle) return null;
    return {
      kind: "remote",
      url: sandboxBaseUrl(handle, this.options.protocol, port),
      headers: accessHeaders(handle),
    };
  }

  async logs(id: string, options?: { since?: string; limit?: number }): Promise<LogEntry[]> {
    return this.entry(id).logs.list(options);
  }

  async pause(id: string): Promise<void> {
    this.attached.forget(id);
    const entry = this.entries.get(id);
    if (entry?.status === "paused") return;
    const before = entry ? { status: entry.status, error: entry.error } : null;
    // Marked first: the snapshot ends the dev server's command stream, which is not a crash.
    if (entry) setEntryStatus(entry, "paused");
    let outcome: Awaited<ReturnType<E2BClient["pause"]>>;
    try {
      outcome = await this.client.pause(id);
    } catch (error) {
      if (entry && before) setEntryStatus(entry, before.status, before.error);
      throw error;
    } finally {
      this.states.forget(id);
    }
    if (outcome === "not_found") {
      this.entries.delete(id);
      throw notFound("sandbox", "preview");
    }
    entry?.logs.system(outcome === "paused" ? "paused (E2B snapshot)" : "paused (E2B had paused it already)");
  }

  async kill(id: string): Promise<void> {
    this.attached.forget(id);
    const entry = this.entries.get(id);
    this.entries.delete(id);
    if (entry) {
      entry.status = "stopped";
      await entry.handle.kill().catch(() => {});
    } else await this.client.kill(id).catch(() => {});
    this.states.forget(id);
  }

  async status(id: string): Promise<SandboxInfo | null> {
    const entry = this.entries.get(id);
    if (!entry) {
      // Not held here: E2B's answer. Unreachable, it is an error (there is nothing to fall back
      // on); asked before this instance paused or killed the sandbox, it is asked again.
      const lookup = this.states.get(id);
      let answer = await lookup.value;
      if (lookup.forgotten) answer = await this.states.get(id).value;
      return answer && summaryInfo(answer);
    }
    if (!isLive(entry)) return entryInfo(id, entry);
    // A live entry may be stale (paused elsewhere, expired): ask E2B, so a paused preview is
    // resumed rather than trusted. Unreachable, keep what we know; and an answer to a question
    // asked before this instance itself paused, resumed or killed the sandbox is outdated.
    const lookup = this.states.get(id);
    const answer = await lookup.value.catch(() => undefined);
    if (!lookup.forgotten && this.entries.get(id) === entry && !reconcileEntry(entry, answer)) {
      this.entries.delete(id);
      return null;
    }
    return entryInfo(id, entry);
  }

  async list(filter: Partial<SandboxMetadata> = {}): Promise<SandboxInfo[]> {
    const query: Record<string, string> = { pagecraft: "preview" };
    if (filter.workspaceId) query.workspaceId = filter.workspaceId;
    if (filter.projectId) query.projectId = filter.projectId;
    const listed = await this.client.list(query);
    return listed.map((s) => {
      const entry = this.entries.get(s.sandboxId);
      return entry ? entryInfo(s.sandboxId, entry) : summaryInfo(s);
    });
  }

  async waitUntilReady(id: string, timeoutMs = 30_000): Promise<SandboxInfo> {
    const entry = this.entry(id);
    await waitForDevServer(entry, timeoutMs, this.probing);
    return entryInfo(id, entry);
  }

  /** Someone is viewing: keep the sandbox running for `ms` more (E2B's timeout, then it pauses). */
  async keepAlive(id: string, ms: number = this.idleTimeoutMs): Promise<void> {
    await this.client.setTimeout(id, ms);
  }
}

export function createE2BProvider(options: E2BProviderOptions): E2BSandboxProvider {
  return new E2BSandboxProvider(options);
}
