// Starts `next <command>` as a child process, forwarding signals and the exit code.
import { spawn } from "node:child_process";

export function runNext(args: string[]): void {
  const nextBin = "node_modules/next/dist/bin/next";
  const child = spawn(process.execPath, [nextBin, ...args], { stdio: "inherit", env: process.env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
