// How a local sandbox's processes are confined. With bubblewrap: an unprivileged uid, a read-only
// system (only /usr and /etc, not the studio's files), the shared dependencies read-only, the
// sandbox's own folder writable, other sandboxes hidden, a private /tmp, no network namespace
// shared with the host (`--unshare-net`: nothing outbound, and the dev server is reached through a
// Unix socket in its run folder), its own pid namespace, `--die-with-parent` and `--new-session`.
// Memory: a cgroup (v2 `memory.max` or v1 `memory.limit_in_bytes`) nested under the studio's own
// when that hierarchy is writable, and always Node's `--max-old-space-size`. Without bwrap the
// processes run as the studio's user with a loopback port, after one warning.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chown, mkdir, readdir, rmdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { log } from "@/lib/log";

export const SANDBOX_UID = 65534;
export const SANDBOX_GID = 65534;

export interface IsolationCapabilities {
  bwrap: string | null;
  setpriv: string | null;
  /** Running as root: drop to SANDBOX_UID before entering the sandbox. */
  root: boolean;
  cgroup: { version: 1 | 2; parent: string } | null;
}

function which(binary: string): string | null {
  for (const dir of ["/usr/bin", "/bin", "/usr/local/bin", "/usr/sbin", "/sbin"]) {
    const file = path.join(dir, binary);
    if (existsSync(file)) return file;
  }
  return null;
}

function bwrapWorks(bwrap: string): boolean {
  try {
    execFileSync(bwrap, ["--ro-bind", "/", "/", "--unshare-net", "--unshare-pid", "true"], {
      stdio: "ignore",
      timeout: 5000,
    });
    return true;
  } catch {
    return false;
  }
}

/** The memory cgroup this process is in, if its folder can take child groups. */
function findCgroup(): IsolationCapabilities["cgroup"] {
  try {
    const lines = readFileSync("/proc/self/cgroup", "utf8").trim().split("\n");
    const v1 = lines.find((l) => l.split(":")[1]?.split(",").includes("memory"));
    if (v1) {
      const dir = path.join("/sys/fs/cgroup/memory", v1.split(":")[2]);
      if (existsSync(path.join(dir, "memory.limit_in_bytes"))) return { version: 1, parent: dir };
    }
    const v2 = lines.find((l) => l.startsWith("0::"));
    if (v2) {
      for (const mount of ["/sys/fs/cgroup", "/sys/fs/cgroup/unified"]) {
        const dir = path.join(mount, v2.slice(3));
        const controllers = path.join(dir, "cgroup.controllers");
        if (existsSync(controllers) && readFileSync(controllers, "utf8").includes("memory"))
          return { version: 2, parent: dir };
      }
    }
  } catch {
    // no cgroup information: fall back to the heap limit only
  }
  return null;
}

let detected: IsolationCapabilities | undefined;
let warned = false;

export function detectIsolation(): IsolationCapabilities {
  if (detected) return detected;
  const bwrap = which("bwrap");
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  detected = {
    bwrap: bwrap && bwrapWorks(bwrap) ? bwrap : null,
    setpriv: which("setpriv"),
    root,
    cgroup: findCgroup(),
  };
  if (!detected.bwrap && !warned) {
    warned = true;
    log.warn(
      "bubblewrap (bwrap) is not available: local previews run UNSANDBOXED as the studio's user, with full " +
        "file and network access. Install it (apt-get install -y bubblewrap) to isolate them.",
    );
  }
  return detected;
}

/** For tests: forget what was detected (and allow one more warning). */
export function resetIsolationForTests(override?: Partial<IsolationCapabilities>) {
  detected = undefined;
  warned = false;
  if (override) detected = { ...detectIsolation(), ...override };
}

/** The isolation `caps` give, in words for health pages, benchmarks and tests. */
export function isolationSummary(caps: IsolationCapabilities) {
  return {
    sandboxed: Boolean(caps.bwrap),
    unprivileged: Boolean(caps.bwrap) && (!caps.root || Boolean(caps.setpriv)),
    network: caps.bwrap ? ("none" as const) : ("host" as const),
    memoryLimit: caps.cgroup ? (`cgroup v${caps.cgroup.version}` as const) : ("heap only" as const),
  };
}

export interface SandboxPaths {
  /** Shared dependency folder (read-only inside). */
  depsDir: string;
  /** Folder holding every sandbox of these deps (hidden inside, except this one). */
  sandboxesDir: string;
  /** This sandbox's folder (writable inside). */
  sandboxDir: string;
  /** Working directory of the command. */
  cwd: string;
}

/**
 * The argv that runs `command` confined to the sandbox. `cgroupProcs`, when given, is the cgroup's
 * `cgroup.procs` file the wrapper joins before dropping privileges and entering bwrap (so every
 * process of the sandbox is born inside the limit).
 */
export function confinedCommand(
  caps: IsolationCapabilities,
  paths: SandboxPaths,
  command: string[],
  cgroupProcs?: string,
): string[] {
  if (!caps.bwrap) return command;
  const bwrap = [
    caps.bwrap,
    "--ro-bind", "/usr", "/usr",
    "--symlink", "usr/bin", "/bin",
    "--symlink", "usr/lib", "/lib",
    "--symlink", "usr/lib64", "/lib64",
    "--symlink", "usr/sbin", "/sbin",
    "--ro-bind", "/etc", "/etc",
    "--proc", "/proc",
    "--dev", "/dev",
    "--tmpfs", "/tmp",
    "--ro-bind", paths.depsDir, paths.depsDir,
    "--tmpfs", paths.sandboxesDir,
    "--bind", paths.sandboxDir, paths.sandboxDir,
    // The folders bwrap made for those mount points are on its root tmpfs: make it read-only too.
    "--remount-ro", "/",
    "--unshare-all",
    "--die-with-parent",
    "--new-session",
    "--setenv", "HOME", "/tmp",
    "--chdir", paths.cwd,
    "--",
    ...command,
  ]; // biome-ignore format: one flag and its values per line
  const dropped =
    caps.root && caps.setpriv
      ? [caps.setpriv, `--reuid=${SANDBOX_UID}`, `--regid=${SANDBOX_GID}`, "--clear-groups", "--", ...bwrap]
      : bwrap;
  if (!cgroupProcs) return dropped;
  // `exec` keeps one pid: the shell joins the cgroup, then becomes setpriv, then bwrap.
  return ["/bin/sh", "-c", `echo $$ > "$0" && exec "$@"`, cgroupProcs, ...dropped];
}

/** Gives the sandbox's uid the folders it must write (when the studio runs as root). */
export async function grantWrite(caps: IsolationCapabilities, dirs: string[]) {
  if (!caps.bwrap || !caps.root) return;
  for (const dir of dirs) {
    await mkdir(dir, { recursive: true });
    await chown(dir, SANDBOX_UID, SANDBOX_GID);
  }
}

/** Creates the sandbox's memory cgroup; returns its `cgroup.procs` path, or null when not possible. */
export async function createMemoryCgroup(
  caps: IsolationCapabilities,
  name: string,
  limitMb: number,
): Promise<string | null> {
  if (!caps.cgroup) return null;
  const dir = path.join(caps.cgroup.parent, `pagecraft-${name}`);
  try {
    await mkdir(dir, { recursive: true });
    const bytes = String(limitMb * 1024 * 1024);
    if (caps.cgroup.version === 1) {
      await writeFile(path.join(dir, "memory.limit_in_bytes"), bytes);
      // Also cap swap where accounted, so the limit is a limit (ignored when memsw is off).
      await writeFile(path.join(dir, "memory.memsw.limit_in_bytes"), bytes).catch(() => {});
    } else {
      await writeFile(path.join(dir, "memory.max"), bytes);
      await writeFile(path.join(dir, "memory.swap.max"), "0").catch(() => {});
    }
    return path.join(dir, "cgroup.procs");
  } catch (error) {
    log.debug("sandbox memory cgroup unavailable", { error });
    return null;
  }
}

export async function removeMemoryCgroup(caps: IsolationCapabilities, name: string) {
  if (!caps.cgroup) return;
  const dir = path.join(caps.cgroup.parent, `pagecraft-${name}`);
  // The sandbox's last processes leave the group a moment after its leader exits (EBUSY until then).
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      await rmdir(dir);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EBUSY") return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Removes empty sandbox cgroups a previous run left (a group still holding processes stays). */
export async function removeStaleCgroups(caps: IsolationCapabilities, keep: Set<string>) {
  if (!caps.cgroup) return;
  const entries = await readdir(caps.cgroup.parent).catch(() => [] as string[]);
  for (const entry of entries) {
    if (entry.startsWith("pagecraft-") && !keep.has(entry.slice("pagecraft-".length)))
      await rmdir(path.join(caps.cgroup.parent, entry)).catch(() => {});
  }
}
