// The part of the E2B SDK the E2B driver uses, as an interface: the driver depends on this, the
// production adapter below maps it onto the `e2b` package, and the contract suite passes a fake
// that behaves the same way (no network in tests).
import type { SandboxInfo as SdkSandboxInfo } from "e2b";

export interface E2BCommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface E2BCommandHandle {
  pid: number;
  /** Resolves when the process ends (a non-zero exit resolves too, with its code). */
  wait(): Promise<E2BCommandResult>;
  kill(): Promise<boolean>;
}

export interface E2BRunOptions {
  cwd?: string;
  envs?: Record<string, string>;
  timeoutMs?: number;
  onStdout?: (data: string) => void;
  onStderr?: (data: string) => void;
}

export interface E2BSandboxHandle {
  readonly sandboxId: string;
  /** Present when public traffic is restricted: our gateway sends it as `e2b-traffic-access-token`. */
  readonly trafficAccessToken?: string;
  writeFiles(files: { path: string; data: string | ArrayBuffer }[]): Promise<void>;
  remove(path: string): Promise<void>;
  /** Runs to completion; a non-zero exit is a result, not a thrown error. */
  run(cmd: string, opts?: E2BRunOptions): Promise<E2BCommandResult>;
  runBackground(cmd: string, opts?: E2BRunOptions): Promise<E2BCommandHandle>;
  getHost(port: number): string;
  kill(): Promise<void>;
}

/** What E2B says about one sandbox, whether listed or asked about by id. */
export interface E2BSandboxSummary {
  sandboxId: string;
  metadata: Record<string, string>;
  state: "running" | "paused";
  startedAt: Date;
}

export interface E2BClient {
  create(
    template: string,
    opts: { metadata: Record<string, string>; timeoutMs: number; allowPublicTraffic: boolean },
  ): Promise<E2BSandboxHandle>;
  /**
   * Connects to a running sandbox (extending its timeout to `timeoutMs` if that is longer) or
   * resumes a paused one. The handle carries the sandbox's host and traffic access token, so any
   * process — the preview gateway on its own host, say — can reach a sandbox it did not create.
   */
  connect(sandboxId: string, opts?: { timeoutMs?: number }): Promise<E2BSandboxHandle>;
  /** Every sandbox whose metadata has these values (pages through all of them: costly). */
  list(metadata: Record<string, string>): Promise<E2BSandboxSummary[]>;
  /**
   * One sandbox by id, in one request (GET /sandboxes/{id}), without connecting to or resuming it:
   * null when E2B has no such sandbox (killed, or expired); rejects when E2B cannot answer.
   */
  getInfo(sandboxId: string): Promise<E2BSandboxSummary | null>;
  kill(sandboxId: string): Promise<void>;
  /**
   * Snapshots a sandbox's memory and filesystem by id, without connecting to it (any process may:
   * the idle sweep runs in an Inngest function, not in the invocation that created the sandbox).
   * `connect` resumes it with its processes running.
   */
  pause(sandboxId: string): Promise<"paused" | "already_paused" | "not_found">;
  /** Sets a running sandbox's timeout by id (after it, E2B pauses the sandbox). */
  setTimeout(sandboxId: string, timeoutMs: number): Promise<void>;
}

/** The production client: the `e2b` SDK, loaded on first use. */
export function createE2BSdkClient(apiKey: string): E2BClient {
  const sdk = () => import("e2b");

  async function wrap(sandbox: import("e2b").Sandbox): Promise<E2BSandboxHandle> {
    const { CommandExitError } = await sdk();
    const toResult = (error: unknown): E2BCommandResult => {
      if (error instanceof CommandExitError)
        return { exitCode: error.exitCode, stdout: error.stdout, stderr: error.stderr };
      throw error;
    };
    return {
      sandboxId: sandbox.sandboxId,
      trafficAccessToken: sandbox.trafficAccessToken,
      writeFiles: async (files) => {
        await sandbox.files.write(files);
      },
      remove: (path) => sandbox.files.remove(path),
      run: (cmd, opts = {}) => sandbox.commands.run(cmd, { ...opts, background: false }).catch(toResult),
      runBackground: async (cmd, opts = {}) => {
        const handle = await sandbox.commands.run(cmd, { ...opts, background: true, timeoutMs: 0 });
        return { pid: handle.pid, wait: () => handle.wait().catch(toResult), kill: () => handle.kill() };
      },
      getHost: (port) => sandbox.getHost(port),
      kill: async () => {
        await sandbox.kill();
      },
    };
  }

  return {
    async create(template, opts) {
      const { Sandbox } = await sdk();
      const sandbox = await Sandbox.create(template, {
        apiKey,
        metadata: opts.metadata,
        timeoutMs: opts.timeoutMs,
        network: { allowPublicTraffic: opts.allowPublicTraffic },
        // When viewers stop extending the timeout, E2B snapshots the sandbox instead of killing it.
        lifecycle: { onTimeout: "pause" },
      });
      return wrap(sandbox);
    },
    async connect(sandboxId, opts) {
      const { Sandbox } = await sdk();
      return wrap(await Sandbox.connect(sandboxId, { apiKey, timeoutMs: opts?.timeoutMs }));
    },
    async list(metadata) {
      const { Sandbox } = await sdk();
      const paginator = Sandbox.list({ apiKey, query: { metadata } });
      const items: SdkSandboxInfo[] = [];
      while (paginator.hasNext) items.push(...(await paginator.nextItems()));
      return items.map(summaryOf);
    },
    async getInfo(sandboxId) {
      const { Sandbox, SandboxError, SandboxNotFoundError } = await sdk();
      try {
        return summaryOf(await Sandbox.getInfo(sandboxId, { apiKey }));
      } catch (error) {
        // The SDK throws SandboxNotFoundError for a 404 it recognises; a 404 with another body
        // comes back as a SandboxError carrying the status. Both mean the sandbox is gone.
        if (error instanceof SandboxNotFoundError) return null;
        if (error instanceof SandboxError && error.statusCode === 404) return null;
        throw error;
      }
    },
    async kill(sandboxId) {
      const { Sandbox } = await sdk();
      await Sandbox.kill(sandboxId, { apiKey });
    },
    async pause(sandboxId) {
      const { Sandbox, SandboxNotFoundError } = await sdk();
      try {
        // false: E2B answered 409, the sandbox was paused already (by its timeout, say).
        return (await Sandbox.pause(sandboxId, { apiKey })) ? "paused" : "already_paused";
      } catch (error) {
        if (error instanceof SandboxNotFoundError) return "not_found";
        throw error;
      }
    },
    async setTimeout(sandboxId, timeoutMs) {
      const { Sandbox } = await sdk();
      await Sandbox.setTimeout(sandboxId, timeoutMs, { apiKey });
    },
  };
}

function summaryOf(s: SdkSandboxInfo): E2BSandboxSummary {
  return {
    sandboxId: s.sandboxId,
    metadata: s.metadata,
    state: s.state === "paused" ? "paused" : "running",
    startedAt: s.startedAt,
  };
}
