// A real S3-protocol server (s3rver) on 127.0.0.1 with a random free port, storing its data in a
// temporary folder, with one bucket created. Used by the storage contract tests and the benchmark.
//
// It runs in a child process started with --openssl-legacy-provider: s3rver encrypts its
// ListObjectsV2 continuation tokens with DES, which OpenSSL 3 (Node ≥ 17) only offers through the
// legacy provider — without it every paginated list answers 500. A separate process also keeps
// its work off the test's (or benchmark's) event loop, like a real server.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import type { S3StorageOptions } from "@/lib/storage/s3";

export interface RunningS3rver {
  /** Connection options for createS3Storage() (path-style, s3rver's fixed dummy credentials). */
  options: S3StorageOptions;
  close(): Promise<void>;
}

// Prints the bound address as one JSON line; exits when the parent closes its stdin (or dies).
const childScript = `
const S3rver = require(process.argv[1]);
const server = new S3rver(JSON.parse(process.argv[2]));
server.run().then(
  (address) => process.stdout.write(JSON.stringify(address) + "\\n"),
  (error) => { console.error(error); process.exit(1); },
);
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
`;

export async function startS3rver(bucket = "pagecraft-test"): Promise<RunningS3rver> {
  const directory = await mkdtemp(path.join(tmpdir(), "pagecraft-s3rver-"));
  const options = {
    address: "127.0.0.1",
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  };
  const entry = createRequire(import.meta.url).resolve("s3rver");
  const child = spawn(
    process.execPath,
    ["--openssl-legacy-provider", "-e", childScript, entry, JSON.stringify(options)],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const port = await readPort(child).catch(async (error) => {
    child.kill();
    await rm(directory, { recursive: true, force: true });
    throw error;
  });
  return {
    options: {
      bucket,
      region: "us-east-1",
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    },
    async close() {
      if (child.exitCode === null) {
        const exited = once(child, "exit");
        child.stdin?.end();
        await exited;
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}

async function readPort(child: ChildProcess): Promise<number> {
  const lines = createInterface({ input: child.stdout! });
  const exited = once(child, "exit").then(([code]) => {
    throw new Error(`s3rver exited with code ${code} before it listened`);
  });
  const first = (async () => {
    for await (const line of lines) return (JSON.parse(line) as { port: number }).port;
    throw new Error("s3rver closed its output before it listened");
  })();
  return Promise.race([first, exited]);
}
