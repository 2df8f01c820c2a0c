import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { collectEvents, createProtocolParser, MAX_OPEN_TAG, parseProtocol } from "@/lib/ai/protocol/parser";
import type { ProtocolEvent } from "@/lib/ai/protocol/types";

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/protocol/${name}`, import.meta.url), "utf8");
const FIXTURES = ["basic.txt", "jsx-nested.txt", "messy.txt"];

function parseChunks(chunks: string[]) {
  const parser = createProtocolParser();
  const events: ProtocolEvent[] = [];
  for (const chunk of chunks) events.push(...parser.push(chunk));
  events.push(...parser.end());
  return collectEvents(events);
}

/** What must not depend on chunk boundaries. */
function outcome(chunks: string[]) {
  const { operations, text, errors } = parseChunks(chunks);
  return { operations, text, errors };
}

/** Deterministic PRNG (mulberry32) so failures reproduce. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomChunks(text: string, next: () => number, max: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; ) {
    const size = 1 + Math.floor(next() * max);
    chunks.push(text.slice(i, i + size));
    i += size;
  }
  return chunks;
}

describe("chunk boundaries never change the result", () => {
  const transcripts = FIXTURES.flatMap((name) => {
    const text = fixture(name);
    return [
      [name, text],
      [`${name} (CRLF)`, text.replaceAll("\n", "\r\n")],
    ] as const;
  });

  it.each(transcripts)("%s: every split into two chunks", (_name, text) => {
    const whole = outcome([text]);
    for (let i = 0; i <= text.length; i++) {
      const split = outcome([text.slice(0, i), text.slice(i)]);
      if (JSON.stringify(split) !== JSON.stringify(whole)) {
        expect({ splitAt: i, ...split }).toEqual({ splitAt: i, ...whole });
      }
    }
  });

  it.each(transcripts)("%s: one character per chunk, and random chunk sizes", (_name, text) => {
    const whole = outcome([text]);
    expect(outcome([...text])).toEqual(whole);
    const next = random(text.length);
    for (let round = 0; round < 20; round++) expect(outcome(randomChunks(text, next, 16))).toEqual(whole);
  });

  it.each(transcripts)(
    "%s: code-deltas join to the content, between code-start and code-end",
    (_name, text) => {
      const { events } = parseChunks([...text]);
      const open = new Map<number, string[]>();
      for (const event of events) {
        if (event.type === "code-start") {
          expect(open.has(event.index)).toBe(false);
          open.set(event.index, []);
        } else if (event.type === "code-delta") {
          open.get(event.index)!.push(event.text);
        } else if (event.type === "code-end") {
          expect(open.get(event.index)!.join("")).toBe(event.operation.content);
          open.delete(event.index);
        }
      }
      // Whatever is still open was reported as truncated.
      const truncated = events.filter((e) => e.type === "error" && e.code === "truncated");
      expect([...open.keys()]).toEqual(truncated.map((e) => (e.type === "error" ? e.index : -1)));
    },
  );

  it("random token soup: whole, random chunks and single characters agree, and nothing throws", () => {
    const tokens = [
      "<code",
      "</code>",
      "</code >",
      "<code>",
      "<code/>",
      " path=",
      ' path="a.ts"',
      " path='b.tsx'",
      ' action="patch"',
      ' action="rename" to="c"',
      ' action="zap"',
      "<response>",
      "</response>",
      "<",
      ">",
      "/",
      '"',
      "'",
      "{",
      "}",
      "`",
      "\\",
      "\n",
      "\r\n",
      " ",
      "x",
      "<<<<<<< SEARCH\n",
      "=======\n",
      ">>>>>>> REPLACE\n",
      "\u0000",
      "\ud83d",
      "é",
    ];
    const next = random(42);
    for (let round = 0; round < 400; round++) {
      const length = Math.floor(next() * 120);
      let text = "";
      for (let t = 0; t < length; t++) text += tokens[Math.floor(next() * tokens.length)];
      const whole = outcome([text]);
      expect(outcome(randomChunks(text, next, 8)), text).toEqual(whole);
      expect(outcome([...text]), text).toEqual(whole);
    }
  });
});

describe("the sample transcripts", () => {
  it("basic: write, patch, delete and rename, response text around them", () => {
    const result = parseProtocol(fixture("basic.txt"));
    expect(result.errors).toEqual([]);
    expect(result.operations.map(({ path, action, to }) => ({ path, action, to }))).toEqual([
      { path: "src/components/hero.tsx", action: "write", to: undefined },
      { path: "src/app.tsx", action: "patch", to: undefined },
      { path: "src/components/old-banner.tsx", action: "delete", to: undefined },
      { path: "src/components/cta.tsx", action: "rename", to: "src/components/call-to-action.tsx" },
    ]);
    const hero = result.operations[0].content;
    expect(hero.startsWith('import { cn } from "@/lib/utils";\n')).toBe(true);
    expect(hero.endsWith("  );\n}")).toBe(true);
    expect(hero).toContain(
      'Run <code>npm install</code> and then <code className="font-mono">npm run dev</code>.',
    );
    expect(result.operations[1].content).toBe(
      [
        "<<<<<<< SEARCH",
        '      <Hero title="Old" />',
        "=======",
        '      <Hero title="New" />',
        ">>>>>>> REPLACE",
        "<<<<<<< SEARCH",
        'import { Banner } from "./components/old-banner";',
        "=======",
        ">>>>>>> REPLACE",
      ].join("\n"),
    );
    expect(result.operations[2].content).toBe("");
    expect(result.text).toBe(
      "\nI'll make the hero headline bolder, point the app at it, drop the old banner and rename the CTA.\n" +
        "\nDone — the headline is now **extra bold**.\n",
    );
  });

  it("jsx-nested: nested, self-closing, multi-line and look-alike <code> elements stay in the file", () => {
    const result = parseProtocol(fixture("jsx-nested.txt"));
    expect(result.errors).toEqual([]);
    expect(result.operations).toHaveLength(2);
    const docs = result.operations[0];
    expect(docs).toMatchObject({ path: "src/components/docs.tsx", action: "write" });
    expect(docs.content).toContain("nested: <code><code>y</code></code>, empty: <code/> and <code />.");
    expect(docs.content).toContain("<codeblock>not a code element</codeblock>");
    expect(docs.content).toContain(">multi</code\n      >\n    </article>");
    expect(docs.content.endsWith("  );\n}")).toBe(true);
    expect(result.operations[1]).toEqual({
      path: "src/app.tsx",
      action: "patch",
      content: "<<<<<<< SEARCH\n<Docs />\n=======\n<Docs compact />\n>>>>>>> REPLACE",
    });
    expect(result.text).toBe("Nested code elements ahead.\nText after all blocks, outside any tag.\n");
  });

  it("messy: errors per block, the rest still parsed, text between and after blocks", () => {
    const result = parseProtocol(fixture("messy.txt"));
    expect(result.errors.map(({ code, index, path }) => ({ code, index, path }))).toEqual([
      { code: "unknown_action", index: 0, path: "src/a.ts" },
      { code: "missing_attribute", index: 1, path: "src/b.ts" },
      { code: "missing_attribute", index: 2, path: undefined },
      { code: "truncated", index: 5, path: "src/cut.tsx" },
    ]);
    expect(result.operations).toEqual([
      { path: "src/c.ts", action: "write", content: "" },
      { path: "src/d.ts", action: "patch", content: "<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE" },
    ]);
    expect(result.text).toContain("Some text before any tag, with a <div> and a < sign and <codex>.");
    expect(result.text).toContain('prose may mention the <code> element and <code className="x"> too.');
    expect(result.text).toContain("between blocks");
    expect(result.text).toContain("</code> a stray close is text");
    expect(result.text).not.toContain("still skipped");
  });
});

describe("blocks", () => {
  it("action defaults to write; attributes in single quotes, any order, unknown ones ignored", () => {
    expect(parseProtocol(`<code path="a.ts">x</code>`).operations).toEqual([
      { path: "a.ts", action: "write", content: "x" },
    ]);
    expect(
      parseProtocol(`<code data-x="1" to='z' action='rename'\n  path='a b.ts' PATH="ignored">  </code>`)
        .operations,
    ).toEqual([{ path: "a b.ts", action: "rename", to: "z", content: "  " }]);
    // A quote of the other kind, and `>`, inside a value.
    expect(parseProtocol(`<code path='it"s>.ts'>x</code>`).operations[0].path).toBe('it"s>.ts');
  });

  it("emits code-start as soon as the opening tag is complete, and deltas as the body arrives", () => {
    const parser = createProtocolParser();
    expect(parser.push('<code path="a.ts" action="wri')).toEqual([]);
    expect(parser.push('te">\nconst a')).toEqual([
      { type: "code-start", index: 0, path: "a.ts", action: "write" },
      { type: "code-delta", index: 0, text: "const a" },
    ]);
    expect(parser.push(" = 1;\n</co")).toEqual([{ type: "code-delta", index: 0, text: " = 1;" }]);
    expect(parser.push("de>")).toEqual([
      { type: "code-end", index: 0, operation: { path: "a.ts", action: "write", content: "const a = 1;" } },
    ]);
    expect(parser.end()).toEqual([]);
    expect(parser.push("<response>late</response>")).toEqual([]);
  });

  it("drops only the first line break after the opening tag and the last one before </code>", () => {
    const content = (body: string) => parseProtocol(`<code path="a">${body}</code>`).operations[0].content;
    expect(content("\nx\n")).toBe("x");
    expect(content("\n\nx\n\n")).toBe("\nx\n");
    expect(content("x")).toBe("x");
    expect(content("\r\nx\r\n")).toBe("x");
    expect(content("\r\n\r\nx\r\n\r\n")).toBe("\r\nx\r\n");
    expect(content("\n")).toBe("");
    expect(content("\n\n")).toBe("");
    expect(content("  x  \n")).toBe("  x  ");
    expect(content("x\r")).toBe("x\r");
    expect(content("\r")).toBe("\r");
  });

  it("accepts whitespace before the > of </code>, and nothing else", () => {
    for (const close of ["</code >", "</code\n>", "</code\t \r\n>"]) {
      expect(parseProtocol(`<code path="a">x${close}after`)).toMatchObject({
        operations: [{ content: "x" }],
        text: "after",
      });
    }
    for (const close of ["</ code>", "</CODE>", "</code x>", "</code"]) {
      const result = parseProtocol(`<code path="a">x${close}`);
      expect(result.operations).toEqual([]);
      expect(result.errors.map((e) => e.code)).toEqual(["truncated"]);
    }
  });

  it("a block ends at the first </code> that closes no element opened inside it", () => {
    const result = parseProtocol(
      `<code path="a.tsx"><code><code>x</code></code><code/><code className="a">y</code></code>rest`,
    );
    expect(result.operations[0].content).toBe(
      `<code><code>x</code></code><code/><code className="a">y</code>`,
    );
    expect(result.text).toBe("rest");
    // Braces and quotes in a nested tag may hold `>` and `/>`.
    const tricky = `<code className={a > b ? "x/>" : '/>'} title="/">z</code>`;
    expect(parseProtocol(`<code path="t">${tricky}</code>`).operations[0].content).toBe(tricky);
  });

  it("patch bodies pass through raw; delete and rename carry empty bodies", () => {
    const patch = "<<<<<<< SEARCH\n  a\n=======\n  b\n>>>>>>> REPLACE";
    expect(parseProtocol(`<code path="p" action="patch">\n${patch}\n</code>`).operations).toEqual([
      { path: "p", action: "patch", content: patch },
    ]);
    expect(
      parseProtocol(`<code path="d" action="delete"></code><code path="r" action="rename" to="s"/>`)
        .operations,
    ).toEqual([
      { path: "d", action: "delete", content: "" },
      { path: "r", action: "rename", content: "", to: "s" },
    ]);
  });

  it("a rename without `to`, a block without a path and an unknown action are errors for that block only", () => {
    const result = parseProtocol(
      [
        `<code path="r" action="rename"></code>`,
        `<code action="write">x</code>`,
        `<code path="u" action="overwrite">skip <code>nested</code> me</code>`,
        `<code path="ok">kept</code>`,
      ].join("\n"),
    );
    expect(result.errors).toEqual([
      {
        type: "error",
        code: "missing_attribute",
        index: 0,
        path: "r",
        message: expect.stringContaining('"to"'),
      },
      { type: "error", code: "missing_attribute", index: 1, message: expect.stringContaining("no path") },
      {
        type: "error",
        code: "unknown_action",
        index: 2,
        path: "u",
        message: expect.stringContaining("overwrite"),
      },
    ]);
    expect(result.operations).toEqual([{ path: "ok", action: "write", content: "kept" }]);
    expect(
      result.events.filter((e) => e.type === "code-start").map((e) => e.type === "code-start" && e.index),
    ).toEqual([3]);
    expect(result.text).toBe("");
  });

  it("a block still open at the end is truncated and not an operation", () => {
    const midBody = parseProtocol(`<response>hi</response><code path="a.tsx">partial <code>x</code>`);
    expect(midBody.operations).toEqual([]);
    expect(midBody.errors).toEqual([
      {
        type: "error",
        code: "truncated",
        index: 0,
        path: "a.tsx",
        message: expect.stringContaining("a.tsx"),
      },
    ]);
    expect(midBody.events.some((e) => e.type === "code-start")).toBe(true);

    const midTag = parseProtocol(`<code path="a.tsx" action="wr`);
    expect(midTag.errors).toMatchObject([{ code: "truncated", index: 0, path: "a.tsx" }]);
    expect(midTag.events.some((e) => e.type === "code-start")).toBe(false);

    // Half a path is not reported as the path.
    const halfPath = parseProtocol(`<code path="src/compo`).errors;
    expect(halfPath).toMatchObject([{ code: "truncated", index: 0 }]);
    expect(halfPath[0].path).toBeUndefined();
    expect(parseProtocol(`<code path="x"></code`).errors).toMatchObject([{ code: "truncated", path: "x" }]);
  });

  it("inside <response>, a <code> tag without a path is prose; outside, it is a block", () => {
    expect(parseProtocol("<response>Use <code>npm</code>.</response>")).toMatchObject({
      text: "Use <code>npm</code>.",
      operations: [],
      errors: [],
    });
    expect(parseProtocol("Use <code>npm</code>.")).toMatchObject({
      text: "Use .",
      errors: [{ code: "missing_attribute", index: 0 }],
    });
    // A real block inside an unclosed response is still a block.
    expect(parseProtocol(`<response>intro\n<code path="a">x</code>`).operations).toHaveLength(1);
  });

  it("drops whitespace-only text between blocks and keeps other text verbatim", () => {
    const result = parseProtocol(
      `  \n<response>\n  A\n</response>\n\n<code path="a">x</code>\n \t\n<response>B</response>\n  tail  \n`,
    );
    expect(result.text).toBe("\n  A\nB\n  tail  \n");
  });
});

describe("hostile and garbage input", () => {
  it("passes hostile paths through unchanged", () => {
    const paths = [
      "../../etc/passwd",
      "/etc/passwd",
      "src\\..\\..\\win.ini",
      "C:\\Windows\\system32",
      "a\u0000b.ts",
      "line\nbreak.ts",
      "<code>.ts",
      "x".repeat(20_000),
    ];
    for (const path of paths) {
      const quote = path.includes('"') ? "'" : '"';
      const result = parseProtocol(`<code path=${quote}${path}${quote} to="${path}" action="rename"></code>`);
      expect(result.errors).toEqual([]);
      expect(result.operations).toEqual([{ path, to: path, action: "rename", content: "" }]);
    }
  });

  it("an opening tag that never ends within the limit is malformed and shown as text", () => {
    const text = `<code path="${"a".repeat(MAX_OPEN_TAG)}`;
    const result = parseProtocol(`${text}">x</code>`);
    expect(result.errors.map((e) => e.code)).toEqual(["malformed_tag"]);
    expect(result.operations).toEqual([]);
    expect(result.text.startsWith(text.slice(0, 100))).toBe(true);
  });

  it.each([
    ["lone <", "<"],
    ["<code at the end", "<code"],
    ["<code and a space at the end", "<code "],
    ["unbalanced closes", "</code></code></response></response>"],
    ["opening brackets", "<<<<<<<<"],
    ["unterminated quote", `<code path="a>b`],
    ["nested garbage", `<code path="a"><code <code "'{{{>`],
    ["NULs and lone surrogates", "\u0000\ud800<code path='\udfff'>\u0000</code>"],
  ])("never throws: %s", (_name, text) => {
    const whole = outcome([text]);
    expect(outcome([...text])).toEqual(whole);
    expect(whole.errors.every((e) => e.code !== "internal")).toBe(true);
  });

  it("never throws on random bytes", () => {
    const next = random(7);
    for (let round = 0; round < 200; round++) {
      const bytes = Buffer.from(Array.from({ length: 300 }, () => Math.floor(next() * 256)));
      const text = bytes.toString("latin1") + bytes.toString("utf8");
      const result = outcome(randomChunks(text, next, 32));
      expect(result.errors.filter((e) => e.code === "internal")).toEqual([]);
      expect(result).toEqual(outcome([text]));
    }
  });

  it("parses a 10 MB answer in 4 KB chunks with every operation", { timeout: 60_000 }, () => {
    const unit = fixture("basic.txt") + fixture("jsx-nested.txt");
    const copies = Math.ceil((10 * 1024 * 1024) / unit.length);
    const text = unit.repeat(copies);
    const parser = createProtocolParser();
    let operations = 0;
    let errors = 0;
    const count = (events: ProtocolEvent[]) => {
      for (const e of events) {
        if (e.type === "code-end") operations++;
        else if (e.type === "error") errors++;
      }
    };
    for (let i = 0; i < text.length; i += 4096) count(parser.push(text.slice(i, i + 4096)));
    count(parser.end());
    expect(errors).toBe(0);
    expect(operations).toBe(copies * 6);
  });
});
