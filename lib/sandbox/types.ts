// Sandboxes run a project's live preview (a Vite dev server) and its builds. One interface, a
// driver per backend: E2B in production, a local provider (one dev server per project, isolated
// with bubblewrap where available) as the embedded default.

export type SandboxStatus = "booting" | "ready" | "error" | "paused" | "stopped";

export interface SandboxMetadata {
  workspaceId: string;
  projectId: string;
}

export interface SandboxFile {
  path: string;
  content: Uint8Array | string;
}

export interface SandboxInfo {
  id: string;
  status: SandboxStatus;
  metadata: SandboxMetadata;
  /** When the status last changed (ISO). */
  since: string;
  /** Why it is in `error`, in words. */
  error?: string;
  /**
   * While paused, where drivers can tell: `frozen` — its processes are kept, stopped where they
   * were, and resume takes milliseconds; `stopped` — only its files are kept, and resume starts a
   * dev server again.
   */
  paused?: "frozen" | "stopped";
}

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  durationMs: number;
}

export interface RunCommandOptions {
  cwd?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  onStdout?: (chunk: string) => void;
  onStderr?: (chunk: string) => void;
  signal?: AbortSignal;
}

export interface LogEntry {
  at: string;
  stream: "stdout" | "stderr" | "system";
  text: string;
}

export interface CreateSandboxOptions {
  metadata: SandboxMetadata;
  /** The starter template's id (which pre-installed dependency image to use). */
  templateId: string;
  /** The project's files at the version to preview. */
  files: SandboxFile[];
}

export interface SandboxProvider {
  readonly driver: "local" | "e2b";
  /** Creates a sandbox with the files and starts its dev server (returns while it boots). */
  create(options: CreateSandboxOptions): Promise<SandboxInfo>;
  /** Resumes a paused sandbox; a missing or dead one is an error the caller answers with create(). */
  resume(id: string): Promise<SandboxInfo>;
  /** Writes (and deletes) only what changed; the dev server hot-reloads. */
  writeFiles(id: string, changes: { write: SandboxFile[]; delete: string[] }): Promise<void>;
  runCommand(
    id: string,
    command: string,
    args: string[],
    options?: RunCommandOptions,
  ): Promise<CommandResult>;
  /**
   * A URL naming `port` in the sandbox (the dev server's by default). The preview service hands
   * browsers the gateway's origin for the preview session instead (lib/preview/urls.ts), on every
   * driver; the gateway reaches the sandbox through `upstream`.
   */
  previewUrl(id: string, port?: number): Promise<string>;
  logs(id: string, options?: { since?: string; limit?: number }): Promise<LogEntry[]>;
  pause(id: string): Promise<void>;
  kill(id: string): Promise<void>;
  status(id: string): Promise<SandboxInfo | null>;
  /** Every sandbox this provider knows, for idle sweeps and limits. */
  list(filter?: Partial<SandboxMetadata>): Promise<SandboxInfo[]>;
  /** Waits until the dev server serves the page (or fails, or the timeout passes). */
  waitUntilReady(id: string, timeoutMs?: number): Promise<SandboxInfo>;
  /** Someone is viewing: keep the sandbox live for at least `ms` more (idle pausing waits). */
  keepAlive?(id: string, ms?: number): Promise<void>;
  /**
   * How the preview gateway reaches the sandbox's dev server right now (`port`: the dev server's by
   * default), or null when it is not serving (paused, unknown, not listening yet). Browsers never
   * reach a sandbox directly: every preview is served through the gateway, on every driver.
   */
  upstream(id: string, port?: number): Promise<SandboxUpstream | null>;
}

/**
 * Where the preview gateway forwards a preview's requests and websocket upgrades (Vite's HMR
 * socket is on the same server, so upgrades go to the same place).
 */
export type SandboxUpstream = LocalSandboxUpstream | RemoteSandboxUpstream;

/** A dev server on this machine: a Unix socket (inside bubblewrap) or a loopback port. */
export interface LocalSandboxUpstream {
  kind: "local";
  socketPath?: string;
  host?: string;
  port?: number;
}

/** A dev server behind a remote proxy (E2B): a base URL, and headers that let a request in. */
export interface RemoteSandboxUpstream {
  kind: "remote";
  /** Base URL of the dev server, e.g. https://5173-<sandbox id>.e2b.app */
  url: string;
  /** Added to every forwarded request and upgrade, e.g. E2B's `e2b-traffic-access-token`. */
  headers: Record<string, string>;
}
