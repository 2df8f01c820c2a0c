import { describe, expect, it } from "vitest";
import { designTurn } from "../../lib/ai/designer/design-turn";
import { type Intent, parseRequest } from "../../lib/ai/designer/intents";
import { applyOperations } from "../../lib/edits/apply-operations";
import { loadTemplateFiles } from "../../lib/templates/registry";

// Colours, fonts and light or dark mode are page-wide. A look asked for one section ("make the
// hero blue") is done for the whole page and said so — the section is not reported as skipped.
// A section joined on by "and" after the style ("make it blue and the stats") still is.

const blue: Intent = { type: "set-palette", palette: "blue", label: "blue" };
const green: Intent = { type: "set-palette", palette: "green", label: "green" };
const dark: Intent = { type: "set-mode", mode: "dark" };
const serif: Intent = { type: "set-font", font: "classic", word: "serif" };

describe("designer: a section named as the target of a style is page-wide", () => {
  it.each<[string, Intent[], string[]]>([
    // The object of the verb, before the style.
    ["make the hero blue", [blue], ["the hero"]],
    ["make the pricing section green", [green], ["the pricing section"]],
    ["Make the Hero section blue, please", [blue], ["the Hero section"]],
    ["give the footer a dark background", [dark], ["the footer"]],
    ["switch the navbar to dark mode", [dark], ["the navbar"]],
    ["make the FAQ section use a serif font", [serif], ["the FAQ section"]],
    ["make the colour of the hero blue", [blue], ["the hero"]],
    ["make the navbar darker", [{ type: "shift-palette", steps: 1 }], ["the navbar"]],
    // A place the style is put, after it.
    ["dark mode for the navbar", [dark], ["the navbar"]],
    ["use a serif font in the FAQ", [serif], ["the FAQ"]],
    // Several sections listed as one target.
    ["make the hero and the stats blue", [blue], ["the hero", "the stats"]],
    ["blue for the hero and the stats", [blue], ["the hero", "the stats"]],
    // Every style of the clause goes with it.
    ["turn the hero green and dark mode", [green, dark], ["the hero"]],
  ])("%s", (message, intents, sections) => {
    expect(parseRequest(message)).toEqual({ intents, unknown: [], pageWide: [{ sections, intents }] });
  });

  it("keeps one entry per request, with that request's styles", () => {
    expect(parseRequest("make the hero blue and use a serif font in the FAQ")).toEqual({
      intents: [blue, serif],
      unknown: [],
      pageWide: [
        { sections: ["the hero"], intents: [blue] },
        { sections: ["the FAQ"], intents: [serif] },
      ],
    });
  });

  it("keeps only the style edits of a message that also changes sections", () => {
    expect(parseRequest("make the hero blue and remove the stats")).toEqual({
      intents: [blue, { type: "remove-section", sections: ["stats"] }],
      unknown: [],
      pageWide: [{ sections: ["the hero"], intents: [blue] }],
    });
  });
});

describe("designer: a section joined on to a style is still skipped", () => {
  it.each<[string, Intent[], string[]]>([
    ["make it blue and the stats", [blue], ["the stats"]],
    ["make it blue and the hero and the stats", [blue], ["the hero", "the stats"]],
    ["dark mode and the navbar", [dark], ["the navbar"]],
    ["use a serif font and the FAQ", [serif], ["the FAQ"]],
    ["make it green, the hero", [green], ["the hero"]],
    // "Except" is no place for the style: not claimed as understood.
    ["make everything blue except the hero", [blue], ["the hero"]],
  ])("%s", (message, intents, unknown) => {
    expect(parseRequest(message)).toEqual({ intents, unknown });
  });

  it.each([
    ["make the hero blue and the stats", "the stats"],
    ["make the hero blue, the stats", "the stats"],
  ])("%s: the target is page-wide, the section after it skipped", (message, skipped) => {
    expect(parseRequest(message)).toEqual({
      intents: [blue],
      unknown: [skipped],
      pageWide: [{ sections: ["the hero"], intents: [blue] }],
    });
  });
});

async function saasFiles(): Promise<Map<string, string>> {
  return new Map((await loadTemplateFiles("saas")).map((file) => [file.path, file.content.toString("utf8")]));
}

async function designAndApply(message: string, files?: Map<string, string>) {
  const before = files ?? (await saasFiles());
  const turn = await designTurn(message, before);
  const applied = applyOperations(before, turn.operations);
  if (!applied.ok) throw new Error(`apply failed: ${JSON.stringify(applied.errors)}`);
  const text = (path: string) => {
    const content = applied.files.get(path);
    return content === undefined || typeof content === "string"
      ? content
      : Buffer.from(content).toString("utf8");
  };
  return { text, response: turn.text.slice(0, turn.text.indexOf("</response>")) };
}

const WHOLE_PAGE = "Colours, fonts and dark mode apply to the whole page";

describe("designer answers: a look for one section", () => {
  it.each<[string, string, (file: (path: string) => string | undefined) => void]>([
    [
      "make the hero blue",
      "so the whole page is now blue (not only the hero).",
      (file) => expect(file("src/theme.css")).toMatch(/palette: blue/),
    ],
    [
      "dark mode for the navbar",
      "so the whole page is now in dark mode (not only the navbar).",
      (file) => expect(file("src/site.ts")).toContain('mode: "dark"'),
    ],
    [
      "use a serif font in the FAQ",
      "so the whole page now uses the Classic serif font (not only the FAQ).",
      (file) => expect(file("src/theme.css")).toMatch(/font: classic/),
    ],
    [
      "make the pricing section green",
      "so the whole page is now green (not only the pricing section).",
      (file) => expect(file("src/theme.css")).toMatch(/palette: green/),
    ],
    [
      "make the hero dark green",
      "so the whole page is now a darker green (not only the hero).",
      (file) => expect(file("src/theme.css")).toMatch(/palette: green · .*shade: \+1/),
    ],
    [
      "make the hero green and dark mode for the navbar",
      "so the whole page is now green and in dark mode (not only the hero and the navbar).",
      (file) => expect(file("src/site.ts")).toContain('mode: "dark"'),
    ],
    [
      "make the hero blue and a serif font",
      "so the whole page is now blue, and uses the Classic serif font (not only the hero).",
      (file) => expect(file("src/theme.css")).toMatch(/palette: blue .*font: classic/),
    ],
  ])("%s: changes the whole page and says so", async (message, sentence, check) => {
    const { text, response } = await designAndApply(message);
    check(text);
    expect(response).toContain("Here is what I changed:");
    expect(response).toContain(`${WHOLE_PAGE}, ${sentence}`);
    expect(response).not.toMatch(/skipped|didn't understand|Not done/);
  });

  it("still names a section joined on by 'and' as skipped", async () => {
    const { text, response } = await designAndApply("make the hero blue and the stats");
    expect(text("src/theme.css")).toMatch(/palette: blue/);
    expect(response).toContain(`${WHOLE_PAGE}, so the whole page is now blue (not only the hero).`);
    expect(response).toContain("I skipped “the stats” because I didn't understand it");
    expect(response).not.toContain("“the hero”");
  });

  it("says nothing is page-wide when no section was named", async () => {
    const { response } = await designAndApply("make it blue and the stats");
    expect(response).not.toContain(WHOLE_PAGE);
    expect(response).toContain("I skipped “the stats” because I didn't understand it");
  });

  it("claims no change when the page already looked that way", async () => {
    const files = await saasFiles();
    const site = files.get("src/site.ts")!;
    expect(site).toContain('mode: "light"');
    files.set("src/site.ts", site.replace('mode: "light"', 'mode: "dark"'));
    const { response } = await designAndApply("dark mode for the navbar", files);
    expect(response).toContain("I made no changes.");
    expect(response).toContain(`${WHOLE_PAGE}, never to one section alone (the navbar).`);
    expect(response).not.toMatch(/is now|skipped/);
    expect(response).toContain("dark mode: the page is already dark");
  });
});
