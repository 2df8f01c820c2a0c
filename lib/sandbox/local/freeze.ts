// Freezing a paused sandbox instead of stopping it, so that resuming takes milliseconds rather than
// a dev-server start: every process of the dev server gets SIGSTOP (no CPU, no timers, no watcher;
// its memory stays), and SIGCONT thaws it where it was. Connections stay open meanwhile, so a
// page's HMR websocket simply carries on after the thaw.
//
// Signals rather than a cgroup freezer: they work alike on cgroup v1, v2 and no cgroup at all, and
// nothing of the server escapes its process tree — inside bubblewrap's pid namespace an orphan is
// re-parented to bwrap's init, which is in the tree; unsandboxed, Vite starts no daemons. SIGKILL
// still ends a stopped process, so stopping a frozen server needs no thaw first.
import { readdirSync, readFileSync } from "node:fs";

interface ProcEntry {
  ppid: number;
  state: string;
}

function readProc(): Map<number, ProcEntry> {
  const entries = new Map<number, ProcEntry>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // "pid (comm) state ppid …" — comm may hold spaces and parentheses: read after the last ")".
      const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      entries.set(Number(name), { ppid: Number(ppid), state });
    } catch {
      // exited meanwhile
    }
  }
  return entries;
}

/** `root` and every descendant, parents before children, with their states ("T": stopped). */
export function processTree(root: number): { pid: number; state: string }[] {
  const procs = readProc();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of procs) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const tree: { pid: number; state: string }[] = [];
  const queue = procs.has(root) ? [root] : [];
  while (queue.length) {
    const pid = queue.shift()!;
    tree.push({ pid, state: procs.get(pid)!.state });
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/**
 * Stops every process of the tree under `root` and resolves once all of them are stopped (a
 * process started in between is found by the next look). Throws when a signal cannot be sent or
 * the tree does not settle within `timeoutMs`; the caller then thaws and stops the server instead.
 */
export async function freezeTree(root: number, timeoutMs = 1000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tree = processTree(root);
    if (tree.length === 0) throw new Error(`process ${root} is gone`);
    const running = tree.filter((p) => p.state !== "T" && p.state !== "t" && p.state !== "Z");
    if (running.length === 0) return tree.length;
    // Parents first: a stopped parent forks no new child behind our back.
    for (const { pid } of running) process.kill(pid, "SIGSTOP");
    if (Date.now() > deadline) throw new Error(`the dev server's processes did not stop in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Lets every process of the tree under `root` run again (no error for one that is gone). */
export function thawTree(root: number): void {
  for (const { pid } of processTree(root)) {
    try {
      process.kill(pid, "SIGCONT");
    } catch {
      // exited meanwhile
    }
  }
}
