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
// (an editor's heartbeat), so `pause` and `keepAlive` go to E2B by id, never through `entries`.
//
// The dev server serves the studio's preview error reporter itself (the launcher's reporter
// plugin), so a page served by E2B carries the same script as one the local gateway serves.
import { createHash } from "node:crypto";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { devServerReporterEnv } from "@/lib/preview/gateway/client-script";
import { projectPathProblem } from "@/lib/versions/paths";
import {
  createE2BSdkClient,
  type E2BClient,
  type E2BCommandHandle,
  type E2BSandboxHandle,
} from "./e2b-client";
import { LogBuffer } from "./local/log-buffer";
import { mainModuleOf } from "./main-module";
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
  SandboxStatus,
} from "./types";

/** Paths inside the template image (sandbox-template/e2b.Dockerfile). */
export const E2B_LAYOUT = {
  home: "/home/user/pagecraft",
  app: "/home/user/pagecraft/app",
  cache: "/home/user/pagecraft/cache",
  launcher: "/home/user/pagecraft/launcher.mjs",
  port: 5173,
} as const;
const HMR_PATH = "/__vite_hmr";
const MAX_CRASHES = 4;
/** With public traffic off, E2B's proxy lets a request into the sandbox only with this header. */
export const E2B_TRAFFIC_TOKEN_HEADER = "e2b-traffic-access-token";
/** How long the gateway reuses what connecting by id told it (host, token) before asking again. */
const ATTACHED_TTL_MS = 5 * 60_000;
const MAX_ATTACHED = 1_000;

export interface E2BProviderOptions {
  apiKey?: string;
  client?: E2BClient;
  templateId: string;
  /** The sandbox timeout while nobody extends it (then E2B pauses it). Default: 10 minutes. */
  idleTimeoutMs?: number;
  /** For readiness probes through the sandbox's public URL (tests pass one that reaches the fake). */
  fetch?: typeof fetch;
  /** `https` for E2B; the fake serves plain HTTP. */
  protocol?: "https" | "http";
  previewUrl?: (id: string) => string;
  /** The origin the preview's error reporter posts to (default: APP_URL's). */
  studioOrigin?: string;
}

interface Entry {
  handle: E2BSandboxHandle;
  metadata: SandboxMetadata;
  status: SandboxStatus;
  since: string;
  error?: string;
  logs: LogBuffer;
  manifest: Map<string, string>;
  devServer?: E2BCommandHandle;
  crashes: number;
}

const shellQuote = (value: string) =>
  /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
const hashOf = (content: Uint8Array | string) => createHash("sha1").update(content).digest("hex");

export class E2BSandboxProvider implements SandboxProvider {
  readonly driver = "e2b" as const;
  private readonly client: E2BClient;
  private readonly entries = new Map<string, Entry>();
  /** Sandboxes this instance did not create or resume but the gateway asked about (`upstream`). */
  private readonly attached = new Map<string, { at: number; handle: Promise<E2BSandboxHandle | null> }>();
  private readonly idleTimeoutMs: number;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: E2BProviderOptions) {
    if (!options.client && !options.apiKey) throw new Error("The E2B driver needs E2B_API_KEY or a client.");
    this.client = options.client ?? createE2BSdkClient(options.apiKey!);
    this.idleTimeoutMs = options.idleTimeoutMs ?? 10 * 60_000;
    this.fetch = options.fetch ?? fetch;
  }

  private entry(id: string): Entry {
    const entry = this.entries.get(id);
    if (!entry) throw notFound("sandbox", "preview");
    return entry;
  }

  private info(id: string, entry: Entry): SandboxInfo {
    return {
      id,
      status: entry.status,
      metadata: entry.metadata,
      since: entry.since,
      ...(entry.error ? { error: entry.error } : {}),
    };
  }

  private setStatus(entry: Entry, status: SandboxStatus, error?: string) {
    if (entry.status === status && entry.error === error) return;
    entry.status = status;
    entry.error = error;
    entry.since = new Date().toISOString();
    if (error) entry.logs.system(`error: ${error}`);
  }

  async create(options: CreateSandboxOptions): Promise<SandboxInfo> {
    const handle = await this.client.create(this.options.templateId, {
      metadata: { ...options.metadata, pagecraft: "preview", template: options.templateId },
      timeoutMs: this.idleTimeoutMs,
      allowPublicTraffic: false,
    });
    const entry: Entry = {
      handle,
      metadata: options.metadata,
      status: "booting",
      since: new Date().toISOString(),
      logs: new LogBuffer(),
      manifest: new Map(),
      crashes: 0,
    };
    this.entries.set(handle.sandboxId, entry);
    try {
      await this.writeFiles(handle.sandboxId, { write: options.files, delete: [] });
      await this.startDevServer(handle.sandboxId, entry);
    } catch (error) {
      this.entries.delete(handle.sandboxId);
      await handle.kill().catch(() => {});
      throw error;
    }
    return this.info(handle.sandboxId, entry);
  }

  private async startDevServer(id: string, entry: Entry) {
    const launch = {
      root: E2B_LAYOUT.app,
      cacheDir: E2B_LAYOUT.cache,
      host: "0.0.0.0",
      port: E2B_LAYOUT.port,
      hmrPath: HMR_PATH,
      // The sandbox is reached only through E2B's proxy with our token; its host names vary.
      allowedHosts: true,
    };
    entry.logs.system("dev server starting");
    const handle = await entry.handle.runBackground(
      `node --expose-gc --max-old-space-size=384 ${E2B_LAYOUT.launcher}`,
      {
        cwd: E2B_LAYOUT.app,
        envs: {
          PAGECRAFT_DEV_SERVER: JSON.stringify(launch),
          NODE_ENV: "development",
          ...devServerReporterEnv(this.options.studioOrigin ?? new URL(env.APP_URL).origin),
        },
        onStdout: (data) => entry.logs.write("stdout", data),
        onStderr: (data) => entry.logs.write("stderr", data),
      },
    );
    entry.devServer = handle;
    void handle.wait().then((result) => {
      if (entry.devServer !== handle || this.entries.get(id) !== entry || entry.status === "paused") return;
      entry.logs.system(`dev server exited (code ${result.exitCode})`);
      entry.crashes += 1;
      if (entry.crashes >= MAX_CRASHES) {
        const stderr = entry.logs.tail("stderr", 12).join("\n");
        this.setStatus(
          entry,
          "error",
          `The dev server crashed ${entry.crashes} times.${stderr ? `\n${stderr}` : ""}`,
        );
        return;
      }
      this.setStatus(entry, "booting");
      setTimeout(
        () => void this.startDevServer(id, entry).catch((e) => this.setStatus(entry, "error", String(e))),
        200 * entry.crashes,
      );
    });
  }

  async resume(id: string): Promise<SandboxInfo> {
    let entry = this.entries.get(id);
    const handle = await this.client.connect(id, { timeoutMs: this.idleTimeoutMs }).catch(() => null);
    if (!handle) {
      this.entries.delete(id);
      throw notFound("sandbox", "preview");
    }
    if (!entry) {
      const listed = (await this.client.list({ pagecraft: "preview" })).find((s) => s.sandboxId === id);
      entry = {
        handle,
        metadata: {
          workspaceId: listed?.metadata.workspaceId ?? "",
          projectId: listed?.metadata.projectId ?? "",
        },
        status: "booting",
        since: new Date().toISOString(),
        logs: new LogBuffer(),
        manifest: new Map(),
        crashes: 0,
      };
      this.entries.set(id, entry);
    }
    entry.handle = handle;
    entry.logs.system("resumed");
    this.setStatus(entry, "booting");
    // A memory snapshot brings the dev server back running; if it is not, start it.
    if (!(await this.probe(entry)).ok) await this.startDevServer(id, entry);
    return this.info(id, entry);
  }

  async writeFiles(id: string, changes: { write: SandboxFile[]; delete: string[] }): Promise<void> {
    const entry = this.entry(id);
    for (const file of [...changes.write.map((f) => f.path), ...changes.delete]) {
      const problem = projectPathProblem(file);
      if (problem) throw new AppError("validation:sandbox_path", `${file}: ${problem}`, { field: "path" });
    }
    const write = changes.write.filter((f) => entry.manifest.get(f.path) !== hashOf(f.content));
    if (write.length > 0) {
      await entry.handle.writeFiles(
        write.map((f) => ({
          path: `${E2B_LAYOUT.app}/${f.path}`,
          data:
            typeof f.content === "string"
              ? f.content
              : (f.content.buffer.slice(
                  f.content.byteOffset,
                  f.content.byteOffset + f.content.byteLength,
                ) as ArrayBuffer),
        })),
      );
      for (const f of write) entry.manifest.set(f.path, hashOf(f.content));
    }
    for (const file of changes.delete) {
      await entry.handle.remove(`${E2B_LAYOUT.app}/${file}`).catch(() => {});
      entry.manifest.delete(file);
    }
    if (write.length + changes.delete.length > 0)
      entry.logs.system(`wrote ${write.length + changes.delete.length} file(s)`);
  }

  async runCommand(
    id: string,
    command: string,
    args: string[],
    options: RunCommandOptions = {},
  ): Promise<CommandResult> {
    const entry = this.entry(id);
    const started = performance.now();
    const cwd = options.cwd ? `${E2B_LAYOUT.app}/${options.cwd}` : E2B_LAYOUT.app;
    if (options.cwd && projectPathProblem(options.cwd))
      throw new AppError("validation:sandbox_cwd", "The working directory must be inside the project.");
    const result = await entry.handle.run([command, ...args].map(shellQuote).join(" "), {
      cwd,
      envs: { PATH: `${E2B_LAYOUT.home}/node_modules/.bin:/usr/local/bin:/usr/bin:/bin`, ...options.env },
      timeoutMs: options.timeoutMs ?? 120_000,
      onStdout: options.onStdout,
      onStderr: options.onStderr,
    });
    entry.logs.system(`$ ${command} ${args.join(" ")} → exit ${result.exitCode}`);
    return { ...result, durationMs: Math.round(performance.now() - started) };
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
    const handle = entry?.handle ?? (await this.attach(id));
    if (!handle) return null;
    return {
      kind: "remote",
      url: `${this.options.protocol ?? "https"}://${handle.getHost(port)}`,
      headers: accessHeaders(handle),
    };
  }

  private attach(id: string): Promise<E2BSandboxHandle | null> {
    const known = this.attached.get(id);
    if (known && Date.now() - known.at < ATTACHED_TTL_MS) return known.handle;
    this.attached.delete(id);
    const handle = this.client.connect(id, { timeoutMs: this.idleTimeoutMs }).catch(() => null);
    const attached = { at: Date.now(), handle };
    this.attached.set(id, attached);
    // A failure is not remembered: the next request asks again.
    void handle.then((found) => {
      if (!found && this.attached.get(id) === attached) this.attached.delete(id);
    });
    if (this.attached.size > MAX_ATTACHED) this.attached.delete(this.attached.keys().next().value!);
    return handle;
  }

  async logs(id: string, options?: { since?: string; limit?: number }): Promise<LogEntry[]> {
    return this.entry(id).logs.list(options);
  }

  async pause(id: string): Promise<void> {
    this.attached.delete(id);
    const entry = this.entries.get(id);
    if (entry?.status === "paused") return;
    const before = entry ? { status: entry.status, error: entry.error } : null;
    // Marked first: the snapshot ends the dev server's command stream, which is not a crash.
    if (entry) this.setStatus(entry, "paused");
    let outcome: Awaited<ReturnType<E2BClient["pause"]>>;
    try {
      outcome = await this.client.pause(id);
    } catch (error) {
      if (entry && before) this.setStatus(entry, before.status, before.error);
      throw error;
    }
    if (outcome === "not_found") {
      this.entries.delete(id);
      throw notFound("sandbox", "preview");
    }
    entry?.logs.system(outcome === "paused" ? "paused (E2B snapshot)" : "paused (E2B had paused it already)");
  }

  async kill(id: string): Promise<void> {
    this.attached.delete(id);
    const entry = this.entries.get(id);
    this.entries.delete(id);
    if (entry) {
      entry.status = "stopped";
      await entry.handle.kill().catch(() => {});
    } else await this.client.kill(id).catch(() => {});
  }

  async status(id: string): Promise<SandboxInfo | null> {
    const entry = this.entries.get(id);
    if (entry && (entry.status === "booting" || entry.status === "ready")) {
      // A live entry may be stale: the idle sweep (another invocation) or E2B's own timeout may
      // have paused the sandbox since. Ask E2B, so a paused preview is resumed rather than trusted.
      const query = {
        pagecraft: "preview",
        ...(entry.metadata.projectId ? { projectId: entry.metadata.projectId } : {}),
      };
      const listed = await this.client.list(query).then(
        (all) => all.find((s) => s.sandboxId === id) ?? null,
        () => undefined, // E2B unreachable: keep what we know
      );
      if (listed === null) {
        this.entries.delete(id);
        return null;
      }
      if (listed?.state === "paused") {
        this.setStatus(entry, "paused");
        entry.logs.system("paused (outside this instance)");
      }
    }
    if (entry) return this.info(id, entry);
    const listed = (await this.client.list({ pagecraft: "preview" })).find((s) => s.sandboxId === id);
    if (!listed) return null;
    return {
      id,
      status: listed.state === "paused" ? "paused" : "ready",
      metadata: {
        workspaceId: listed.metadata.workspaceId ?? "",
        projectId: listed.metadata.projectId ?? "",
      },
      since: listed.startedAt.toISOString(),
    };
  }

  async list(filter: Partial<SandboxMetadata> = {}): Promise<SandboxInfo[]> {
    const query: Record<string, string> = { pagecraft: "preview" };
    if (filter.workspaceId) query.workspaceId = filter.workspaceId;
    if (filter.projectId) query.projectId = filter.projectId;
    const listed = await this.client.list(query);
    return listed.map((s) => {
      const entry = this.entries.get(s.sandboxId);
      if (entry) return this.info(s.sandboxId, entry);
      return {
        id: s.sandboxId,
        status: s.state === "paused" ? ("paused" as const) : ("ready" as const),
        metadata: { workspaceId: s.metadata.workspaceId ?? "", projectId: s.metadata.projectId ?? "" },
        since: s.startedAt.toISOString(),
      };
    });
  }

  private async probe(entry: Entry): Promise<{ ok: boolean; problem?: string }> {
    const base = `${this.options.protocol ?? "https"}://${entry.handle.getHost(E2B_LAYOUT.port)}`;
    const headers = accessHeaders(entry.handle);
    try {
      const index = await this.fetch(`${base}/`, { headers: { ...headers, accept: "text/html" } });
      const html = await index.text();
      if (index.status !== 200 || !html.includes("<script"))
        return { ok: false, problem: `GET / answered ${index.status}` };
      const main = mainModuleOf(html);
      const module = await this.fetch(`${base}${main}`, { headers });
      const body = await module.text();
      if (module.status !== 200)
        return { ok: false, problem: `GET ${main} answered ${module.status}: ${body.slice(0, 400)}` };
      return { ok: true };
    } catch (error) {
      return { ok: false, problem: error instanceof Error ? error.message : String(error) };
    }
  }

  async waitUntilReady(id: string, timeoutMs = 30_000): Promise<SandboxInfo> {
    const entry = this.entry(id);
    const deadline = Date.now() + timeoutMs;
    let delay = 50;
    let problem: string | undefined;
    while (entry.status === "booting" || entry.status === "ready") {
      const result = await this.probe(entry);
      if (result.ok) {
        this.setStatus(entry, "ready");
        return this.info(id, entry);
      }
      problem = result.problem;
      if (Date.now() + delay > deadline) {
        if (entry.status === "ready")
          this.setStatus(entry, "error", `The preview stopped answering: ${problem}`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 500);
    }
    return this.info(id, entry);
  }

  /** Someone is viewing: keep the sandbox running for `ms` more (E2B's timeout, then it pauses). */
  async keepAlive(id: string, ms: number = this.idleTimeoutMs): Promise<void> {
    await this.client.setTimeout(id, ms);
  }
}

function accessHeaders(handle: E2BSandboxHandle): Record<string, string> {
  return handle.trafficAccessToken ? { [E2B_TRAFFIC_TOKEN_HEADER]: handle.trafficAccessToken } : {};
}

export function createE2BProvider(options: E2BProviderOptions): E2BSandboxProvider {
  return new E2BSandboxProvider(options);
}
