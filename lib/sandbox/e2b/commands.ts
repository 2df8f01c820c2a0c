// Runs a command to completion in the sandbox's project folder (builds, type checks): its
// arguments shell-quoted, the template's tools on PATH, a working directory that must stay
// inside the project, and a non-zero exit returned as a result rather than thrown.
import { AppError } from "@/lib/errors";
import { projectPathProblem } from "@/lib/versions/paths";
import type { CommandResult, RunCommandOptions } from "../types";
import type { Entry } from "./entry";
import { E2B_LAYOUT } from "./layout";

const shellQuote = (value: string) =>
  /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;

export async function runProjectCommand(
  entry: Entry,
  command: string,
  args: string[],
  options: RunCommandOptions = {},
): Promise<CommandResult> {
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
