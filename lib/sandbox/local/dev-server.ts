// One dev-server process of a local sandbox: the launcher (launcher.mjs) under the sandbox's
// confinement, with an IPC channel for readiness ("listening") and file syncs. It is handed the
// studio's preview error reporter, which it serves and injects like the E2B driver's dev servers.
import { type ChildProcess, spawn } from "node:child_process";
import { EventEmitter } from "node:events";
import { env as appEnv } from "@/lib/env";
import { devServerReporterEnv } from "@/lib/preview/gateway/client-script";
import type { LogBuffer } from "./log-buffer";

export interface DevServerEndpoint {
  socketPath?: string;
  host?: string;
  port?: number;
}

export interface DevServerSpawn {
  argv: string[];
  env: Record<string, string>;
  logs: LogBuffer;
}

type LauncherMessage =
  | { type: "listening"; ms: number; socketPath?: string; port?: number }
  | { type: "synced"; id: number }
  | { type: "held"; id: number }
  | { type: "collected"; id: number }
  | { type: "memory"; id: number; usage: NodeJS.MemoryUsage };

export class DevServerProcess extends EventEmitter<{
  listening: [DevServerEndpoint];
  exit: [{ code: number | null; signal: NodeJS.Signals | null; expected: boolean }];
}> {
  readonly child: ChildProcess;
  endpoint: DevServerEndpoint | null = null;
  private expectedExit = false;
  private nextRequest = 1;
  private readonly waiting = new Map<number, () => void>();
  readonly exited: Promise<void>;

  constructor({ argv, env, logs }: DevServerSpawn) {
    super();
    const [command, ...args] = argv;
    this.child = spawn(command, args, {
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      env: { ...devServerReporterEnv(new URL(appEnv.APP_URL).origin), ...env } as NodeJS.ProcessEnv,
      detached: true,
    });
    this.child.stdout?.on("data", (chunk: Buffer) => logs.write("stdout", chunk.toString("utf8")));
    this.child.stderr?.on("data", (chunk: Buffer) => logs.write("stderr", chunk.toString("utf8")));
    this.child.on("message", (message: LauncherMessage) => {
      if (message.type === "listening") {
        this.endpoint = message.socketPath
          ? { socketPath: message.socketPath }
          : { host: "127.0.0.1", port: message.port };
        this.emit("listening", this.endpoint);
      } else if (message.type === "synced" || message.type === "held" || message.type === "collected") {
        this.waiting.get(message.id)?.();
        this.waiting.delete(message.id);
      }
    });
    this.child.on("error", (error) => logs.system(`dev server could not start: ${error.message}`));
    this.exited = new Promise((resolve) => {
      this.child.on("exit", (code, signal) => {
        this.endpoint = null;
        for (const done of this.waiting.values()) done();
        this.waiting.clear();
        this.emit("exit", { code, signal, expected: this.expectedExit });
        resolve();
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /**
   * Tells the server which files were just written and resolves once its watcher has taken them
   * in (so the next request sees them). Bounded: resolves after `timeoutMs` regardless.
   */
  sync(
    changes: { path: string; kind: "add" | "change" | "unlink" }[],
    { timeoutMs = 2000, bulk = false }: { timeoutMs?: number; bulk?: boolean } = {},
  ): Promise<void> {
    if (changes.length === 0) return Promise.resolve();
    return this.request({ type: "sync", changes, bulk }, timeoutMs);
  }

  /**
   * Before a bulk write: the server stops reacting file by file until the next `sync`, which
   * invalidates every module at once (pooled claims and resumes, where no page is open).
   */
  hold(timeoutMs = 1000): Promise<void> {
    return this.request({ type: "hold" }, timeoutMs);
  }

  /** Collects garbage now (before a pause freezes the process). Bounded like `hold`. */
  collectGarbage(timeoutMs = 1000): Promise<void> {
    return this.request({ type: "gc" }, timeoutMs);
  }

  /**
   * Sends `message` with a fresh id and resolves when the launcher answers to that id, when the
   * server exits, or after `timeoutMs`, whichever comes first (at once when it is not running).
   */
  private request(message: { type: string } & Record<string, unknown>, timeoutMs: number): Promise<void> {
    if (!this.running || !this.child.connected) return Promise.resolve();
    const id = this.nextRequest++;
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve();
      }, timeoutMs);
      this.waiting.set(id, () => {
        clearTimeout(timer);
        resolve();
      });
      this.child.send({ ...message, id });
    });
  }

  /** Stops the server (and, through the pid namespace or process group, everything it started). */
  async stop(): Promise<void> {
    this.expectedExit = true;
    if (!this.running) return;
    killTree(this.child);
    await this.exited;
  }
}

export function killTree(child: ChildProcess, signal: NodeJS.Signals = "SIGKILL") {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}
