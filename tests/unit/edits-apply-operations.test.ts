import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CodeOperation } from "@/lib/ai/protocol/types";
import { applyOperations } from "@/lib/edits/apply-operations";
import { type ApplyResult, type EditError, type FileContent, resolveApplyOptions } from "@/lib/edits/schemas";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/edits/${name}`, import.meta.url), "utf8");
const section = (name: string) =>
  readFileSync(new URL(`../../lib/templates/sections/${name}.tsx`, import.meta.url), "utf8");

const app = fixture("app.tsx.txt");
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe]);

function project(): Map<string, FileContent> {
  return new Map<string, FileContent>([
    [
      "index.html",
      '<!doctype html>\n<html><head><title>BeanBox</title></head><body><div id="root"></div></body></html>\n',
    ],
    ["package.json", '{ "name": "beanbox" }\n'],
    ["package-lock.json", "{}\n"],
    ["vite.config.ts", "export default {};\n"],
    ["tsconfig.json", "{}\n"],
    ["public/logo.png", png],
    ["src/App.tsx", app],
    ["src/site.ts", new TextEncoder().encode(fixture("site.ts.txt"))],
    ["src/index.css", fixture("index.css")],
    ["src/sections/hero.tsx", section("hero")],
    ["src/sections/pricing.tsx", section("pricing")],
    ["src/sections/faq.tsx", section("faq")],
  ]);
}

const write = (path: string, content: string): CodeOperation => ({ path, action: "write", content });
const del = (path: string): CodeOperation => ({ path, action: "delete", content: "" });
const rename = (path: string, to: string): CodeOperation => ({ path, action: "rename", content: "", to });
const patch = (path: string, search: string, replace: string): CodeOperation => ({
  path,
  action: "patch",
  content: `<<<<<<< SEARCH\n${search}\n=======\n${replace}\n>>>>>>> REPLACE\n`,
});

function errorsOf(result: ApplyResult): EditError[] {
  if (result.ok) throw new Error("expected the turn to be refused");
  return result.errors;
}

function okOf(result: ApplyResult) {
  if (!result.ok)
    throw new Error(`expected the turn to apply: ${result.errors.map((e) => e.reason).join(" | ")}`);
  return result;
}

describe("applyOperations", () => {
  it("applies write, patch, delete and rename as one change set", () => {
    const current = project();
    const before = new Map(current);
    const result = okOf(
      applyOperations(current, [
        patch("src/App.tsx", 'title="Coffee that finds you"', 'title="Fresh beans, every week"'),
        write(
          "src/sections/cta.tsx",
          'export default function Cta() {\n  return <section id="cta">Hi</section>;\n}\n',
        ),
        del("src/sections/faq.tsx"),
        rename("src/sections/pricing.tsx", "src/sections/plans.tsx"),
      ]),
    );
    expect(result.files.get("src/App.tsx")).toContain('title="Fresh beans, every week"');
    expect(result.files.has("src/sections/faq.tsx")).toBe(false);
    expect(result.files.get("src/sections/plans.tsx")).toBe(section("pricing"));
    expect(result.files.get("public/logo.png")).toBe(png);
    expect(result.changes).toEqual({
      added: ["src/sections/cta.tsx"],
      modified: ["src/App.tsx"],
      deleted: ["src/sections/faq.tsx"],
      renamed: [{ from: "src/sections/pricing.tsx", to: "src/sections/plans.tsx" }],
    });
    expect(result.stats).toEqual([
      { index: 0, path: "src/App.tsx", action: "patch", linesAdded: 1, linesRemoved: 1, changed: true },
      {
        index: 1,
        path: "src/sections/cta.tsx",
        action: "write",
        linesAdded: 3,
        linesRemoved: 0,
        changed: true,
      },
      {
        index: 2,
        path: "src/sections/faq.tsx",
        action: "delete",
        linesAdded: 0,
        linesRemoved: section("faq").split("\n").length - 1,
        changed: true,
      },
      {
        index: 3,
        path: "src/sections/pricing.tsx",
        action: "rename",
        to: "src/sections/plans.tsx",
        linesAdded: 0,
        linesRemoved: 0,
        changed: true,
      },
    ]);
    // The input map is not touched.
    expect(current).toEqual(before);
  });

  it("applies operations on one path in order (write then patch, patch then rename then patch)", () => {
    const result = okOf(
      applyOperations(project(), [
        write("src/sections/cta.tsx", "export const title = 'A';\n"),
        patch("src/sections/cta.tsx", "'A'", "'B'"),
        patch("src/site.ts", '"BeanBox"', '"Bean Box"'),
        rename("src/site.ts", "src/config.ts"),
        patch("src/config.ts", 'mode: "light"', 'mode: "dark"'),
      ]),
    );
    expect(result.files.get("src/sections/cta.tsx")).toBe("export const title = 'B';\n");
    expect(result.files.get("src/config.ts")).toContain('name: "Bean Box"');
    expect(result.files.get("src/config.ts")).toContain('mode: "dark"');
    expect(result.changes).toEqual({
      added: ["src/sections/cta.tsx"],
      modified: ["src/config.ts"],
      deleted: [],
      renamed: [{ from: "src/site.ts", to: "src/config.ts" }],
    });
  });

  it("reports a write of identical content as no change", () => {
    const result = okOf(applyOperations(project(), [write("src/App.tsx", app)]));
    expect(result.changes).toEqual({ added: [], modified: [], deleted: [], renamed: [] });
    expect(result.stats).toEqual([
      { index: 0, path: "src/App.tsx", action: "write", linesAdded: 0, linesRemoved: 0, changed: false },
    ]);
  });

  it("treats delete then write of the same path as a modification", () => {
    const result = okOf(
      applyOperations(project(), [del("src/index.css"), write("src/index.css", "body { margin: 0; }\n")]),
    );
    expect(result.changes).toMatchObject({ added: [], modified: ["src/index.css"], deleted: [] });
  });

  it("accepts an empty turn", () => {
    expect(okOf(applyOperations(project(), [])).changes).toEqual({
      added: [],
      modified: [],
      deleted: [],
      renamed: [],
    });
  });

  describe("paths", () => {
    it.each([
      ["../x.ts", "invalid_path"],
      ["/etc/passwd", "invalid_path"],
      ["C:\\x", "invalid_path"],
      ["C:/x.ts", "invalid_path"],
      ["src/\0.ts", "invalid_path"],
      ["src/../../x", "invalid_path"],
      ["src/./App.tsx", "invalid_path"],
      ["", "invalid_path"],
      ["node_modules/react/index.js", "forbidden_path"],
      ["src/node_modules/x.js", "forbidden_path"],
      ["Node_Modules/x.js", "forbidden_path"],
      [".git/config", "forbidden_path"],
      [".git/hooks/pre-commit", "forbidden_path"],
      ["dist/index.html", "forbidden_path"],
      [".env", "forbidden_path"],
      [".env.local", "forbidden_path"],
      ["src/.ENV.production", "forbidden_path"],
      ["package.json", "read_only"],
      ["package-lock.json", "read_only"],
      ["pnpm-lock.yaml", "read_only"],
      ["yarn.lock", "read_only"],
      ["vite.config.ts", "read_only"],
      ["vite.config.mjs", "read_only"],
      ["tsconfig.node.json", "read_only"],
      [".npmrc", "read_only"],
    ])("refuses %j (%s)", (path, code) => {
      const errors = errorsOf(applyOperations(project(), [write(path, "{}\n")]));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ index: 0, path, action: "write", code });
    });

    it("escapes control characters in messages", () => {
      const [error] = errorsOf(applyOperations(project(), [write("src/\0.ts", "x")]));
      expect(error.reason).toBe("src/\\u0000.ts: The path contains a NUL character");
    });

    it("checks the rename target too", () => {
      const errors = errorsOf(
        applyOperations(project(), [
          rename("src/site.ts", "../site.ts"),
          rename("src/index.css", ".env"),
          rename("src/App.tsx", "package.json"),
        ]),
      );
      expect(errors.map((e) => e.code)).toEqual(["invalid_path", "forbidden_path", "read_only"]);
      expect(errors[1].reason).toBe(
        "src/index.css: cannot rename to .env: environment files (.env*) may not be changed",
      );
    });

    it("refuses deleting or renaming read-only files as well", () => {
      const errors = errorsOf(
        applyOperations(project(), [del("package.json"), rename("vite.config.ts", "v.ts")]),
      );
      expect(errors.map((e) => e.code)).toEqual(["read_only", "read_only"]);
    });

    it("opens read-only paths listed in allowPaths, never forbidden ones", () => {
      const options = resolveApplyOptions({ allowPaths: ["vite.config.ts", ".env", "node_modules/x.js"] });
      okOf(
        applyOperations(project(), [write("vite.config.ts", "export default { base: './' };\n")], options),
      );
      const errors = errorsOf(
        applyOperations(project(), [write(".env", "A=1"), write("node_modules/x.js", "x")], options),
      );
      expect(errors.map((e) => e.code)).toEqual(["forbidden_path", "forbidden_path"]);
      expect(errorsOf(applyOperations(project(), [write("package.json", "{}")], options))[0].code).toBe(
        "read_only",
      );
    });

    it("keeps index.html writable", () => {
      okOf(applyOperations(project(), [write("index.html", "<!doctype html>\n<title>Bean Box</title>\n")]));
    });

    it("refuses case collisions with files and folders", () => {
      const errors = errorsOf(
        applyOperations(project(), [
          write("src/app.tsx", "export default 1;\n"),
          write("src/Sections/cta.tsx", "export default 1;\n"),
          rename("src/index.css", "src/SITE.ts"),
        ]),
      );
      expect(errors.map((e) => [e.code, e.reason])).toEqual([
        ["case_collision", "src/app.tsx: differs only in letter case from src/App.tsx"],
        [
          "case_collision",
          "src/Sections/cta.tsx: folder src/Sections/ differs only in letter case from src/sections/",
        ],
        [
          "case_collision",
          "src/index.css: cannot rename to src/SITE.ts: differs only in letter case from src/site.ts",
        ],
      ]);
    });

    it("allows a rename that only changes the letter case", () => {
      const result = okOf(applyOperations(project(), [rename("src/App.tsx", "src/app.tsx")]));
      expect(result.changes.renamed).toEqual([{ from: "src/App.tsx", to: "src/app.tsx" }]);
    });

    it("refuses a file where a folder is, and a folder where a file is", () => {
      const errors = errorsOf(
        applyOperations(project(), [
          write("src/sections", "x"),
          write("src/App.tsx/index.ts", "export {};\n"),
        ]),
      );
      expect(errors.map((e) => e.code)).toEqual(["path_conflict", "path_conflict"]);
    });

    it("refuses writing or patching binary files but lets them be renamed and deleted", () => {
      const errors = errorsOf(
        applyOperations(project(), [
          write("public/hero.png", "not really a png"),
          patch("public/logo.png", "PNG", "JPG"),
        ]),
      );
      expect(errors.map((e) => e.code)).toEqual(["binary_file", "binary_file"]);
      const result = okOf(applyOperations(project(), [rename("public/logo.png", "public/brand.png")]));
      expect(result.files.get("public/brand.png")).toBe(png);
      okOf(applyOperations(project(), [del("public/logo.png")]));
    });
  });

  describe("existence", () => {
    it("refuses delete, patch and rename of a missing file and rename onto an existing one", () => {
      const errors = errorsOf(
        applyOperations(project(), [
          del("src/missing.tsx"),
          patch("src/missing.tsx", "a", "b"),
          rename("src/nope.ts", "src/yes.ts"),
          rename("src/site.ts", "src/App.tsx"),
          rename("src/index.css", "src/index.css"),
        ]),
      );
      expect(errors.map((e) => [e.index, e.code])).toEqual([
        [0, "not_found"],
        [1, "skipped"],
        [2, "not_found"],
        [3, "already_exists"],
        [4, "invalid_operation"],
      ]);
      expect(errors[0].reason).toBe("src/missing.tsx: cannot delete a file that does not exist");
      expect(errors[1].reason).toBe("src/missing.tsx: not tried, because operation 1 on this path failed");
    });

    it("refuses a second delete of the same file", () => {
      const errors = errorsOf(applyOperations(project(), [del("src/index.css"), del("src/index.css")]));
      expect(errors).toMatchObject([{ index: 1, code: "not_found" }]);
    });

    it("refuses malformed operations without throwing", () => {
      const errors = errorsOf(
        applyOperations(project(), [
          { path: "src/a.ts", action: "move", content: "" },
          { path: 42 },
          null,
          { path: "src/a.ts", action: "rename", content: "" },
        ] as unknown[]),
      );
      expect(errors.map((e) => [e.index, e.code])).toEqual([
        [0, "invalid_operation"],
        [1, "invalid_operation"],
        [2, "invalid_operation"],
        [3, "invalid_operation"],
      ]);
      expect(errors[3].reason).toBe("src/a.ts: a rename needs a `to` path");
      expect(errorsOf(applyOperations(project(), "nope" as unknown as unknown[]))[0].code).toBe(
        "invalid_operation",
      );
    });
  });

  describe("patches", () => {
    it("names the failing block", () => {
      const op: CodeOperation = {
        path: "src/App.tsx",
        action: "patch",
        content: [
          "<<<<<<< SEARCH",
          'title="Why BeanBox"',
          "=======",
          'title="Why us"',
          ">>>>>>> REPLACE",
          "<<<<<<< SEARCH",
          '<Hero title="Old" />',
          "=======",
          '<Hero title="New" />',
          ">>>>>>> REPLACE",
        ].join("\n"),
      };
      const [error] = errorsOf(applyOperations(project(), [op]));
      expect(error).toEqual({
        index: 0,
        path: "src/App.tsx",
        action: "patch",
        code: "patch_no_match",
        reason: 'src/App.tsx: SEARCH block 2 matched nothing (starts with `<Hero title="Old" />`)',
      });
    });

    it("applies to CRLF files and decoded UTF-8 bytes with indentation differences", () => {
      const current = project();
      current.set("src/App.tsx", new TextEncoder().encode(app.replace(/\n/g, "\r\n")));
      const result = okOf(
        applyOperations(current, [
          patch(
            "src/App.tsx",
            '<Cta title="Your first bag is on us" action="Claim it" href="#pricing" />',
            '<Cta title="Free first bag" />',
          ),
          patch("src/App.tsx", "<main>\n  <Hero", '<main id="main">\n  <Hero'),
        ]),
      );
      const text = result.files.get("src/App.tsx") as string;
      expect(text).toContain('        <Cta title="Free first bag" />\r\n');
      expect(text).toContain('      <main id="main">\r\n        <Hero\r\n');
      expect(result.changes.modified).toEqual(["src/App.tsx"]);
    });

    it("refuses a patch that breaks the syntax, with the parser's line", () => {
      const [error] = errorsOf(applyOperations(project(), [patch("src/App.tsx", "      </main>\n", "")]));
      expect(error.code).toBe("syntax_error");
      expect(error.reason).toMatch(
        /^src\/App\.tsx does not parse as TSX at line 14, column \d+: JSX element 'main' has no corresponding closing tag\./,
      );
    });
  });

  describe("content", () => {
    it("refuses an unclosed JSX tag in a write", () => {
      const [error] = errorsOf(
        applyOperations(project(), [
          write(
            "src/sections/cta.tsx",
            "export default function Cta() {\n  return (\n    <section>\n      <h2>Hi</h2>\n  );\n}\n",
          ),
        ]),
      );
      expect(error).toMatchObject({ index: 0, code: "syntax_error", path: "src/sections/cta.tsx" });
      expect(error.reason).toMatch(
        /^src\/sections\/cta\.tsx does not parse as TSX at line \d+, column \d+: /,
      );
      expect(error.reason).toContain("'section'");
    });

    it("checks the final state of a file once (a later patch may fix an earlier write)", () => {
      okOf(
        applyOperations(project(), [
          write("src/x.ts", "export const a = (1;\n"),
          patch("src/x.ts", "(1;", "(1);"),
        ]),
      );
    });

    it("refuses invalid JSON and unbalanced CSS", () => {
      const errors = errorsOf(
        applyOperations(project(), [
          write("src/data.json", "{ nope }"),
          patch("src/index.css", "html {", "html {{"),
        ]),
      );
      expect(errors.map((e) => e.code)).toEqual(["syntax_error", "syntax_error"]);
    });

    it("re-parses a renamed file when its language changes", () => {
      const current = project();
      current.set("src/cast.ts", "export const a = <number>(1 as unknown);\n");
      okOf(applyOperations(current, [rename("src/cast.ts", "src/cast.mts")]));
      expect(errorsOf(applyOperations(current, [rename("src/cast.ts", "src/cast.tsx")]))[0].code).toBe(
        "syntax_error",
      );
    });

    it("refuses placeholders in writes and patches", () => {
      const shortened = app.replace(
        /<Features[\s\S]*<\/main>/,
        "{/* ... rest of the sections unchanged ... */}\n      </main>",
      );
      const errors = errorsOf(
        applyOperations(project(), [
          write("src/App.tsx", shortened),
          patch("src/site.ts", "  links: [", "  // ... existing code ...\n  links: ["),
        ]),
      );
      expect(errors.map((e) => [e.index, e.code])).toEqual([
        [0, "placeholder"],
        [1, "placeholder"],
      ]);
      expect(errors[0].reason).toBe(
        "src/App.tsx: contains a placeholder instead of code (`{/* ... rest of the sections unchanged ... */}`); send the whole file, or a patch",
      );
      okOf(applyOperations(project(), [write("src/App.tsx", shortened)], { allowPlaceholders: true }));
    });

    it("refuses a write that shrinks a long file to a stub, unless allowed", () => {
      const stub = 'export default function Hero() {\n  return <section id="top" />;\n}\n';
      const [error] = errorsOf(applyOperations(project(), [write("src/sections/hero.tsx", stub)]));
      expect(error.code).toBe("looks_truncated");
      expect(error.reason).toMatch(
        /^src\/sections\/hero\.tsx: looks truncated: the write shrinks it from \d+ to 3 lines/,
      );
      okOf(applyOperations(project(), [write("src/sections/hero.tsx", stub)], { allowShrink: true }));
      // A short file may shrink; a delete is not a shrink.
      okOf(applyOperations(project(), [write("src/site.ts", "export const site = {};\n")]));
      okOf(applyOperations(project(), [del("src/sections/hero.tsx")]));
    });
  });

  describe("caps", () => {
    it("refuses a file over the per-file limit, written or patched", () => {
      const big = `export const s = "${"x".repeat(300 * 1024)}";\n`;
      const errors = errorsOf(
        applyOperations(project(), [write("src/big.ts", big)], { limits: { maxBytesPerTurn: 10_000_000 } }),
      );
      expect(errors).toMatchObject([{ code: "file_too_large" }]);
      expect(errors[0].reason).toBe("src/big.ts: would be 300.0 KB; the limit is 256 KB per file");
      const grown = errorsOf(
        applyOperations(project(), [patch("src/site.ts", '"BeanBox"', `"${"B".repeat(2000)}"`)], {
          limits: { maxBytesPerFile: 1000 },
        }),
      );
      expect(grown).toMatchObject([{ code: "file_too_large" }]);
    });

    it("refuses a giant turn before parsing anything", () => {
      const chunk = `export const s = "${"x".repeat(200 * 1024)}";\n`;
      const ops = Array.from({ length: 6 }, (_, i) => write(`src/big-${i}.ts`, chunk));
      const errors = errorsOf(applyOperations(project(), ops));
      expect(errors).toEqual([
        {
          index: null,
          path: null,
          action: null,
          code: "turn_too_large",
          reason: "This turn carries 1.2 MB; the limit is 1 MB per turn.",
        },
      ]);
    });

    it("refuses too many files and too many operations", () => {
      const files = Array.from({ length: 41 }, (_, i) => write(`src/f${i}.ts`, `export const n = ${i};\n`));
      expect(errorsOf(applyOperations(project(), files))).toMatchObject([
        {
          index: null,
          code: "too_many_files",
          reason: "This turn changes 41 files; the limit is 40 per turn.",
        },
      ]);
      okOf(applyOperations(project(), files.slice(0, 40)));
      const churn = Array.from({ length: 101 }, (_, i) =>
        i % 2 === 0 ? rename("src/site.ts", "src/s.ts") : rename("src/s.ts", "src/site.ts"),
      );
      expect(errorsOf(applyOperations(project(), churn))).toMatchObject([{ code: "too_many_operations" }]);
    });

    it("refuses growing the project past its file limit, per project settings", () => {
      const options = resolveApplyOptions({ limits: { maxProjectFiles: 13 } });
      okOf(applyOperations(project(), [write("src/a.ts", "export {};\n")], options));
      const errors = errorsOf(
        applyOperations(
          project(),
          [write("src/a.ts", "export {};\n"), write("src/b.ts", "export {};\n")],
          options,
        ),
      );
      expect(errors).toMatchObject([
        {
          index: null,
          code: "project_too_large",
          reason: "After this turn the project would have 14 files; the limit is 13.",
        },
      ]);
      // Already over a lowered limit: edits that do not add files still apply.
      const lowered = resolveApplyOptions({ limits: { maxProjectFiles: 5 } });
      okOf(applyOperations(project(), [patch("src/site.ts", '"BeanBox"', '"Beans"')], lowered));
    });
  });

  it("is all or nothing and reports every bad operation", () => {
    const current = project();
    const ops: unknown[] = [
      patch("src/App.tsx", 'title="Why BeanBox"', 'title="Why us"'),
      write("../escape.ts", "x"),
      write("src/sections/cta.tsx", "export default function Cta() { return <div>; }\n"),
      patch("src/sections/cta.tsx", "div", "span"),
      write("src/ok.ts", "export const ok = true;\n"),
      del("src/gone.ts"),
      write("src/App.tsx", "// rest of the file unchanged\n"),
      rename("src/index.css", "src/styles.css"),
    ];
    const result = applyOperations(current, ops as CodeOperation[]);
    expect(result.ok).toBe(false);
    expect(errorsOf(result).map((e) => [e.index, e.code])).toEqual([
      [1, "invalid_path"],
      // Parsed as the file ends up; blamed on the last operation that changed it.
      [3, "syntax_error"],
      [5, "not_found"],
      [6, "placeholder"],
    ]);
    // The current version is untouched.
    expect(current).toEqual(project());
    expect(current.get("src/App.tsx")).toBe(app);
  });

  it("never throws on hostile input", () => {
    const hostile: unknown[] = [
      { path: "a".repeat(10_000), action: "write", content: "x" },
      { path: "src/a.ts", action: "write", content: "\u0000\uffff\ud800" },
      { path: "src/b.tsx", action: "write", content: "<".repeat(50_000) },
      { path: "src/c.ts", action: "patch", content: "<<<<<<< SEARCH\n" },
      { path: "src/App.tsx", action: "patch", content: "<<<<<<< SEARCH\n\n=======\nx\n>>>>>>> REPLACE" },
      { path: "src/d.json", action: "write", content: "[".repeat(100_000) },
      { path: "__proto__", action: "write", content: "{}" },
      { path: "constructor", action: "delete", content: "" },
      { path: "src/e.ts", action: "rename", content: "", to: "src/e.ts\n" },
    ];
    const errors = errorsOf(applyOperations(project(), hostile));
    expect(errors.map((e) => e.index)).toEqual([0, 1, 2, 3, 4, 5, 7, 8]);
  });
});
