// The embedded default: objects are files under a folder. Writes go to a temporary file first and
// are renamed into place, so a crash never leaves a half-written object.
import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { assertValidKey } from "./keys";
import type { ListResult, ObjectInfo, ObjectStorage, PutOptions } from "./types";

export function createLocalStorage(root: string): ObjectStorage {
  const objects = path.join(root, "objects");
  const tmp = path.join(root, "tmp");
  const fileOf = (key: string) => {
    assertValidKey(key);
    return path.join(objects, ...key.split("/"));
  };

  async function head(key: string): Promise<ObjectInfo | null> {
    try {
      const s = await stat(fileOf(key));
      return s.isFile() ? { key, size: s.size, lastModified: s.mtime } : null;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  return {
    driver: "local",
    async put(key: string, body: Uint8Array, options: PutOptions = {}) {
      if (options.sha256) {
        const actual = createHash("sha256").update(body).digest("hex");
        if (actual !== options.sha256) throw new Error(`Checksum mismatch for ${key}`);
      }
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      await mkdir(tmp, { recursive: true });
      const temp = path.join(tmp, `${Date.now()}-${randomBytes(6).toString("hex")}`);
      await writeFile(temp, body);
      await rename(temp, file);
    },
    async get(key: string): Promise<Readable | null> {
      if (!(await head(key))) return null;
      return createReadStream(fileOf(key));
    },
    async getBytes(key: string) {
      try {
        return await readFile(fileOf(key));
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    head,
    async list(prefix: string, options = {}): Promise<ListResult> {
      const limit = options.limit ?? 1000;
      const all: ObjectInfo[] = [];
      await walk(objects, "", all);
      const matching = all.filter((o) => o.key.startsWith(prefix)).sort((a, b) => a.key.localeCompare(b.key));
      const start = options.cursor ? matching.findIndex((o) => o.key > (options.cursor as string)) : 0;
      const page = start < 0 ? [] : matching.slice(start, start + limit);
      const more = start >= 0 && start + limit < matching.length;
      return { items: page, cursor: more ? page[page.length - 1]?.key : undefined };
    },
    async delete(key: string) {
      await rm(fileOf(key), { force: true });
    },
    async ping() {
      await mkdir(objects, { recursive: true });
    },
  };
}

async function walk(dir: string, prefix: string, out: ObjectInfo[]): Promise<void> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isNotFound(error)) return;
    throw error;
  }
  for (const entry of entries) {
    const key = prefix ? `${prefix}/${entry.name}` : entry.name;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, key, out);
    else if (entry.isFile()) {
      const s = await stat(full);
      out.push({ key, size: s.size, lastModified: s.mtime });
    }
  }
}

function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "ENOENT";
}
