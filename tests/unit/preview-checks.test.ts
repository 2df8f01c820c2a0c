import { describe, expect, it } from "vitest";
import { parseTscOutput } from "@/lib/preview/check-version";
import { failureFingerprint, problemsFingerprint } from "@/lib/preview/failures";

describe("type-check output", () => {
  it("reads tsc's --pretty false lines, with continuation lines folded in", () => {
    const output = [
      "src/App.tsx(12,5): error TS2322: Type 'string' is not assignable to type 'number'.",
      "src/sections/Hero.tsx(3,10): error TS2305: Module '\"./x\"' has no exported member 'Y'.",
      "  The expected type comes from property 'n'.",
      "error TS5083: Cannot read file 'tsconfig.json'.",
      "",
    ].join("\n");
    expect(parseTscOutput(output)).toEqual([
      {
        file: "src/App.tsx",
        line: 12,
        message: "Type 'string' is not assignable to type 'number'. (TS2322)",
      },
      {
        file: "src/sections/Hero.tsx",
        line: 3,
        message:
          "Module '\"./x\"' has no exported member 'Y'. (TS2305) The expected type comes from property 'n'.",
      },
      { file: null, line: null, message: "TS5083: Cannot read file 'tsconfig.json'." },
    ]);
  });
});

describe("failure fingerprints", () => {
  it("ignores line numbers, module query strings and hashes, but not the message or the file", () => {
    const a = failureFingerprint({
      kind: "runtime",
      message: "Cannot read properties of undefined (reading 'title') at http://x/src/App.tsx?t=1712:12:7",
      file: "src/App.tsx",
    });
    const b = failureFingerprint({
      kind: "runtime",
      message: "Cannot read properties of undefined (reading 'title') at http://x/src/App.tsx?t=9999:40:3",
      file: "src/App.tsx",
    });
    expect(a).toBe(b);
    expect(
      failureFingerprint({
        kind: "runtime",
        message: "Cannot read properties of undefined (reading 'name')",
        file: "src/App.tsx",
      }),
    ).not.toBe(
      failureFingerprint({
        kind: "runtime",
        message: "Cannot read properties of undefined (reading 'title')",
        file: "src/App.tsx",
      }),
    );
    expect(failureFingerprint({ kind: "build", message: "Unexpected token", file: "src/A.tsx" })).not.toBe(
      failureFingerprint({ kind: "build", message: "Unexpected token", file: "src/B.tsx" }),
    );
  });

  it("fingerprints a set of type errors independently of where they sit", () => {
    expect(
      problemsFingerprint([{ file: "src/App.tsx", message: "Type 'string' is not assignable (TS2322)" }]),
    ).toBe(
      problemsFingerprint([{ file: "src/App.tsx", message: "Type 'string' is not assignable (TS2322)" }]),
    );
  });
});
