// A fake E2B client that behaves like the SDK where the driver can tell: files land in a folder
// per sandbox, foreground commands really run (`sh -c`, exit codes, streamed output), the
// background dev server is a small HTTP server that serves the project's files and, like E2B with
// public traffic off, refuses requests without the sandbox's traffic access token; pause (by id,
// from any client) stops it and connect restores it (a memory snapshot keeps processes), kill
// removes everything. Every request reaching the dev server is recorded (`requests`), and it
// answers websocket upgrades (HMR's) with an echo, behind the same token check. Calls to the
// account-wide API (list, getInfo) are counted (`apiCalls`), and `unreachable` makes them fail
// the way an E2B outage would. Like Vite, it puts
// its client's module script (`/@vite/client`, served) first in <head> of the HTML; standing in for
// the launcher, it also applies the launcher's reporter plugin
// (lib/sandbox/local/preview-reporter.mjs) to what it was started with: the script at its path,
// and its tags before Vite's.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { WebSocketServer } from "ws";
import { E2B_LAYOUT } from "@/lib/sandbox/e2b/layout";
import type {
  E2BClient,
  E2BCommandHandle,
  E2BCommandResult,
  E2BRunOptions,
  E2BSandboxHandle,
  E2BSandboxSummary,
} from "@/lib/sandbox/e2b-client";
import {
  type PreviewReporter,
  previewReporter,
  reporterFromEnv,
} from "@/lib/sandbox/local/preview-reporter.mjs";

/** Vite's client module, which Vite adds to every page it serves. */
const VITE_CLIENT = "/@vite/client";

interface FakeSandbox {
  id: string;
  token: string;
  dir: string;
  metadata: Record<string, string>;
  state: "running" | "paused" | "killed";
  timeoutMs: number;
  startedAt: Date;
  server?: Server;
  sockets?: WebSocketServer;
  port?: number;
  serverExit?: (result: E2BCommandResult) => void;
  template: string;
  /** What the dev server was started with (the launcher's PAGECRAFT_PREVIEW_REPORTER). */
  reporter?: PreviewReporter | null;
  /** Every background command's environment, as the driver sent it. */
  launches: Array<Record<string, string>>;
  /** Every request (and upgrade) that reached the dev server, as it arrived. */
  requests: Array<{ url: string; headers: IncomingHttpHeaders; upgrade?: boolean }>;
}

export class FakeE2B implements E2BClient {
  readonly sandboxes = new Map<string, FakeSandbox>();
  /** How many times each account-wide API call was made. */
  readonly apiCalls = { list: 0, getInfo: 0 };
  /** While set, list and getInfo fail as they would with E2B down. */
  unreachable = false;
  private root = "";

  async init() {
    this.root = await mkdtemp(path.join(tmpdir(), "fake-e2b-"));
    return this;
  }

  private local(sandbox: FakeSandbox, file: string) {
    if (!file.startsWith(E2B_LAYOUT.home)) throw new Error(`fake e2b: path outside the layout: ${file}`);
    return path.join(sandbox.dir, file.slice(E2B_LAYOUT.home.length));
  }

  async create(
    template: string,
    opts: { metadata: Record<string, string>; timeoutMs: number; allowPublicTraffic: boolean },
  ) {
    const id = `fake${randomBytes(6).toString("hex")}`;
    const dir = path.join(this.root, id);
    mkdirSync(path.join(dir, "app"), { recursive: true });
    const sandbox: FakeSandbox = {
      id,
      token: opts.allowPublicTraffic ? "" : randomBytes(12).toString("hex"),
      dir,
      metadata: opts.metadata,
      state: "running",
      timeoutMs: opts.timeoutMs,
      startedAt: new Date(),
      template,
      launches: [],
      requests: [],
    };
    this.sandboxes.set(id, sandbox);
    return this.handle(sandbox);
  }

  async connect(id: string) {
    const sandbox = this.sandboxes.get(id);
    if (!sandbox || sandbox.state === "killed") throw new Error(`fake e2b: sandbox ${id} not found`);
    if (sandbox.state === "paused") {
      sandbox.state = "running";
      if (sandbox.port) await this.listen(sandbox, sandbox.port); // the snapshot had it running
    }
    return this.handle(sandbox);
  }

  async list(metadata: Record<string, string>): Promise<E2BSandboxSummary[]> {
    this.apiCalls.list += 1;
    this.failIfUnreachable();
    return [...this.sandboxes.values()]
      .filter((s) => s.state !== "killed" && Object.entries(metadata).every(([k, v]) => s.metadata[k] === v))
      .map(summaryOf);
  }

  async getInfo(id: string): Promise<E2BSandboxSummary | null> {
    this.apiCalls.getInfo += 1;
    // Answered a moment later, as over the network: concurrent callers overlap.
    await new Promise((resolve) => setImmediate(resolve));
    this.failIfUnreachable();
    const sandbox = this.sandboxes.get(id);
    return sandbox && sandbox.state !== "killed" ? summaryOf(sandbox) : null;
  }

  private failIfUnreachable() {
    if (this.unreachable) throw new Error("fake e2b: 503 Service temporarily unavailable");
  }

  async pause(id: string) {
    const sandbox = this.sandboxes.get(id);
    if (!sandbox || sandbox.state === "killed") return "not_found" as const;
    if (sandbox.state === "paused") return "already_paused" as const;
    sandbox.state = "paused";
    stopServer(sandbox);
    return "paused" as const;
  }

  async setTimeout(id: string, timeoutMs: number) {
    const sandbox = this.sandboxes.get(id);
    if (sandbox?.state !== "running") throw new Error(`fake e2b: sandbox ${id} is not running`);
    sandbox.timeoutMs = timeoutMs;
  }

  async kill(id: string) {
    const sandbox = this.sandboxes.get(id);
    if (!sandbox) return;
    sandbox.state = "killed";
    stopServer(sandbox);
    rmSync(sandbox.dir, { recursive: true, force: true });
  }

  /** The dev server process dies (as a crash would). */
  crash(id: string) {
    const sandbox = this.sandboxes.get(id)!;
    stopServer(sandbox);
    sandbox.serverExit?.({ exitCode: 137, stdout: "", stderr: "Killed" });
  }

  async teardown() {
    for (const id of this.sandboxes.keys()) await this.kill(id);
    rmSync(this.root, { recursive: true, force: true });
  }

  private listen(sandbox: FakeSandbox, port = 0): Promise<void> {
    const server = createServer((req, res) => {
      sandbox.requests.push({ url: req.url ?? "", headers: req.headers });
      if (sandbox.token && req.headers["e2b-traffic-access-token"] !== sandbox.token) {
        res.writeHead(403).end("missing traffic access token");
        return;
      }
      const url = new URL(req.url ?? "/", "http://x");
      const reporter = sandbox.reporter;
      if (reporter && url.pathname === reporter.path) {
        res.writeHead(200, { "content-type": "text/javascript" }).end(reporter.script);
        return;
      }
      if (url.pathname === VITE_CLIENT) {
        // Always compiles, whatever the project's files say: a probe must not take it for the page's.
        res.writeHead(200, { "content-type": "text/javascript" }).end("// the fake's Vite client\n");
        return;
      }
      const file = url.pathname === "/" ? "index.html" : url.pathname.slice(1);
      try {
        const body = readFileSync(path.join(sandbox.dir, "app", file));
        if (!file.endsWith(".html")) {
          res.writeHead(200, { "content-type": "text/javascript" }).end(body);
          return;
        }
        res.writeHead(200, { "content-type": "text/html" }).end(asViteServes(body.toString(), reporter));
      } catch {
        res.writeHead(404).end("not found");
      }
    });
    const wss = new WebSocketServer({ noServer: true });
    server.on("upgrade", (req, socket, head) => {
      sandbox.requests.push({ url: req.url ?? "", headers: req.headers, upgrade: true });
      if (sandbox.token && req.headers["e2b-traffic-access-token"] !== sandbox.token) {
        socket.end("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        ws.on("message", (data) => ws.send(`echo:${data.toString()}`));
        ws.send(JSON.stringify({ type: "connected" }));
      });
    });
    sandbox.server = server;
    sandbox.sockets = wss;
    return new Promise((resolve) =>
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        sandbox.port = typeof address === "object" && address ? address.port : port;
        resolve();
      }),
    );
  }

  private handle(sandbox: FakeSandbox): E2BSandboxHandle {
    const fake = this;
    const alive = () => {
      if (sandbox.state !== "running") throw new Error(`fake e2b: sandbox ${sandbox.id} is ${sandbox.state}`);
    };
    return {
      sandboxId: sandbox.id,
      trafficAccessToken: sandbox.token || undefined,
      async writeFiles(files) {
        alive();
        for (const f of files) {
          const target = fake.local(sandbox, f.path);
          mkdirSync(path.dirname(target), { recursive: true });
          writeFileSync(target, typeof f.data === "string" ? f.data : Buffer.from(f.data));
        }
      },
      async remove(file) {
        alive();
        rmSync(fake.local(sandbox, file), { recursive: true, force: true });
      },
      run(cmd: string, opts: E2BRunOptions = {}) {
        alive();
        return new Promise<E2BCommandResult>((resolve) => {
          const child = spawn("sh", ["-c", cmd], {
            cwd: opts.cwd ? fake.local(sandbox, opts.cwd) : sandbox.dir,
            env: { PATH: "/usr/local/bin:/usr/bin:/bin", ...opts.envs, HOME: sandbox.dir } as Record<
              string,
              string
            > as NodeJS.ProcessEnv,
            detached: true,
          });
          let stdout = "";
          let stderr = "";
          child.stdout.on("data", (d: Buffer) => {
            stdout += d;
            opts.onStdout?.(d.toString());
          });
          child.stderr.on("data", (d: Buffer) => {
            stderr += d;
            opts.onStderr?.(d.toString());
          });
          const timer = opts.timeoutMs
            ? setTimeout(() => process.kill(-child.pid!, "SIGKILL"), opts.timeoutMs)
            : undefined;
          child.on("close", (code) => {
            clearTimeout(timer);
            resolve({ exitCode: code ?? 137, stdout, stderr });
          });
        });
      },
      async runBackground(cmd: string, opts: E2BRunOptions = {}): Promise<E2BCommandHandle> {
        alive();
        if (!cmd.includes(E2B_LAYOUT.launcher))
          throw new Error(`fake e2b: only the dev server runs in the background (${cmd})`);
        sandbox.launches.push({ ...opts.envs });
        sandbox.reporter = reporterFromEnv(opts.envs ?? {});
        await fake.listen(sandbox, 0);
        opts.onStdout?.(`[fake] dev server listening on ${E2B_LAYOUT.port}\n`);
        const exited = new Promise<E2BCommandResult>((resolve) => {
          sandbox.serverExit = resolve;
        });
        return {
          pid: 1000 + Math.floor(Math.random() * 1000),
          wait: () => exited,
          kill: async () => {
            fake.crash(sandbox.id);
            return true;
          },
        };
      },
      getHost: () => `127.0.0.1:${sandbox.port ?? 1}`,
      async kill() {
        await fake.kill(sandbox.id);
      },
    };
  }
}

function summaryOf(s: FakeSandbox): E2BSandboxSummary {
  return {
    sandboxId: s.id,
    metadata: s.metadata,
    state: s.state as "running" | "paused",
    startedAt: s.startedAt,
  };
}

/** The dev server goes away with its connections, open websockets included (as the process would). */
function stopServer(sandbox: FakeSandbox) {
  for (const client of sandbox.sockets?.clients ?? []) client.terminate();
  sandbox.server?.closeAllConnections();
  sandbox.server?.close();
  sandbox.server = undefined;
}

type HtmlTag = { tag: string; attrs: Record<string, string> };

/**
 * The HTML as Vite serves it: its client's module script first in <head>, then (a post hook,
 * head-prepend) the reporter plugin's tags before that.
 */
function asViteServes(html: string, reporter: PreviewReporter | null | undefined): string {
  const tags: HtmlTag[] = [{ tag: "script", attrs: { type: "module", src: VITE_CLIENT } }];
  if (reporter) {
    const hook = previewReporter(reporter).transformIndexHtml as { handler: () => HtmlTag[] };
    tags.unshift(...hook.handler());
  }
  const markup = tags
    .map(
      ({ tag, attrs }) =>
        `<${tag}${Object.entries(attrs)
          .map(([k, v]) => ` ${k}="${v}"`)
          .join("")}></${tag}>`,
    )
    .join("\n");
  return html.replace(/<head[^>]*>/i, (head) => `${head}\n${markup}`);
}
