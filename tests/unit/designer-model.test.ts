import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { generateText, streamText } from "ai";
import { describe, expect, it } from "vitest";
import { DESIGNER_EXAMPLES, describeDesignerCapabilities } from "../../lib/ai/designer/capabilities";
import { designTurn } from "../../lib/ai/designer/design-turn";
import { chunkText, createOfflineDesigner, lastUserMessage } from "../../lib/ai/designer/offline-designer";
import { applyBlocks, diffToBlocks, parseBlocks, renderBlocks } from "../../lib/ai/designer/operations";
import { parseProtocol } from "../../lib/ai/protocol/parser";
import { loadTemplateFiles } from "../../lib/templates/registry";

async function templateFiles(id: string): Promise<Map<string, string>> {
  return new Map((await loadTemplateFiles(id)).map((file) => [file.path, file.content.toString("utf8")]));
}

const designer = (files: Map<string, string>, chunkDelayMs?: number) =>
  createOfflineDesigner({ loadFiles: async () => new Map(files), chunkDelayMs });

describe("offline designer as an AI SDK model", () => {
  it("implements the v3 language model specification", () => {
    const model = designer(new Map());
    expect(model.specificationVersion).toBe("v3");
    expect(model.provider).toBe("pagecraft.offline-designer");
    expect(model.modelId).toBe("offline-designer-1");
    expect(model.supportedUrls).toEqual({});
  });

  it("streams its answer through streamText in small chunks, the same every time", async () => {
    const files = await templateFiles("saas");
    const run = async () => {
      const result = streamText({
        model: designer(files),
        prompt: "change the headline to Fresh beans, every week",
      });
      const chunks: string[] = [];
      for await (const chunk of result.textStream) chunks.push(chunk);
      return { chunks, finishReason: await result.finishReason, usage: await result.usage };
    };
    const first = await run();
    const second = await run();
    expect(second.chunks).toEqual(first.chunks);
    expect(first.chunks.length).toBeGreaterThan(5);
    for (const chunk of first.chunks.slice(0, -1)) {
      expect(chunk.length).toBeGreaterThanOrEqual(20);
      expect(chunk.length).toBeLessThanOrEqual(80);
    }
    expect(first.finishReason).toBe("stop");
    expect(first.usage.outputTokens).toBeGreaterThan(0);

    const text = first.chunks.join("");
    const expected = await designTurn("change the headline to Fresh beans, every week", files);
    expect(text).toBe(expected.text);
    expect(text.startsWith("<response>\n")).toBe(true);
  });

  it("answers through generateText with the same text as the stream", async () => {
    const files = await templateFiles("portfolio");
    const { text, finishReason } = await generateText({ model: designer(files), prompt: "make it green" });
    expect(finishReason).toBe("stop");
    const streamed = streamText({ model: designer(files), prompt: "make it green" });
    expect(await streamed.text).toBe(text);
    expect(parseProtocol(text).operations.map((operation) => operation.path)).toContain("src/theme.css");
  });

  it("emits the stream parts of the specification in order", async () => {
    const model = designer(await templateFiles("blank"));
    const { stream } = await model.doStream({
      prompt: [{ role: "user", content: [{ type: "text", text: "switch to dark mode" }] }],
    });
    const parts: LanguageModelV3StreamPart[] = [];
    const reader = stream.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) parts.push(next.value);
    const types = parts.map((part) => part.type);
    expect(types.slice(0, 3)).toEqual(["stream-start", "response-metadata", "text-start"]);
    expect(types.slice(-2)).toEqual(["text-end", "finish"]);
    expect(new Set(types.slice(3, -2))).toEqual(new Set(["text-delta"]));
  });

  it("honours chunkDelayMs", async () => {
    const files = await templateFiles("blank");
    const started = Date.now();
    const result = streamText({ model: designer(files, 5), prompt: "switch to dark mode" });
    let count = 0;
    for await (const _ of result.textStream) count++;
    expect(Date.now() - started).toBeGreaterThanOrEqual((count - 1) * 4);
  });

  it("reads the last user message of a conversation", () => {
    expect(
      lastUserMessage([
        { role: "system", content: "You are a designer." },
        { role: "user", content: [{ type: "text", text: "make it green" }] },
        { role: "assistant", content: [{ type: "text", text: "<response>Done</response>" }] },
        { role: "user", content: [{ type: "text", text: "now add an FAQ" }] },
      ]),
    ).toBe("now add an FAQ");
    expect(lastUserMessage([{ role: "system", content: "x" }])).toBe("");
  });

  it("chunks text deterministically, 20 to 80 characters, losing nothing", () => {
    const text = "x".repeat(1000) + "y".repeat(333);
    const chunks = chunkText(text);
    expect(chunks.join("")).toBe(text);
    expect(chunkText(text)).toEqual(chunks);
    expect(chunks.slice(0, -1).every((chunk) => chunk.length >= 20 && chunk.length <= 80)).toBe(true);
  });
});

describe("offline designer answers", () => {
  it("says plainly what it does not understand, lists what it can do and changes nothing", async () => {
    const turn = await designTurn("make it pop", await templateFiles("saas"));
    expect(turn.operations).toEqual([]);
    const parsed = parseProtocol(turn.text);
    expect(parsed.operations).toEqual([]);
    expect(parsed.text).toContain("I didn't understand “make it pop”");
    expect(parsed.text).toContain("rule-based");
    for (const example of DESIGNER_EXAMPLES) expect(parsed.text).toContain(example);
  });

  it("does the understood part of a message and names the skipped part", async () => {
    const turn = await designTurn("make it green and make it pop", await templateFiles("saas"));
    expect(turn.operations.map((operation) => operation.path)).toContain("src/theme.css");
    expect(parseProtocol(turn.text).text).toContain("I skipped “make it pop”");
  });

  it("explains requests it understood but could not do", async () => {
    const turn = await designTurn("remove the pricing", await templateFiles("blank"));
    expect(turn.operations).toEqual([]);
    expect(parseProtocol(turn.text).text).toContain("the page has no such section");
  });

  it("changes the same button text in the navbar and call to action along with the hero's", async () => {
    const files = await templateFiles("saas");
    const turn = await designTurn("change the button to Subscribe now", files);
    const [app] = turn.operations.filter((operation) => operation.path === "src/App.tsx");
    expect(app.action).toBe("patch");
    const blocks = parseBlocks(app.content);
    const next = applyBlocks(files.get("src/App.tsx")!, blocks);
    expect(next.match(/Subscribe now/g)).toHaveLength(3);
    expect(next).not.toContain('"Start free trial"');
  });

  it("reads its own darker shade back and stops at the limit", async () => {
    let files = await templateFiles("blank");
    for (let step = 1; step <= 4; step++) {
      const turn = await designTurn("make it darker", files);
      const theme = turn.operations.find((operation) => operation.path === "src/theme.css");
      if (step <= 3) {
        expect(theme?.content).toContain(`shade: +${step}`);
        files = new Map(files).set("src/theme.css", theme!.content);
      } else {
        expect(theme).toBeUndefined();
        expect(parseProtocol(turn.text).text).toContain("already at its limit");
      }
    }
  });

  it("is deterministic", async () => {
    const files = await templateFiles("event");
    const message =
      "a landing page for a tech conference in Lisbon called Frontier with speakers and a schedule";
    expect((await designTurn(message, files)).text).toBe((await designTurn(message, files)).text);
  });

  it("describes its capabilities", () => {
    expect(DESIGNER_EXAMPLES).toHaveLength(3);
    const description = describeDesignerCapabilities();
    expect(description).toContain("rule-based");
    expect(description).toMatch(/Sections/);
  });
});

describe("designer patches", () => {
  it("builds SEARCH/REPLACE blocks that reproduce the edit exactly", () => {
    const before = ["a", "b", "c", "b", "d", "e", "f", "g"].join("\n");
    const after = ["a", "B", "c", "b", "d", "e", "F", "g"].join("\n");
    const blocks = diffToBlocks(before, after)!;
    expect(blocks).toHaveLength(2);
    expect(applyBlocks(before, blocks)).toBe(after);
    expect(parseBlocks(renderBlocks(blocks))).toEqual(blocks);
  });

  it("widens a block with context until its SEARCH text is unique", () => {
    const before = "x\ny\nx\nz\n";
    const after = "x\ny\nX\nz\n";
    const blocks = diffToBlocks(before, after)!;
    expect(blocks[0].search).not.toBe("x");
    expect(applyBlocks(before, blocks)).toBe(after);
  });

  it("keeps pure insertions and deletions non-empty on both sides", () => {
    const before = "one\ntwo\nthree\n";
    for (const after of ["one\ntwo\nnew\nthree\n", "one\nthree\n"]) {
      const blocks = diffToBlocks(before, after)!;
      expect(blocks.every((block) => block.search !== "" && block.replace !== "")).toBe(true);
      expect(applyBlocks(before, blocks)).toBe(after);
    }
  });
});
