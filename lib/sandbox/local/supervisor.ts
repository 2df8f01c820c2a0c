// Watching over one sandbox's dev server while it runs: probing it until its page serves (then the
// sandbox is ready, or in error past a deadline), and restarting it with backoff when it crashes,
// until it crashes too often in a minute. Stopping or freezing the sandbox stands this down, so a
// probe in flight or a restart due later does not act on a server that is gone or frozen.
import type { SandboxMetadata, SandboxStatus } from "../types";
import type { DevServerProcess } from "./dev-server";
import type { LogBuffer } from "./log-buffer";
import { probeReady, warmUp } from "./probe";

/** Crashes within CRASH_WINDOW_MS after which the sandbox stays in `error` instead of restarting. */
const MAX_CRASHES = 4;
const CRASH_WINDOW_MS = 60_000;
const RESTART_BACKOFF_MS = [100, 500, 2000];
/** How long a started server may take to serve the page before the sandbox is in `error`. */
const READY_DEADLINE_MS = 60_000;

/** What the supervisor sees of its sandbox (sandbox.ts `LocalSandbox`). */
export interface SupervisedSandbox {
  readonly server: DevServerProcess | null;
  readonly metadata: SandboxMetadata | null;
  readonly status: SandboxStatus;
  readonly logs: LogBuffer;
  /** A pooled server is warmed (its page's modules compiled) before it counts as ready. */
  warm: boolean;
  setStatus(status: SandboxStatus, error?: string): void;
  start(): Promise<void>;
}

export class DevServerSupervisor {
  private crashes: number[] = [];
  private restartTimer: NodeJS.Timeout | undefined;
  /** Bumped to make a probe in flight give up (each probe run checks it is still the latest). */
  private probing = 0;

  constructor(private readonly sandbox: SupervisedSandbox) {}

  /** Drops a restart that is due (a new start, a stop or a freeze supersedes it). */
  cancelRestart() {
    clearTimeout(this.restartTimer);
  }

  /** Drops a due restart and any probe in flight (stopping; freezing, where it would time out). */
  standDown() {
    this.cancelRestart();
    this.probing++;
  }

  /** The server exited unexpectedly: restart it after a backoff, or give up with `error`. */
  crashed() {
    const sandbox = this.sandbox;
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < CRASH_WINDOW_MS), now];
    const stderr = sandbox.logs.tail("stderr", 12).join("\n");
    if (this.crashes.length >= MAX_CRASHES) {
      sandbox.setStatus(
        "error",
        `The dev server crashed ${this.crashes.length} times in a minute and was not restarted.${stderr ? `\n${stderr}` : ""}`,
      );
      return;
    }
    const delay = RESTART_BACKOFF_MS[Math.min(this.crashes.length - 1, RESTART_BACKOFF_MS.length - 1)];
    sandbox.logs.system(`restarting the dev server in ${delay} ms`);
    sandbox.setStatus("booting");
    this.restartTimer = setTimeout(
      () => void sandbox.start().catch((e) => sandbox.setStatus("error", String(e))),
      delay,
    );
  }

  /** Probes readiness until it passes or the deadline does (retrying as compiles settle). */
  async probe(server = this.sandbox.server) {
    const sandbox = this.sandbox;
    if (!server?.endpoint) return;
    const run = ++this.probing;
    const deadline = Date.now() + READY_DEADLINE_MS;
    const probeStarted = performance.now();
    let delay = 50;
    for (;;) {
      if (run !== this.probing || sandbox.server !== server || !server.endpoint) return;
      const result = await probeReady(server.endpoint);
      if (run !== this.probing || sandbox.server !== server) return;
      if (!result.problem) {
        if (!sandbox.metadata && !sandbox.warm && server.endpoint) {
          await warmUp(server.endpoint, result.main ?? "");
          sandbox.warm = true;
        }
        if (sandbox.status !== "ready")
          sandbox.logs.system(`ready (probe ${Math.round(performance.now() - probeStarted)} ms)`);
        sandbox.setStatus("ready");
        return;
      }
      if (Date.now() > deadline) {
        sandbox.setStatus("error", `The preview did not become ready: ${result.problem}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 1000);
    }
  }
}
