import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lineStats, summarizeChanges, unifiedDiff } from "@/lib/edits/describe";
import { countLines } from "@/lib/edits/text";

const app = readFileSync(new URL("../fixtures/edits/app.tsx.txt", import.meta.url), "utf8");
const none = { added: [], modified: [], deleted: [], renamed: [] };

describe("lineStats", () => {
  it("counts changed lines", () => {
    const after = app.replace("Coffee that finds you", "Fresh beans").replace("      </main>\n", "");
    expect(lineStats(app, after)).toEqual({ linesAdded: 1, linesRemoved: 2 });
    expect(lineStats(app, app)).toEqual({ linesAdded: 0, linesRemoved: 0 });
  });

  it("counts a new and a deleted file", () => {
    expect(lineStats(undefined, "a\nb\n")).toEqual({ linesAdded: 2, linesRemoved: 0 });
    expect(lineStats("a\nb", undefined)).toEqual({ linesAdded: 0, linesRemoved: 2 });
    expect(countLines("")).toBe(0);
    expect(countLines("a")).toBe(1);
    expect(countLines("a\n")).toBe(1);
    expect(countLines("a\n\n")).toBe(2);
  });

  it("ignores a CRLF conversion of unchanged lines", () => {
    expect(lineStats("a\nb\n", "a\r\nc\r\n")).toEqual({ linesAdded: 1, linesRemoved: 1 });
  });

  it("stays fast on two unrelated large files", () => {
    const a = Array.from({ length: 8000 }, (_, i) => `const a${i} = ${i};`).join("\n");
    const b = Array.from({ length: 8000 }, (_, i) => `let b${i} = "${i}";`).join("\n");
    const started = performance.now();
    expect(lineStats(a, b)).toEqual({ linesAdded: 8000, linesRemoved: 8000 });
    console.log(`lineStats on 2 × 8000 unrelated lines: ${(performance.now() - started).toFixed(0)} ms`);
  });
});

describe("unifiedDiff", () => {
  it("renders a unified diff for the code view", () => {
    const diff = unifiedDiff(
      "src/App.tsx",
      "src/App.tsx",
      app,
      app.replace("Coffee that finds you", "Fresh beans"),
    );
    expect(diff).toContain("--- a/src/App.tsx");
    expect(diff).toContain("+++ b/src/App.tsx");
    expect(diff).toContain('-          title="Coffee that finds you"');
    expect(diff).toContain('+          title="Fresh beans"');
    expect(unifiedDiff("x.ts", "x.ts", undefined, "a\n")).toContain("--- /dev/null");
  });
});

describe("summarizeChanges", () => {
  it("names what changed where", () => {
    expect(summarizeChanges({ ...none, modified: ["src/App.tsx"] }, { what: "the headline" })).toBe(
      "Changed the headline in src/App.tsx",
    );
    expect(summarizeChanges({ ...none, modified: ["src/App.tsx"] })).toBe("Changed src/App.tsx");
    expect(
      summarizeChanges({
        added: ["src/sections/faq.tsx"],
        modified: ["src/App.tsx", "src/site.ts"],
        deleted: ["src/sections/cta.tsx"],
        renamed: [{ from: "src/a.ts", to: "src/b.ts" }],
      }),
    ).toBe(
      "Changed src/App.tsx and src/site.ts, added src/sections/faq.tsx, renamed src/a.ts to src/b.ts and deleted src/sections/cta.tsx",
    );
    expect(summarizeChanges({ ...none, modified: ["a", "b", "c"] }, { what: "the colours" })).toBe(
      "Changed the colours in 3 files",
    );
    expect(summarizeChanges(none)).toBe("No changes");
  });

  it("stays short", () => {
    const many = Array.from({ length: 30 }, (_, i) => `src/sections/some-long-section-name-${i}.tsx`);
    const text = summarizeChanges({
      added: many.slice(0, 2),
      modified: many.slice(2, 4),
      deleted: many.slice(4, 6),
      renamed: [],
    });
    expect(text).toBe("Changed 6 files");
  });
});
