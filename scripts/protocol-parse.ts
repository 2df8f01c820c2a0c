// Parses a model's answer in the edit protocol from stdin, as it streams, and prints one JSON event
// per line (NDJSON): `npm run --silent protocol:parse < transcript.txt`. The event shapes are
// documented in lib/ai/protocol/parser.ts and lib/ai/protocol/README.md. Exits 1 when any
// `error` event was printed, so a script can tell a clean answer from a broken one.
import { createProtocolParser } from "@/lib/ai/protocol/parser";
import type { ProtocolEvent } from "@/lib/ai/protocol/types";

async function write(events: ProtocolEvent[]): Promise<boolean> {
  let failed = false;
  for (const event of events) {
    if (event.type === "error") failed = true;
    if (!process.stdout.write(`${JSON.stringify(event)}\n`)) {
      await new Promise<void>((resolve) => process.stdout.once("drain", resolve));
    }
  }
  return failed;
}

async function main(): Promise<void> {
  const parser = createProtocolParser();
  let failed = false;
  // A utf8 stdin decodes a character split across reads correctly.
  process.stdin.setEncoding("utf8");
  for await (const chunk of process.stdin) {
    if (await write(parser.push(chunk as string))) failed = true;
  }
  if (await write(parser.end())) failed = true;
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
