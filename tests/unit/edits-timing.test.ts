// Measures validating a realistic 40-file turn (no timing asserts: machines differ). The numbers
// are logged for the apply job's latency budget.
import { readdirSync, readFileSync } from "node:fs";
import { expect, it } from "vitest";
import type { CodeOperation } from "@/lib/ai/protocol/types";
import { applyOperations } from "@/lib/edits/apply-operations";
import type { FileContent } from "@/lib/edits/schemas";

const dir = new URL("../../lib/templates/sections/", import.meta.url);
const sections = readdirSync(dir)
  .filter((name) => name.endsWith(".tsx"))
  .map((name) => ({ name, source: readFileSync(new URL(name, dir), "utf8") }));

it("validates a 40-file turn of real TSX", () => {
  const current = new Map<string, FileContent>();
  const operations: CodeOperation[] = [];
  for (let i = 0; i < 40; i++) {
    const { name, source } = sections[i % sections.length];
    const path = `src/sections/${i}-${name}`;
    current.set(path, source);
    // Half rewrites with a changed line, half patches of an existing line.
    if (i % 2 === 0) {
      operations.push({ path, action: "write", content: `// Section ${i}\n${source}` });
    } else {
      const line = source.split("\n").find((l) => l.includes("export default function"))!;
      operations.push({
        path,
        action: "patch",
        content: `<<<<<<< SEARCH\n${line}\n=======\n// Section ${i}\n${line}\n>>>>>>> REPLACE\n`,
      });
    }
  }
  const bytes = operations.reduce((n, op) => n + op.content.length, 0);

  const times: number[] = [];
  for (let run = 0; run < 6; run++) {
    const started = performance.now();
    const result = applyOperations(current, operations);
    times.push(performance.now() - started);
    expect(result.ok).toBe(true);
  }
  const [cold, ...warm] = times;
  const median = warm.sort((a, b) => a - b)[Math.floor(warm.length / 2)];
  console.log(
    `validate+apply 40 TSX files (${(bytes / 1024).toFixed(0)} KB carried): first run ${cold.toFixed(0)} ms, then median ${median.toFixed(0)} ms`,
  );
});
