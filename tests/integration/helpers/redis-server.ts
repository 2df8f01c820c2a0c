// A real redis-server on 127.0.0.1 at a random free port, in memory only (no RDB, no AOF), for
// the KV contract tests. Null when redis-server is not installed (CI installs it; locally
// `apt-get install -y redis-server`).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createConnection, createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

export interface RunningRedis {
  url: string;
  close(): Promise<void>;
}

export function redisServerPath(): string | null {
  try {
    return execFileSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/** Resolves when the server answers PING on the port. */
function pingOnce(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.setTimeout(500);
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function startOn(binary: string, port: number): Promise<RunningRedis> {
  const child: ChildProcess = spawn(
    binary,
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--loglevel",
      "warning",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let exited = false;
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  child.once("exit", () => {
    exited = true;
  });
  // If the test process dies first, do not leave a server behind.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const deadline = Date.now() + 10_000;
  while (!(await pingOnce(port))) {
    if (exited || Date.now() > deadline) {
      child.kill("SIGKILL");
      process.off("exit", killOnExit);
      throw new Error(`redis-server did not start on port ${port}: ${stderr.trim() || "no output"}`);
    }
    await sleep(20);
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    async close() {
      process.off("exit", killOnExit);
      if (exited) return;
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([gone, sleep(3000).then(() => child.kill("SIGKILL"))]);
    },
  };
}

export async function startRedisServer(): Promise<RunningRedis | null> {
  const binary = redisServerPath();
  if (!binary) return null;
  // Another process may take the free port between our probe and redis binding it: try again.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOn(binary, await freePort());
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
