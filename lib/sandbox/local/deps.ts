// The preview dependencies, installed once per distinct dependency set and shared by every local
// sandbox: `<root>/deps/<hash>/node_modules`. Each sandbox's folder lives under
// `<root>/deps/<hash>/p/<id>/`, so Node's and Vite's resolution find the packages by walking up —
// no symlink into the project, no per-project install.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { inheritedEnvironment } from "@/lib/env";
import { loadTemplateFiles } from "@/lib/templates/registry";

export interface DepsFolder {
  hash: string;
  /** `<root>/deps/<hash>` — holds node_modules, the launcher, and the sandboxes in `p/`. */
  dir: string;
  /** Where this folder's sandboxes live (`<dir>/p`). */
  sandboxesDir: string;
  /** The dev-server launcher copied beside node_modules (read-only inside the sandbox). */
  launcher: string;
  binDir: string;
}

/**
 * The dev-server launcher and the module it imports (the preview reporter plugin), copied beside
 * the shared node_modules here and into the E2B template image by sandbox-template/prepare.ts.
 * The import first, so a launcher never lands without it.
 */
export const LAUNCHER_FILES = ["preview-reporter.mjs", "launcher.mjs"].map((name) => ({
  name,
  source: path.join(process.cwd(), "lib/sandbox/local", name),
}));

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** The template's package.json reduced to what decides node_modules. */
export async function templateDependencies(templateId: string): Promise<PackageJson> {
  const files = await loadTemplateFiles(templateId);
  const pkg = files.find((f) => f.path === "package.json");
  if (!pkg) throw new Error(`Template "${templateId}" has no package.json`);
  const parsed = JSON.parse(Buffer.from(pkg.content).toString("utf8")) as PackageJson;
  return { dependencies: parsed.dependencies ?? {}, devDependencies: parsed.devDependencies ?? {} };
}

export function dependencyHash(pkg: PackageJson): string {
  const sorted = (deps: Record<string, string> = {}) =>
    Object.fromEntries(Object.entries(deps).sort(([a], [b]) => a.localeCompare(b)));
  const canonical = JSON.stringify({ d: sorted(pkg.dependencies), v: sorted(pkg.devDependencies) });
  return createHash("sha256").update(canonical).digest("hex").slice(0, 16);
}

export function depsFolder(root: string, hash: string): DepsFolder {
  const dir = path.join(root, "deps", hash);
  return {
    hash,
    dir,
    sandboxesDir: path.join(dir, "p"),
    launcher: path.join(dir, ".pagecraft", "launcher.mjs"),
    binDir: path.join(dir, "node_modules", ".bin"),
  };
}

/**
 * By folder: templates with the same dependencies share one install (two installs into one folder
 * at once would delete each other's staging directory).
 */
const installing = new Map<string, Promise<DepsFolder>>();
/** By root and template: a template's package.json is read once, not on every preview start. */
const resolved = new Map<string, Promise<DepsFolder>>();

/** The pending or settled `make()` under `key`; a failure is forgotten, so the next call retries. */
function once<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let pending = cache.get(key);
  if (!pending) {
    pending = make();
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

/**
 * Makes sure the dependencies of `templateId` are installed under `root` (from the npm cache or
 * registry, once; later calls return at once) and the launcher beside them is current.
 */
export function ensureDeps(
  root: string,
  templateId: string,
  onLog?: (line: string) => void,
): Promise<DepsFolder> {
  return once(resolved, `${root}\0${templateId}`, async () => {
    const pkg = await templateDependencies(templateId);
    const folder = depsFolder(root, dependencyHash(pkg));
    return once(installing, folder.dir, () => install(folder, pkg, onLog));
  });
}

async function install(folder: DepsFolder, pkg: PackageJson, onLog?: (line: string) => void) {
  const marker = path.join(folder.dir, ".pagecraft", "installed.json");
  if (!existsSync(marker)) {
    // Install beside the final folder and rename into place, so a crash mid-install never leaves
    // a half-filled node_modules that later runs would trust.
    const staging = `${folder.dir}.installing-${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    await writeFile(
      path.join(staging, "package.json"),
      `${JSON.stringify({ name: "pagecraft-preview-deps", private: true, ...pkg }, null, 2)}\n`,
    );
    const started = Date.now();
    await runNpmInstall(staging, onLog);
    await mkdir(path.join(staging, ".pagecraft"), { recursive: true });
    await writeFile(
      path.join(staging, ".pagecraft", "installed.json"),
      JSON.stringify({ at: new Date().toISOString(), ms: Date.now() - started }),
    );
    await mkdir(path.dirname(folder.dir), { recursive: true });
    if (existsSync(path.join(folder.dir, ".pagecraft", "installed.json"))) {
      await rm(staging, { recursive: true, force: true }); // another process won the race
    } else {
      // A folder without the marker is a leftover (sandboxes of an interrupted install): replace it.
      await rm(folder.dir, { recursive: true, force: true });
      await rename(staging, folder.dir);
    }
  }
  await mkdir(folder.sandboxesDir, { recursive: true });
  await syncLauncher(folder);
  return folder;
}

async function syncLauncher(folder: DepsFolder) {
  for (const file of LAUNCHER_FILES) {
    const target = path.join(path.dirname(folder.launcher), file.name);
    const source = await readFile(file.source);
    const current = await readFile(target).catch(() => null);
    if (current?.equals(source)) continue;
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    await copyFile(file.source, temp);
    await rename(temp, target);
  }
}

/**
 * What npm needs from the studio's environment (its paths, its own config and proxies), and not
 * the rest: the studio's environment holds secrets that an install has no business seeing.
 */
const NPM_ENVIRONMENT =
  /^(NODE_ENV|PATH|HOME|TMPDIR|LANG|SSL_CERT_FILE|NODE_EXTRA_CA_CERTS|(HTTPS?|NO)_PROXY|npm_config_.*)$/i;

/** `npm install` into `dir` with its package.json; rejects with npm's last lines on failure. */
export function runNpmInstall(dir: string, onLog?: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      "npm",
      [
        "install",
        "--include=dev",
        "--no-audit",
        "--no-fund",
        "--ignore-scripts",
        "--prefer-offline",
        "--loglevel=error",
      ],
      {
        cwd: dir,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...inheritedEnvironment(NPM_ENVIRONMENT), npm_config_update_notifier: "false" },
      },
    );
    let tail = "";
    const collect = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      tail = (tail + text).slice(-4000);
      for (const line of text.split("\n")) if (line.trim()) onLog?.(line);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`npm install failed (exit ${code}):\n${tail.trim()}`));
    });
  });
}
