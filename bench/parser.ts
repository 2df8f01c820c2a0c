// Protocol parser throughput: `npm run bench:parser`. Builds a realistic ~100 KB answer (responses,
// JSX files that contain nested <code> elements, patches, deletes, renames), parses it at 1×, 10×
// and 100× its size in random 1–64 character chunks and in 4 KB chunks, and prints JSON: MB/s and
// milliseconds per size, and growth = time(100×) / time(1×), which is ≈ 100 when parsing is linear.
// `cpuMs` (process CPU time, GC threads included) is printed too: on a busy machine it is steadier
// than wall-clock time.
import { createProtocolParser } from "@/lib/ai/protocol/parser";

/** Deterministic PRNG (mulberry32): the same transcript and chunks on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(2024);
const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
const words = "bean box fresh roast weekly origin pricing plan hero section button colour dark light".split(
  " ",
);
const sentence = () => Array.from({ length: 8 + Math.floor(next() * 12) }, () => pick(words)).join(" ");

function component(name: string): string {
  const items = Array.from({ length: 12 + Math.floor(next() * 12) }, (_, i) => {
    const text = sentence();
    return [
      `        <li key="${i}" className={cn("flex gap-2", active === ${i} && "font-semibold")}>`,
      `          <span>${text}</span> — run <code>npm run ${pick(words)}</code> or`,
      `          <code className="rounded bg-muted px-1"><code>${pick(words)}</code> --${pick(words)}</code>`,
      "        </li>",
    ].join("\n");
  });
  return [
    'import { cn } from "@/lib/utils";',
    "",
    `export function ${name}({ active }: { active: number }) {`,
    "  return (",
    '    <section className="mx-auto max-w-5xl py-24">',
    `      <h2 className="text-3xl font-bold">${sentence()}</h2>`,
    "      <ul>",
    ...items,
    "      </ul>",
    "    </section>",
    "  );",
    "}",
  ].join("\n");
}

function patch(): string {
  return Array.from({ length: 2 + Math.floor(next() * 3) }, () =>
    [
      "<<<<<<< SEARCH",
      `      <h2>${sentence()}</h2>`,
      "=======",
      `      <h2>${sentence()}</h2>`,
      ">>>>>>> REPLACE",
    ].join("\n"),
  ).join("\n");
}

function transcript(targetBytes: number): { text: string; operations: number } {
  const parts: string[] = [];
  let size = 0;
  let operations = 0;
  const add = (s: string) => {
    parts.push(s);
    size += s.length;
  };
  for (let i = 0; size < targetBytes; i++) {
    add(`<response>\n${sentence()}.\n\n- ${sentence()}\n- ${sentence()}\n</response>\n`);
    add(`<code path="src/sections/section-${i}.tsx" action="write">\n${component(`Section${i}`)}\n</code>\n`);
    add(`<code action='patch' path='src/app.tsx'>\n${patch()}\n</code>\n`);
    operations += 2;
    if (i % 3 === 0) {
      add(`<code path="src/old-${i}.tsx" action="delete"></code>\n`);
      add(`<code path="src/a-${i}.tsx" action="rename" to="src/b-${i}.tsx"></code>\n`);
      operations += 2;
    }
  }
  return { text: parts.join(""), operations };
}

function split(text: string, size: () => number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; ) {
    const n = size();
    chunks.push(text.slice(i, i + n));
    i += n;
  }
  return chunks;
}

function parse(chunks: string[]): number {
  const parser = createProtocolParser();
  let operations = 0;
  for (const chunk of chunks) {
    for (const event of parser.push(chunk)) if (event.type === "code-end") operations++;
  }
  for (const event of parser.end()) {
    if (event.type === "code-end") operations++;
    else if (event.type === "error") throw new Error(`unexpected parser error: ${event.message}`);
  }
  return operations;
}

/**
 * Milliseconds per parse at each scale. Every measurement does the same total work (100× the base
 * transcript: 100 parses at 1×, 10 at 10×, one at 100×) so that garbage collection is paid alike,
 * and the best of `rounds` rounds, taken in turn, is kept: the least disturbed by other processes.
 */
function measure(size: () => number, rounds: number) {
  const inputs = scales.map((scale) => {
    const text = base.text.repeat(scale);
    return { scale, bytes: Buffer.byteLength(text), chunks: split(text, size) };
  });
  const best = inputs.map(() => Number.POSITIVE_INFINITY);
  const bestCpu = inputs.map(() => Number.POSITIVE_INFINITY);
  for (let round = 0; round < rounds; round++) {
    inputs.forEach(({ scale, chunks }, k) => {
      const repeats = scales[scales.length - 1] / scale;
      const start = performance.now();
      const cpu = process.cpuUsage();
      for (let r = 0; r < repeats; r++) {
        const operations = parse(chunks);
        if (operations !== base.operations * scale) {
          throw new Error(`parsed ${operations} operations, expected ${base.operations * scale}`);
        }
      }
      best[k] = Math.min(best[k], (performance.now() - start) / repeats);
      const used = process.cpuUsage(cpu);
      bestCpu[k] = Math.min(bestCpu[k], (used.user + used.system) / 1000 / repeats);
    });
  }
  return inputs.map(({ scale, bytes, chunks }, k) => ({
    scale,
    bytes,
    chunks: chunks.length,
    ms: round(best[k]),
    cpuMs: round(bestCpu[k]),
    mbPerSec: round(bytes / 1e6 / (best[k] / 1000)),
    mbPerCpuSec: round(bytes / 1e6 / (bestCpu[k] / 1000)),
  }));
}

const base = transcript(100 * 1024);
const chunkings = {
  "random 1-64 chars": () => 1 + Math.floor(next() * 64),
  "4 KB": () => 4096,
};
const scales = [1, 10, 100];

// Warm the JIT up so the first measurement is not measuring compilation.
for (let r = 0; r < 20; r++) parse(split(base.text, chunkings["random 1-64 chars"]));

const started = performance.now();
const results = Object.entries(chunkings).map(([chunking, size]) => {
  const sizes = measure(size, 3);
  return {
    chunking,
    sizes,
    growth: round(sizes[2].ms / sizes[0].ms),
    growthCpu: round(sizes[2].cpuMs / sizes[0].cpuMs),
  };
});

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

console.log(
  JSON.stringify(
    {
      node: process.version,
      transcript: { bytes: Buffer.byteLength(base.text), operations: base.operations },
      results,
      totalSeconds: round((performance.now() - started) / 1000),
    },
    null,
    2,
  ),
);
