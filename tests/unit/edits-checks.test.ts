import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cssProblem, syntaxProblem } from "@/lib/edits/check-syntax";
import { findPlaceholders, newPlaceholders } from "@/lib/edits/find-placeholders";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/edits/${name}`, import.meta.url), "utf8");
const app = fixture("app.tsx.txt");

describe("findPlaceholders", () => {
  it.each([
    "// ... rest of the file unchanged ...",
    "// … rest of the file unchanged …",
    "/* … existing code … */",
    "/* ... existing code ... */",
    "{/* rest of component */}",
    "{/* Rest of the component stays the same */}",
    "// (unchanged)",
    "// unchanged",
    "// existing code here",
    "// Existing code here...",
    "// keep existing imports",
    "// ... other sections",
    "// imports unchanged",
    "// rest of the code remains the same",
    "// ...",
    "{/* … */}",
    "// … (rest omitted)",
    "... (rest omitted)",
    "…",
    "...",
    "... rest unchanged",
    "<!-- rest of the markup unchanged -->",
    "/* styles omitted for brevity */",
    "// code below is unchanged",
    "// REST OF FILE UNCHANGED",
    "  // . . . existing code . . .",
    "return ( // ...previous JSX...",
  ])("flags %s", (line) => {
    expect(findPlaceholders("src/App.tsx", `const a = 1;\n${line}\nexport default a;\n`)).toHaveLength(1);
  });

  it.each([
    "// render the rest of the list lazily",
    "// Load more...",
    "// TODO: handle errors",
    "...rest,",
    "...props,",
    "...(open ? { role: 'dialog' } : {}),",
    "...existingProps,",
    "const url = 'https://example.com/rest-of-the-file';",
    "// Keep the existing code path for old browsers",
    "<p>Read the rest of our story…</p>",
    "// The same palette is used in theme.css",
    "// Wait for the rest of the page to load",
  ])("does not flag %s", (line) => {
    expect(findPlaceholders("src/App.tsx", `const a = 1;\n${line}\n`)).toEqual([]);
  });

  it("finds nothing in a real component", () => {
    expect(findPlaceholders("src/App.tsx", app)).toEqual([]);
    for (const name of ["hero", "pricing", "faq", "navbar", "footer", "contact"]) {
      const source = readFileSync(
        new URL(`../../lib/templates/sections/${name}.tsx`, import.meta.url),
        "utf8",
      );
      expect(findPlaceholders(`src/sections/${name}.tsx`, source)).toEqual([]);
    }
  });

  it("reads code files only", () => {
    expect(findPlaceholders("README.md", "...\n")).toEqual([]);
    expect(findPlaceholders("src/index.css", "/* ... existing styles ... */\n")).toHaveLength(1);
  });

  it("does not hold placeholders the file already had against a turn", () => {
    const before = "a();\n// ... existing code ...\n";
    expect(newPlaceholders("x.ts", before, `${before}b();\n`)).toEqual([]);
    expect(newPlaceholders("x.ts", before, `${before}// ... existing code ...\n`)).toEqual([
      "// ... existing code ...",
    ]);
    expect(newPlaceholders("x.ts", undefined, before)).toEqual(["// ... existing code ..."]);
  });
});

describe("syntaxProblem", () => {
  it("accepts valid TSX, TS, JS, JSON and CSS", () => {
    expect(syntaxProblem("src/App.tsx", app)).toBeNull();
    expect(syntaxProblem("src/site.ts", fixture("site.ts.txt"))).toBeNull();
    expect(syntaxProblem("src/x.ts", "const a = <number>(b as unknown);\n")).toBeNull();
    expect(syntaxProblem("src/x.js", "export const a = () => 1;\n")).toBeNull();
    expect(syntaxProblem("src/x.jsx", "export const A = () => <div />;\n")).toBeNull();
    expect(syntaxProblem("src/data.json", '{"a": [1, 2]}')).toBeNull();
    expect(syntaxProblem("src/index.css", fixture("index.css"))).toBeNull();
    expect(syntaxProblem("README.md", "# {{{ not code")).toBeNull();
  });

  it("rejects an unclosed JSX tag with the parser's message and line", () => {
    const broken = app.replace("      </main>\n", "");
    const problem = syntaxProblem("src/App.tsx", broken);
    expect(problem).toMatch(
      /^does not parse as TSX at line 14, column \d+: JSX element 'main' has no corresponding closing tag\./,
    );
  });

  it("parses by extension: a type cast is TS, not TSX; type annotations are not JS", () => {
    expect(syntaxProblem("src/x.tsx", "const a = <number>b;\n")).toMatch(/^does not parse as TSX/);
    expect(syntaxProblem("src/x.js", "const a: number = 1;\n")).toMatch(
      /^does not parse as JavaScript at line 1, column 10: Type annotations can only be used in TypeScript files\./,
    );
  });

  it("rejects a truncated TS file", () => {
    expect(syntaxProblem("src/site.ts", fixture("site.ts.txt").slice(0, 60))).toMatch(
      /^does not parse as TypeScript at line \d+/,
    );
  });

  it("checks JSON, allowing comments in tsconfig files", () => {
    expect(syntaxProblem("src/data.json", '{"a": 1,}')).toMatch(/^is not valid JSON: /);
    expect(syntaxProblem("tsconfig.json", '{ // comment\n "compilerOptions": {},\n}')).toBeNull();
    expect(syntaxProblem("tsconfig.app.json", '{ "compilerOptions": { ')).toMatch(/^is not valid JSON: /);
  });

  it("checks CSS lightly", () => {
    expect(cssProblem("a { color: red; }\n.b { }")).toBeNull();
    expect(cssProblem('a::after { content: "}"; }')).toBeNull();
    expect(cssProblem("a { color: red;\n.b { }")).toBe(
      "does not parse as CSS: `{` opened at line 1 is never closed",
    );
    expect(cssProblem("a { }\n}")).toBe("does not parse as CSS at line 2: `}` without a matching `{`");
    expect(cssProblem("/* open\n a {}")).toBe("does not parse as CSS at line 1: a comment is never closed");
    expect(cssProblem('a { content: "x; }')).toBe(
      "does not parse as CSS at line 1: a string is never closed",
    );
  });
});
