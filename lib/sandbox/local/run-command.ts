// Running a one-off command in a local sandbox (a type-check, a build, a grep): confined like its
// dev server, in a working directory inside the sandbox, with its output streamed and collected,
// a timeout (exit 124, as `timeout(1)` reports it) and an abort signal. Its whole process group is
// killed on either, so nothing it started outlives it.
import { spawn } from "node:child_process";
import path from "node:path";
import { AppError } from "@/lib/errors";
import type { CommandResult, RunCommandOptions } from "../types";
import { killTree } from "./dev-server";
import type { LocalSandbox } from "./sandbox";

const DEFAULT_TIMEOUT_MS = 120_000;

export async function runInSandbox(
  sandbox: LocalSandbox,
  command: string,
  args: string[],
  options: RunCommandOptions = {},
): Promise<CommandResult> {
  const cwd = options.cwd ? path.resolve(sandbox.appDir, options.cwd) : sandbox.appDir;
  if (cwd !== sandbox.dir && !cwd.startsWith(`${sandbox.dir}${path.sep}`))
    throw new AppError("validation:sandbox_cwd", "The working directory must be inside the sandbox.");
  const argv = await sandbox.confined([command, ...args], cwd);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
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
    }, timeoutMs);
    const abort = () => killTree(child);
    options.signal?.addEventListener("abort", abort, { once: true });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", abort);
      if (timedOut) stderr += `\n[sandbox] timed out after ${timeoutMs} ms`;
      const exitCode = timedOut ? 124 : (code ?? (signal ? 128 + 9 : 1));
      sandbox.logs.system(`$ ${command} ${args.join(" ")} → exit ${exitCode}`);
      resolve({ exitCode, stdout, stderr, durationMs: Math.round(performance.now() - started) });
    });
  });
}
