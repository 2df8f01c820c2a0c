// One contract, every storage driver: the same cases run against the local driver (its signed
// links served by the real /api/storage route over HTTP) and against the S3 driver talking to a
// real S3-protocol server (s3rver on loopback).
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { UploadPartCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET, PUT } from "@/app/api/storage/[...key]/route";
import { setStorage } from "@/lib/storage";
import { blobKey, exportKey } from "@/lib/storage/keys";
import { createLocalStorage } from "@/lib/storage/local";
import { createS3Client, createS3Storage } from "@/lib/storage/s3";
import type { ObjectStorage } from "@/lib/storage/types";
import { type RouteServer, serveRoute } from "./helpers/route-server";
import { type RunningS3rver, startS3rver } from "./helpers/s3rver";

// The route wrapper's module also serves signed-in routes, whose session (next-auth) and rate
// limits (KV) do not load under Vitest here; public routes use neither.
vi.mock("@/lib/auth/session", () => ({ getSessionContext: async () => null }));
vi.mock("@/lib/kv/rate-limit", () => ({ enforceRateLimit: async () => {} }));

const MiB = 1024 * 1024;

interface DriverUnderTest {
  storage: ObjectStorage;
  /** A second instance of the same driver, uploading in 5 MiB parts above 5 MiB. */
  smallParts: ObjectStorage;
  /** Whether the server checks link signatures (s3rver does not check SigV4; AWS and R2 do). */
  checksSignatures: boolean;
  teardown(): Promise<void>;
}

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");
const bytes = (text: string) => new Uint8Array(Buffer.from(text));

async function collect(stream: Readable | null): Promise<Buffer | null> {
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function streamOf(data: Uint8Array, chunk = 64 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < data.byteLength; i += chunk) yield data.subarray(i, i + chunk);
    })(),
  );
}

/** Signs a link as if it were `secondsAgo` in the past, so it has already expired. */
async function signedInThePast<T>(secondsAgo: number, sign: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["Date"], now: Date.now() - secondsAgo * 1000 });
  try {
    return await sign();
  } finally {
    vi.useRealTimers();
  }
}

function storageContract(name: string, start: () => Promise<DriverUnderTest>) {
  describe(`storage contract: ${name}`, () => {
    let driver: DriverUnderTest;
    let storage: ObjectStorage;
    const ws = `ws${randomBytes(4).toString("hex")}`;
    const at = (rest: string) => `workspaces/${ws}/${rest}`;

    beforeAll(async () => {
      driver = await start();
      storage = driver.storage;
    });
    afterAll(async () => {
      await driver?.teardown();
    });

    it("answers ping", async () => {
      await expect(storage.ping()).resolves.toBeUndefined();
    });

    it("puts, then reads back through get, getBytes and head", async () => {
      const body = bytes("<h1>hello</h1>");
      const key = blobKey(ws, "p1", sha256(body));
      const result = await storage.put(key, body, { contentType: "text/html", sha256: sha256(body) });
      expect(result).toMatchObject({ key, size: body.byteLength, written: true, parts: 1 });

      expect(await storage.getBytes(key)).toEqual(Buffer.from(body));
      expect(await collect(await storage.get(key))).toEqual(Buffer.from(body));
      const info = await storage.head(key);
      expect(info).toMatchObject({
        key,
        size: body.byteLength,
        contentType: "text/html",
        sha256: sha256(body),
      });
      expect(info?.lastModified).toBeInstanceOf(Date);
    });

    it("answers null for a missing object", async () => {
      const key = at("missing/object");
      expect(await storage.head(key)).toBeNull();
      expect(await storage.get(key)).toBeNull();
      expect(await storage.getBytes(key)).toBeNull();
    });

    it("lists by prefix, in key order, one page at a time", async () => {
      const keys = ["e", "a", "d", "b", "c"].map((k) => at(`list/one/${k}`));
      for (const key of keys) await storage.put(key, bytes(key));
      await storage.put(at("list/one-other/x"), bytes("x"));
      await storage.put(at("list/two/y"), bytes("y"));

      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await storage.list(at("list/one/"), { limit: 2, cursor });
        expect(page.items.length).toBeLessThanOrEqual(2);
        for (const item of page.items) expect(item.size).toBe(item.key.length);
        seen.push(...page.items.map((i) => i.key));
        cursor = page.cursor;
        pages++;
      } while (cursor && pages < 10);
      expect(seen).toEqual([...keys].sort());
      expect(pages).toBe(3);

      // A prefix need not end at a folder boundary.
      const partial = await storage.list(at("list/one"));
      // (S3 lists in byte order, "one-other/…" before "one/…"; s3rver walks folder by folder, so
      // across folders only the set is compared.)
      expect(partial.items.map((i) => i.key).sort()).toEqual([at("list/one-other/x"), ...keys].sort());
      expect(partial.cursor).toBeUndefined();
      expect((await storage.list(at("list/none/"))).items).toEqual([]);
    });

    it("deletes, and deleting a missing key is not an error", async () => {
      const key = at("delete/me");
      await storage.put(key, bytes("bye"));
      await storage.delete(key);
      expect(await storage.head(key)).toBeNull();
      expect(await storage.getBytes(key)).toBeNull();
      await expect(storage.delete(key)).resolves.toBeUndefined();
      expect((await storage.list(at("delete/"))).items).toEqual([]);
    });

    it("refuses content that does not match its checksum, storing nothing", async () => {
      const key = at("checksum/bad");
      const claimed = sha256(bytes("what was promised"));
      await expect(storage.put(key, bytes("what arrived"), { sha256: claimed })).rejects.toMatchObject({
        code: "validation:checksum",
      });
      await expect(
        storage.put(key, streamOf(bytes("what arrived")), { sha256: claimed }),
      ).rejects.toMatchObject({ code: "validation:checksum" });
      expect(await storage.head(key)).toBeNull();
      await expect(storage.put(key, bytes("x"), { sha256: "not-hex" })).rejects.toMatchObject({
        code: "bad_request:checksum",
      });
    });

    it("writes a blob once: the second put of the same content is a no-op", async () => {
      const body = randomBytes(2048);
      const key = blobKey(ws, "p1", sha256(body));
      expect((await storage.put(key, body, { sha256: sha256(body) })).written).toBe(true);
      expect((await storage.put(key, body, { sha256: sha256(body) })).written).toBe(false);
      expect((await storage.put(key, streamOf(body), { sha256: sha256(body) })).written).toBe(false);
      expect(await storage.getBytes(key)).toEqual(body);

      // Without a checksum there is nothing to compare, so a put overwrites.
      const other = at("mutable/thing");
      await storage.put(other, bytes("one"));
      expect((await storage.put(other, bytes("two"))).written).toBe(true);
      expect((await storage.getBytes(other))?.toString()).toBe("two");
    });

    it("stores a stream body", async () => {
      const body = randomBytes(300 * 1024);
      const key = at("stream/small");
      const result = await storage.put(key, streamOf(body), {
        sha256: sha256(body),
        contentType: "application/zip",
      });
      expect(result).toMatchObject({ size: body.byteLength, written: true, parts: 1 });
      expect(await storage.getBytes(key)).toEqual(body);
      expect((await storage.head(key))?.contentType).toBe("application/zip");
    });

    it("uploads a large object (multipart on S3) and reads it back whole", async () => {
      const body = randomBytes(6 * MiB + 123);
      const parts = driver.smallParts.driver === "s3" ? 2 : 1;
      const fromBytes = at("large/bytes.bin");
      const put1 = await driver.smallParts.put(fromBytes, body, { sha256: sha256(body) });
      expect(put1).toMatchObject({ size: body.byteLength, written: true, parts });
      expect(sha256((await storage.getBytes(fromBytes))!)).toBe(sha256(body));

      const fromStream = at("large/stream.bin");
      const put2 = await driver.smallParts.put(fromStream, streamOf(body), {
        sha256: sha256(body),
        contentType: "application/zip",
      });
      expect(put2).toMatchObject({ size: body.byteLength, written: true, parts });
      expect(sha256((await collect(await storage.get(fromStream)))!)).toBe(sha256(body));
      expect(await storage.head(fromStream)).toMatchObject({
        size: body.byteLength,
        contentType: "application/zip",
      });

      // A large stream whose checksum fails is abandoned (multipart aborted), never visible.
      const bad = at("large/bad.bin");
      await expect(
        driver.smallParts.put(bad, streamOf(body), { sha256: sha256(bytes("something else")) }),
      ).rejects.toMatchObject({ code: "validation:checksum" });
      expect(await storage.head(bad)).toBeNull();
    });

    it("presigned GET serves the object over HTTP, with a download name when asked", async () => {
      const body = bytes("export archive bytes");
      const key = exportKey(ws, "p1", "exp1", "site.zip");
      await storage.put(key, body, { contentType: "application/zip" });

      const url = await storage.presignGet(key, { expiresIn: 60 });
      const plain = await fetch(url);
      expect(plain.status).toBe(200);
      expect(Buffer.from(await plain.arrayBuffer())).toEqual(Buffer.from(body));
      expect(plain.headers.get("content-type")).toBe("application/zip");

      const named = await fetch(
        await storage.presignGet(key, {
          expiresIn: 60,
          filename: "My site.zip",
          contentType: "application/x-zip",
        }),
      );
      expect(named.status).toBe(200);
      expect(named.headers.get("content-disposition")).toContain('filename="My site.zip"');
      expect(named.headers.get("content-type")).toBe("application/x-zip");
      await named.arrayBuffer();
    });

    it("presigned GET refuses an expired link", async () => {
      const key = at("links/expired");
      await storage.put(key, bytes("old"));
      const url = await signedInThePast(3600, () => storage.presignGet(key, { expiresIn: 60 }));
      const response = await fetch(url);
      expect(response.status).toBe(403);
      expect(await response.text()).toMatch(/expired/i);
    });

    it("presigned GET refuses a tampered link", async (context) => {
      if (!driver.checksSignatures) context.skip(); // s3rver accepts any SigV4 signature
      const key = at("links/secret");
      const otherKey = at("links/other");
      await storage.put(key, bytes("secret"));
      await storage.put(otherKey, bytes("other"));
      const url = new URL(await storage.presignGet(key, { expiresIn: 60, filename: "a.txt" }));

      const otherPath = new URL(url);
      otherPath.pathname = otherPath.pathname.replace(/secret$/, "other");
      const otherName = new URL(url);
      otherName.searchParams.set("filename", "b.html");
      const longer = new URL(url);
      longer.searchParams.set("expires", String(Number(url.searchParams.get("expires")) + 3600));
      const badSig = new URL(url);
      badSig.searchParams.set("sig", `${url.searchParams.get("sig")?.slice(0, -2)}AA`);
      const noSig = new URL(url);
      noSig.searchParams.delete("sig");

      for (const tampered of [otherPath, otherName, longer, badSig, noSig]) {
        const response = await fetch(tampered);
        expect(response.status, tampered.toString()).toBe(403);
        expect(await response.text()).toMatch(/not valid/);
      }
      // A GET link does not authorise a PUT.
      expect((await fetch(url, { method: "PUT", body: "overwrite" })).status).toBe(403);
      expect((await storage.getBytes(key))?.toString()).toBe("secret");
    });

    it("presigned PUT stores the uploaded bytes", async () => {
      const body = randomBytes(200 * 1024);
      const key = exportKey(ws, "p1", "exp2", "upload.bin");
      const url = await storage.presignPut(key, { expiresIn: 60, contentType: "application/octet-stream" });
      const response = await fetch(url, {
        method: "PUT",
        body,
        headers: { "content-type": "application/octet-stream" },
      });
      expect(response.status).toBe(200);
      expect(await storage.getBytes(key)).toEqual(body);
      expect(await storage.head(key)).toMatchObject({
        size: body.byteLength,
        contentType: "application/octet-stream",
      });
    });

    it("presigned PUT refuses an expired link", async () => {
      const key = at("links/put-expired");
      const url = await signedInThePast(3600, () => storage.presignPut(key, { expiresIn: 60 }));
      const response = await fetch(url, { method: "PUT", body: "late" });
      expect(response.status).toBe(403);
      expect(await storage.head(key)).toBeNull();
    });

    it("presigned PUT refuses another content type", async (context) => {
      if (!driver.checksSignatures) context.skip(); // s3rver accepts any SigV4 signature
      const key = at("links/typed");
      const url = await storage.presignPut(key, { expiresIn: 60, contentType: "image/png" });
      const response = await fetch(url, {
        method: "PUT",
        body: "<script>",
        headers: { "content-type": "text/html" },
      });
      expect(response.status).toBe(403);
      expect(await storage.head(key)).toBeNull();
    });

    it("refuses keys that could escape their prefix", async () => {
      for (const key of [
        "../etc/passwd",
        "a/../../b",
        "/absolute",
        "a//b",
        "a/./b",
        "",
        "spaces are odd",
        "a\\b",
      ]) {
        await expect(storage.put(key, bytes("x")), key).rejects.toMatchObject({
          code: "bad_request:storage_key",
        });
        await expect(storage.get(key), key).rejects.toMatchObject({ code: "bad_request:storage_key" });
        await expect(storage.getBytes(key), key).rejects.toMatchObject({ code: "bad_request:storage_key" });
        await expect(storage.head(key), key).rejects.toMatchObject({ code: "bad_request:storage_key" });
        await expect(storage.delete(key), key).rejects.toMatchObject({ code: "bad_request:storage_key" });
        await expect(storage.presignGet(key, { expiresIn: 60 }), key).rejects.toMatchObject({
          code: "bad_request:storage_key",
        });
      }
      await expect(storage.list("../")).rejects.toMatchObject({ code: "bad_request:storage_key" });
      await expect(storage.presignGet(at("x"), { expiresIn: 8 * 24 * 3600 })).rejects.toMatchObject({
        code: "bad_request:expiry",
      });
    });
  });
}

storageContract("local", async () => {
  const root = await mkdtemp(path.join(tmpdir(), "pagecraft-storage-"));
  // The real route module, over real HTTP; it finds the driver through getStorage().
  const server = await serveRoute("/api/storage/", "key", { GET, PUT });
  const options = { baseUrl: server.origin, secret: randomBytes(32).toString("hex") };
  const storage = createLocalStorage(root, options);
  setStorage(storage);
  return {
    storage,
    smallParts: storage,
    checksSignatures: true,
    async teardown() {
      setStorage(undefined);
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
});

storageContract("s3 (s3rver)", async () => {
  const s3rver: RunningS3rver = await startS3rver();
  return {
    storage: createS3Storage(s3rver.options),
    smallParts: createS3Storage({ ...s3rver.options, multipartThreshold: 5 * MiB, partSize: 5 * MiB }),
    checksSignatures: false,
    teardown: () => s3rver.close(),
  };
});

describe("local signed-link route", () => {
  let root: string;
  let server: RouteServer;
  let storage: ReturnType<typeof createLocalStorage>;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "pagecraft-storage-route-"));
    server = await serveRoute("/api/storage/", "key", { GET, PUT });
    storage = createLocalStorage(root, {
      baseUrl: server.origin,
      secret: "test-secret",
      maxUploadBytes: 1024,
    });
    setStorage(storage);
  });
  afterAll(async () => {
    setStorage(undefined);
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  it("refuses an upload larger than the limit with 413, storing nothing", async () => {
    const url = await storage.presignPut("uploads/big", { expiresIn: 60 });
    const response = await fetch(url, { method: "PUT", body: randomBytes(2048) });
    expect(response.status).toBe(413);
    expect(await storage.head("uploads/big")).toBeNull();
  });

  it("serves downloads so that a browser never runs them", async () => {
    await storage.put("pages/x.html", bytes("<script>alert(1)</script>"), { contentType: "text/html" });
    const response = await fetch(await storage.presignGet("pages/x.html", { expiresIn: 60 }));
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    await response.arrayBuffer();
  });

  it("answers 404 for a valid link to a deleted object", async () => {
    await storage.put("gone/soon", bytes("x"));
    const url = await storage.presignGet("gone/soon", { expiresIn: 60 });
    await storage.delete("gone/soon");
    expect((await fetch(url)).status).toBe(404);
  });

  it("does not accept links signed with another secret", async () => {
    const other = createLocalStorage(root, { baseUrl: server.origin, secret: "another-secret" });
    await storage.put("signed/by-us", bytes("x"));
    const response = await fetch(await other.presignGet("signed/by-us", { expiresIn: 60 }));
    expect(response.status).toBe(403);
  });
});

describe("s3 driver", () => {
  let s3rver: RunningS3rver;
  beforeAll(async () => {
    s3rver = await startS3rver();
  });
  afterAll(async () => {
    await s3rver.close();
  });

  it("aborts a multipart upload when a part fails, leaving nothing behind", async () => {
    const client = createS3Client(s3rver.options);
    const sent: string[] = [];
    const send = client.send.bind(client);
    client.send = ((command: { constructor: { name: string }; input: { PartNumber?: number } }) => {
      sent.push(command.constructor.name);
      if (command instanceof UploadPartCommand && command.input.PartNumber === 1) {
        return Promise.reject(new Error("connection reset"));
      }
      return send(command as Parameters<typeof send>[0]);
    }) as typeof client.send;
    const storage = createS3Storage({
      ...s3rver.options,
      client,
      multipartThreshold: 5 * MiB,
      partSize: 5 * MiB,
    });
    const body = randomBytes(11 * MiB);
    await expect(storage.put("failing/part", streamOf(body), { sha256: sha256(body) })).rejects.toThrow(
      "connection reset",
    );
    expect(sent).toContain("AbortMultipartUploadCommand");
    expect(sent).not.toContain("CompleteMultipartUploadCommand");
    expect(await storage.head("failing/part")).toBeNull();
  });

  it("ping fails when the bucket does not exist", async () => {
    await expect(createS3Storage({ ...s3rver.options, bucket: "no-such-bucket" }).ping()).rejects.toThrow();
  });
});
