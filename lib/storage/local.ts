// The embedded default: objects are files under a folder, each with a small metadata file beside
// it (content type, sha256). Writes go to a temporary file first and are renamed into place, so a
// crash never leaves a half-written object. Its "presigned" URLs are signed links served by
// /api/storage/… (see signing.ts and serve-link.ts).
import { createHash, randomBytes } from "node:crypto";
import { constants, type Dirent } from "node:fs";
import { access, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { env } from "@/lib/env";
import {
  assertValidExpiry,
  assertValidKey,
  assertValidPrefix,
  assertValidSha256,
  checksumMismatch,
} from "./keys";
import { type LinkClaims, signLink, storageSigningSecret, verifyLink } from "./signing";
import type { ListResult, ObjectInfo, ObjectStorage, PutBody, PutOptions, PutResult } from "./types";

export interface LocalStorageOptions {
  /** Origin the signed links point at. Default: APP_URL. */
  baseUrl?: string;
  /** Key for the signed links. Default: storageSigningSecret(). */
  secret?: string;
  /** Largest upload accepted through a presigned PUT link, in bytes. Default: 100 MiB. */
  maxUploadBytes?: number;
}

export interface LocalObjectStorage extends ObjectStorage {
  readonly driver: "local";
  readonly maxUploadBytes: number;
  /** Checks a signed link's signature and expiry; throws a 403 AppError when it fails. */
  verifyLink(method: "GET" | "PUT", key: string, url: URL): LinkClaims;
}

interface Meta {
  contentType?: string;
  sha256?: string;
  /** The object file's inode when the metadata was written: metadata from an older write is ignored. */
  ino: number;
}

export function createLocalStorage(root: string, options: LocalStorageOptions = {}): LocalObjectStorage {
  const objects = path.join(/*turbopackIgnore: true*/ root, "objects");
  const metas = path.join(/*turbopackIgnore: true*/ root, "meta");
  const tmp = path.join(/*turbopackIgnore: true*/ root, "tmp");
  const baseUrl = options.baseUrl ?? env.APP_URL;
  const secret = options.secret ?? storageSigningSecret();
  const fileOf = (key: string) => {
    assertValidKey(key);
    return path.join(objects, ...key.split("/"));
  };
  const metaOf = (key: string) => `${path.join(metas, ...key.split("/"))}.json`;
  const tempFile = () => path.join(tmp, `${Date.now()}-${randomBytes(6).toString("hex")}`);

  async function head(key: string): Promise<ObjectInfo | null> {
    const file = fileOf(key);
    let s: Awaited<ReturnType<typeof stat>>;
    try {
      s = await stat(file);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
    if (!s.isFile()) return null;
    const meta = await readMeta(metaOf(key));
    const current = meta && meta.ino === s.ino ? meta : undefined;
    return {
      key,
      size: s.size,
      lastModified: s.mtime,
      contentType: current?.contentType,
      sha256: current?.sha256,
    };
  }

  async function alreadyStored(key: string, sha256: string | undefined, size?: number): Promise<boolean> {
    if (!sha256) return false;
    const existing = await head(key);
    return !!existing && existing.sha256 === sha256 && (size === undefined || existing.size === size);
  }

  /** Writes the body to a temporary file, hashing as it goes. */
  async function writeTemp(body: PutBody): Promise<{ temp: string; size: number; sha256: string }> {
    await mkdir(tmp, { recursive: true });
    const temp = tempFile();
    const hash = createHash("sha256");
    if (body instanceof Uint8Array) {
      hash.update(body);
      await writeFile(temp, body);
      return { temp, size: body.byteLength, sha256: hash.digest("hex") };
    }
    const handle = await open(temp, "w");
    let size = 0;
    try {
      for await (const chunk of body as AsyncIterable<Uint8Array>) {
        hash.update(chunk);
        size += chunk.byteLength;
        await handle.write(chunk);
      }
    } catch (error) {
      await handle.close();
      await rm(temp, { force: true });
      throw error;
    }
    await handle.close();
    return { temp, size, sha256: hash.digest("hex") };
  }

  async function put(key: string, body: PutBody, options: PutOptions = {}): Promise<PutResult> {
    const file = fileOf(key);
    assertValidSha256(options.sha256);
    if (body instanceof Uint8Array) {
      if (options.sha256 && sha256Hex(body) !== options.sha256) throw checksumMismatch(key);
      if (await alreadyStored(key, options.sha256, body.byteLength)) {
        return { key, size: body.byteLength, written: false, parts: 1 };
      }
    } else if (await alreadyStored(key, options.sha256)) {
      (body as Readable).destroy();
      const size = (await head(key))?.size ?? 0;
      return { key, size, written: false, parts: 1 };
    }

    const { temp, size, sha256 } = await writeTemp(body);
    const metaTemp = tempFile();
    try {
      if (options.sha256 && sha256 !== options.sha256) throw checksumMismatch(key);
      const metaFile = metaOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      await mkdir(path.dirname(metaFile), { recursive: true });
      const { ino } = await stat(temp);
      const meta: Meta = { contentType: options.contentType, sha256, ino };
      await writeFile(metaTemp, JSON.stringify(meta));
      await rename(temp, file);
      await rename(metaTemp, metaFile);
      return { key, size, written: true, parts: 1 };
    } finally {
      await rm(temp, { force: true });
      await rm(metaTemp, { force: true });
    }
  }

  return {
    driver: "local",
    maxUploadBytes: options.maxUploadBytes ?? 100 * 1024 * 1024,
    put,
    async get(key: string): Promise<Readable | null> {
      try {
        const handle = await open(fileOf(key), "r");
        if (!(await handle.stat()).isFile()) {
          await handle.close();
          return null;
        }
        return handle.createReadStream();
      } catch (error) {
        if (isNotFound(error) || isDirectory(error)) return null;
        throw error;
      }
    },
    async getBytes(key: string) {
      try {
        return await readFile(fileOf(key));
      } catch (error) {
        if (isNotFound(error) || isDirectory(error)) return null;
        throw error;
      }
    },
    head,
    async list(prefix: string, options = {}): Promise<ListResult> {
      assertValidPrefix(prefix);
      const limit = Math.min(Math.max(options.limit ?? 1000, 1), 1000);
      // Walk only the deepest folder the prefix names, not the whole tree.
      const folder = prefix.includes("/") ? prefix.slice(0, prefix.lastIndexOf("/")) : "";
      const keys: string[] = [];
      await walk(folder ? path.join(objects, ...folder.split("/")) : objects, folder, keys);
      const matching = keys
        .filter((k) => k.startsWith(prefix) && (!options.cursor || k > options.cursor))
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const page = matching.slice(0, limit);
      const items: ObjectInfo[] = [];
      for (const key of page) {
        const s = await stat(fileOf(key)).catch(() => null);
        if (s) items.push({ key, size: s.size, lastModified: s.mtime });
      }
      return { items, cursor: matching.length > limit ? page[page.length - 1] : undefined };
    },
    async delete(key: string) {
      await rm(fileOf(key), { force: true });
      await rm(metaOf(key), { force: true });
    },
    async presignGet(key, { expiresIn, filename, contentType }) {
      assertValidExpiry(expiresIn);
      const expires = Math.floor(Date.now() / 1000) + expiresIn;
      return signLink({ method: "GET", key, expires, filename, contentType }, secret, baseUrl);
    },
    async presignPut(key, { expiresIn, contentType }) {
      assertValidExpiry(expiresIn);
      const expires = Math.floor(Date.now() / 1000) + expiresIn;
      return signLink({ method: "PUT", key, expires, contentType }, secret, baseUrl);
    },
    verifyLink(method, key, url) {
      return verifyLink(method, key, url, secret);
    },
    async ping() {
      await mkdir(objects, { recursive: true });
      await access(objects, constants.R_OK | constants.W_OK);
    },
  };
}

export function isLocalStorage(storage: ObjectStorage): storage is LocalObjectStorage {
  return storage.driver === "local" && "verifyLink" in storage;
}

function sha256Hex(body: Uint8Array): string {
  return createHash("sha256").update(body).digest("hex");
}

async function readMeta(file: string): Promise<Meta | null> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as Meta;
  } catch {
    return null; // missing or torn: the object is still there, only its metadata is unknown
  }
}

async function walk(dir: string, prefix: string, out: string[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isNotFound(error) || (error as { code?: string }).code === "ENOTDIR") return;
    throw error;
  }
  for (const entry of entries) {
    const key = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await walk(path.join(dir, entry.name), key, out);
    else if (entry.isFile()) out.push(key);
  }
}

function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "ENOENT";
}

function isDirectory(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "EISDIR";
}
