// npm run bench:storage — put/get throughput of both storage drivers (local files, and S3 against
// an s3rver this script starts on loopback) for 1 KB and 1 MB blobs. One request at a time, the way
// a version's blobs are read and written; puts carry a sha256 like store-blobs does (so S3 also
// pays the head() that makes blob writes idempotent). Prints one JSON object to stdout.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { blobKey } from "@/lib/storage/keys";
import { createLocalStorage } from "@/lib/storage/local";
import { createS3Storage } from "@/lib/storage/s3";
import type { ObjectStorage } from "@/lib/storage/types";
import { startS3rver } from "@/tests/integration/helpers/s3rver";

const sizes = [
  { label: "1KB", bytes: 1024, maxOps: 500 },
  { label: "1MB", bytes: 1024 * 1024, maxOps: 60 },
] as const;
/** Each measurement stops at maxOps or after this long, whichever comes first. */
const maxSecondsPerMeasurement = 4;
const warmupOps = 5;

interface Measurement {
  ops: number;
  seconds: number;
  opsPerSec: number;
  MBps: number;
}

function measure(ops: number, bytes: number, ms: number): Measurement {
  const seconds = ms / 1000;
  return {
    ops,
    seconds: round(seconds),
    opsPerSec: round(ops / seconds),
    MBps: round((ops * bytes) / (1024 * 1024) / seconds),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

async function timed(
  maxOps: number,
  op: (i: number) => Promise<unknown>,
): Promise<{ ops: number; ms: number }> {
  const deadline = performance.now() + maxSecondsPerMeasurement * 1000;
  const started = performance.now();
  let ops = 0;
  while (ops < maxOps && performance.now() < deadline) await op(ops++);
  return { ops, ms: performance.now() - started };
}

async function benchDriver(storage: ObjectStorage) {
  const results: Record<string, { put: Measurement; get: Measurement }> = {};
  for (const size of sizes) {
    const total = size.maxOps + warmupOps;
    const payloads = Array.from({ length: total }, () => randomBytes(size.bytes));
    const hashes = payloads.map((p) => createHash("sha256").update(p).digest("hex"));
    const keyOf = (i: number) => blobKey("bench", size.label, hashes[i]);
    const putOne = (i: number) =>
      storage.put(keyOf(i), payloads[i], { sha256: hashes[i], contentType: "application/octet-stream" });

    for (let i = 0; i < warmupOps; i++) await putOne(size.maxOps + i);
    const put = await timed(size.maxOps, putOne);

    for (let i = 0; i < warmupOps; i++) await storage.getBytes(keyOf(size.maxOps + i));
    const get = await timed(put.ops, async (i) => {
      const bytes = await storage.getBytes(keyOf(i));
      if (bytes?.byteLength !== size.bytes)
        throw new Error(`read back ${bytes?.byteLength} bytes for ${keyOf(i)}`);
    });

    results[size.label] = {
      put: measure(put.ops, size.bytes, put.ms),
      get: measure(get.ops, size.bytes, get.ms),
    };
  }
  return results;
}

async function main() {
  const root = await mkdtemp(path.join(tmpdir(), "pagecraft-bench-storage-"));
  const s3rver = await startS3rver("pagecraft-bench");
  try {
    const local = await benchDriver(createLocalStorage(root, { secret: "bench" }));
    const s3 = await benchDriver(createS3Storage(s3rver.options));
    const ratio: Record<string, { put: number; get: number }> = {};
    for (const { label } of sizes) {
      ratio[label] = {
        put: round(s3[label].put.opsPerSec / local[label].put.opsPerSec),
        get: round(s3[label].get.opsPerSec / local[label].get.opsPerSec),
      };
    }
    const report = {
      benchmark: "storage",
      node: process.version,
      concurrency: 1,
      note: "ops/s and MB/s per driver, size and operation; ratio is s3 ÷ local (ops/s); s3 is s3rver on loopback",
      local,
      s3,
      ratio,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await s3rver.close();
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
