// Writing a project's files into a sandbox folder: only what changed, each file atomically (a temp
// file renamed into place, so the dev server never reads half a file), removed files deleted.
// Paths are checked twice: as project paths (relative, no `..`), and on disk — no folder on the
// way may be a symlink, because the sandboxed process can write the project folder and could
// otherwise point a folder outside it.
import { createHash } from "node:crypto";
import { lstat, mkdir, readdir, readFile, rename, rm, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { projectPathProblem } from "@/lib/versions/paths";
import type { SandboxFile } from "../types";

export type Manifest = Map<string, string>;
export interface FileChange {
  path: string;
  kind: "add" | "change" | "unlink";
}

const hashOf = (content: Uint8Array) => createHash("sha1").update(content).digest("hex");
const bytesOf = (content: Uint8Array | string) =>
  typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);

/** Folders the studio keeps out of the manifest (build output, installs made inside). */
const IGNORED = new Set(["node_modules", "dist", ".git"]);

export function assertProjectPath(file: string) {
  const problem = projectPathProblem(file);
  if (problem) throw new AppError("validation:sandbox_path", `${file}: ${problem}`, { field: "path" });
}

async function assertNoSymlinkOnTheWay(root: string, file: string) {
  const segments = file.split("/");
  let current = root;
  for (const segment of segments.slice(0, -1)) {
    current = path.join(current, segment);
    const stat = await lstat(current).catch(() => null);
    if (!stat) return; // the rest will be created by us
    if (!stat.isDirectory())
      throw new AppError("validation:sandbox_path", `${file}: a parent folder is not a folder.`, {
        field: "path",
      });
  }
}

/** Reads what is in `root` now (the manifest the next write is compared against). */
export async function readManifest(root: string): Promise<Manifest> {
  const manifest: Manifest = new Map();
  async function walk(dir: string, prefix: string) {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (IGNORED.has(entry.name) && !prefix) continue;
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full, relative);
      else if (entry.isFile()) manifest.set(relative, hashOf(await readFile(full)));
    }
  }
  await walk(root, "");
  return manifest;
}

/** Reads every project file in `root` (what a resumed sandbox carries into a pooled server). */
export async function readProjectFiles(root: string, manifest: Manifest): Promise<SandboxFile[]> {
  return Promise.all(
    [...manifest.keys()].map(async (file) => ({
      path: file,
      content: await readFile(path.join(root, file)),
    })),
  );
}

/**
 * Applies `write` and `delete` to `root`, skipping files whose content is already there, and
 * updates `manifest`. Every path is validated before anything is touched. Returns what changed.
 */
export async function applyFileChanges(
  root: string,
  manifest: Manifest,
  changes: { write: SandboxFile[]; delete: string[] },
): Promise<FileChange[]> {
  for (const file of changes.write) assertProjectPath(file.path);
  for (const file of changes.delete) assertProjectPath(file);

  const applied: FileChange[] = [];
  const pending = changes.write
    .map((file) => ({ file, content: bytesOf(file.content) }))
    .map((entry) => ({ ...entry, hash: hashOf(entry.content) }))
    .filter(({ file, hash }) => manifest.get(file.path) !== hash);
  for (const { file } of pending) await assertNoSymlinkOnTheWay(root, file.path);
  for (const dir of new Set(
    pending.map(({ file }) => path.dirname(path.join(root, ...file.path.split("/")))),
  ))
    await mkdir(dir, { recursive: true });
  await Promise.all(
    pending.map(async ({ file, content }, index) => {
      const target = path.join(root, ...file.path.split("/"));
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${index}.tmp`);
      await writeFile(temp, content);
      await rename(temp, target);
    }),
  );
  for (const { file, hash } of pending) {
    applied.push({ path: file.path, kind: manifest.has(file.path) ? "change" : "add" });
    manifest.set(file.path, hash);
  }
  for (const file of changes.delete) {
    await assertNoSymlinkOnTheWay(root, file);
    const target = path.join(root, ...file.split("/"));
    const stat = await lstat(target).catch(() => null);
    if (stat?.isDirectory()) await rm(target, { recursive: true, force: true });
    else if (stat) await unlink(target);
    if (stat || manifest.has(file)) applied.push({ path: file, kind: "unlink" });
    for (const key of [...manifest.keys()])
      if (key === file || key.startsWith(`${file}/`)) manifest.delete(key);
  }
  return applied;
}

/** Turns a full file set into the changes that make `manifest` equal to it. */
export function diffAgainst(
  manifest: Manifest,
  files: SandboxFile[],
): { write: SandboxFile[]; delete: string[] } {
  const wanted = new Set(files.map((f) => f.path));
  return {
    write: files.filter((f) => manifest.get(f.path) !== hashOf(bytesOf(f.content))),
    delete: [...manifest.keys()].filter((file) => !wanted.has(file)),
  };
}

export async function writeJsonAtomic(file: string, value: unknown) {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`);
  await rename(temp, file);
}
