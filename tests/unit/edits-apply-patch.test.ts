import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyPatch, applySearchReplace } from "@/lib/edits/apply-patch";

const app = readFileSync(new URL("../fixtures/edits/app.tsx.txt", import.meta.url), "utf8");

function patch(...blocks: Array<[string, string]>): string {
  return blocks.map(([s, r]) => `<<<<<<< SEARCH\n${s}\n=======\n${r}\n>>>>>>> REPLACE\n`).join("\n");
}

describe("applyPatch", () => {
  it("replaces an exact match", () => {
    const result = applyPatch(
      app,
      patch(['title="Coffee that finds you"', 'title="Fresh beans, every week"']),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.content).toContain('title="Fresh beans, every week"');
    expect(result.content).not.toContain("Coffee that finds you");
    expect(result.levels).toEqual(["exact"]);
    expect(result.content.length).toBe(
      app.length + "Fresh beans, every week".length - "Coffee that finds you".length,
    );
  });

  it("applies blocks in order, each to the result of the one before", () => {
    const result = applyPatch(
      app,
      patch(["Coffee that finds you", "Beans that find you"], ["Beans that find you", "Beans, weekly"]),
    );
    expect(result.ok && result.content.includes('title="Beans, weekly"')).toBe(true);
  });

  it("keeps $ sequences in the REPLACE literal", () => {
    const result = applyPatch(app, patch(['price: "$12"', 'price: "$& $1 $$"']));
    expect(result.ok && result.content.includes('price: "$& $1 $$"')).toBe(true);
  });

  it("names the block and its first line when nothing matches", () => {
    const result = applyPatch(
      app,
      patch(["Coffee that finds you", "x"], ['<Hero title="Old" />\n<Other />', '<Hero title="New" />']),
    );
    expect(result).toEqual({
      ok: false,
      code: "patch_no_match",
      reason: 'SEARCH block 2 matched nothing (starts with `<Hero title="Old" />`)',
    });
  });

  it("says how many places an ambiguous block matched", () => {
    const result = applyPatch(app, patch(['period: "month"', 'period: "mo"']));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("patch_ambiguous");
    expect(result.reason).toMatch(/^SEARCH block 1 matched 3 places \(starts with `period: "month"`\)/);
  });

  it("shortens a long first line in messages", () => {
    const result = applyPatch(app, patch([`${"x".repeat(100)}`, "y"]));
    expect(!result.ok && result.reason).toContain(`\`${"x".repeat(40)}…\``);
  });

  it("reports a malformed patch from the protocol parser", () => {
    const result = applyPatch(app, "just some text");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe("patch_malformed");
    expect(applyPatch(app, "").ok).toBe(false);
  });

  it("refuses an empty or whitespace-only SEARCH, even on an empty file", () => {
    expect(applySearchReplace("", [{ search: "", replace: "x" }])).toMatchObject({
      ok: false,
      code: "patch_malformed",
      reason: "SEARCH block 1 is empty",
    });
    expect(applySearchReplace("a\n  \nb", [{ search: "  \n", replace: "x" }]).ok).toBe(false);
  });

  describe("tolerant fallback", () => {
    const crlf = app.replace(/\n/g, "\r\n");

    it("matches an LF search in a CRLF file and keeps CRLF", () => {
      const result = applyPatch(
        crlf,
        patch([
          '        <Hero\n          eyebrow="New · Fresh roasts every Monday"',
          '        <Hero\n          eyebrow="Now shipping"',
        ]),
      );
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.levels).toEqual(["line-endings"]);
      expect(result.content).toContain('        <Hero\r\n          eyebrow="Now shipping"\r\n');
      expect(result.content.replace(/\r\n/g, "")).not.toContain("\n");
    });

    it("converts the REPLACE to CRLF on an exact single-line match", () => {
      const result = applyPatch(crlf, patch(['title="Why BeanBox"', 'title="Why"\n          hidden']));
      expect(result.ok && result.content.includes('title="Why"\r\n          hidden\r\n')).toBe(true);
    });

    it("matches a CRLF search in an LF file", () => {
      const content = "a\nb\nc\n";
      const result = applySearchReplace(content, [{ search: "a\r\nb", replace: "x\r\ny" }]);
      expect(result).toEqual({ ok: true, content: "x\ny\nc\n", levels: ["line-endings"] });
    });

    it("ignores trailing whitespace", () => {
      const content = "function f() {   \n  return 1;\t\n}\n";
      const result = applySearchReplace(content, [
        { search: "function f() {\n  return 1;", replace: "function f() {\n  return 2;" },
      ]);
      expect(result).toEqual({
        ok: true,
        content: "function f() {\n  return 2;\n}\n",
        levels: ["trailing-whitespace"],
      });
    });

    it("ignores indentation and re-indents the REPLACE to the file", () => {
      const search = '<Cta title="Your first bag is on us" action="Claim it" href="#pricing" />\n</main>';
      const replace =
        '<Cta title="First bag free" action="Claim it" href="#pricing" />\n<section>\n  <p>Thanks</p>\n</section>\n</main>';
      const result = applyPatch(app, patch([search, replace]));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.levels).toEqual(["indentation"]);
      expect(result.content).toContain(
        '        <Cta title="First bag free" action="Claim it" href="#pricing" />\n        <section>\n          <p>Thanks</p>\n        </section>\n        </main>\n',
      );
    });

    it("removes indentation when the SEARCH was indented more than the file", () => {
      const content = "if (a) {\n  go();\n}\n";
      const result = applySearchReplace(content, [
        {
          search: "      if (a) {\n        go();\n      }",
          replace: "      if (b) {\n        go();\n      }",
        },
      ]);
      expect(result).toEqual({ ok: true, content: "if (b) {\n  go();\n}\n", levels: ["indentation"] });
    });

    it("still requires exactly one match at the level that finds any", () => {
      const content = "  x = 1;\n    x = 1;\n";
      const result = applySearchReplace(content, [{ search: "x = 1;\nnope", replace: "y" }]);
      expect(result.ok).toBe(false);
      const ambiguous = applySearchReplace(content, [{ search: "x = 1; ", replace: "y" }]);
      expect(ambiguous).toMatchObject({ ok: false, code: "patch_ambiguous" });
      if (!ambiguous.ok) expect(ambiguous.reason).toContain("matched 2 places");
    });

    it("deletes whole lines for an empty REPLACE", () => {
      const content = "a\n  b\nc\n";
      expect(applySearchReplace(content, [{ search: "b", replace: "" }])).toEqual({
        ok: true,
        content: "a\n  \nc\n",
        levels: ["exact"],
      });
      expect(applySearchReplace(content, [{ search: "b \nc", replace: "" }])).toEqual({
        ok: true,
        content: "a\n",
        levels: ["indentation"],
      });
    });

    it("works at the end of a file without a final newline", () => {
      const result = applySearchReplace("a\r\nb  ", [{ search: "b", replace: "c\nd" }]);
      expect(result).toEqual({ ok: true, content: "a\r\nc\r\nd  ", levels: ["exact"] });
      const loose = applySearchReplace("a\r\n  b  ", [{ search: "a\nb", replace: "c\nd" }]);
      expect(loose).toEqual({ ok: true, content: "c\r\nd", levels: ["indentation"] });
    });
  });
});
