import { describe, expect, it } from "vitest";
import { parseSearchReplace } from "@/lib/ai/protocol/search-replace";

const lines = (...l: string[]) => l.join("\n");

describe("parseSearchReplace", () => {
  it("reads blocks in order, keeping indentation and inner blank lines", () => {
    const content = lines(
      "<<<<<<< SEARCH",
      '      <Hero title="Old" />',
      "",
      "      <Footer />",
      "=======",
      '      <Hero title="New" />',
      ">>>>>>> REPLACE",
      "",
      "<<<<<<< SEARCH",
      'import { Banner } from "./banner";',
      "=======",
      ">>>>>>> REPLACE",
    );
    expect(parseSearchReplace(content)).toEqual({
      blocks: [
        { search: '      <Hero title="Old" />\n\n      <Footer />', replace: '      <Hero title="New" />' },
        { search: 'import { Banner } from "./banner";', replace: "" },
      ],
    });
  });

  it("tolerates trailing whitespace, more than 7 marker characters and CRLF", () => {
    const content = "<<<<<<<<< SEARCH  \r\na\r\nb\r\n==========\t\r\nc\r\n>>>>>>>>  REPLACE \r\n";
    expect(parseSearchReplace(content)).toEqual({ blocks: [{ search: "a\r\nb", replace: "c" }] });
  });

  it("treats indented marker look-alikes as content", () => {
    const content = lines("<<<<<<< SEARCH", "  =======", "=======", "  >>>>>>> REPLACE", ">>>>>>> REPLACE");
    expect(parseSearchReplace(content)).toEqual({
      blocks: [{ search: "  =======", replace: "  >>>>>>> REPLACE" }],
    });
  });

  it.each([
    ["no blocks", "", /no <<<<<<< SEARCH/],
    [
      "text outside a block",
      lines("<<<<<<< SEARCH", "a", "=======", "b", ">>>>>>> REPLACE", "oops"),
      /^Block 2: text outside/,
    ],
    [
      "missing divider",
      lines("<<<<<<< SEARCH", "a", ">>>>>>> REPLACE"),
      /^Block 1: ">>>>>>> REPLACE" before its =======/,
    ],
    ["missing end", lines("<<<<<<< SEARCH", "a", "=======", "b"), /^Block 1: no >>>>>>> REPLACE/],
    ["missing divider at the end", lines("<<<<<<< SEARCH", "a"), /^Block 1: no =======/],
    [
      "second divider",
      lines("<<<<<<< SEARCH", "a", "=======", "b", "=======", ">>>>>>> REPLACE"),
      /^Block 1: "=======" before/,
    ],
    [
      "second block without its start",
      lines("<<<<<<< SEARCH", "a", "=======", "b", ">>>>>>> REPLACE", "=======", ">>>>>>> REPLACE"),
      /^Block 2: "=======" without/,
    ],
    [
      "empty search",
      lines("<<<<<<< SEARCH", "=======", "b", ">>>>>>> REPLACE"),
      /^Block 1: the SEARCH section is empty/,
    ],
    [
      "only six markers",
      lines("<<<<<< SEARCH", "a", "=======", "b", ">>>>>>> REPLACE"),
      /^Block 1: text outside/,
    ],
  ])("reports %s, naming the block", (_name, content, message) => {
    const result = parseSearchReplace(content);
    expect("error" in result && result.error).toMatch(message);
  });
});
