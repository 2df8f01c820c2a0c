import { describe, expect, it } from "vitest";
import { designTurn } from "../../lib/ai/designer/design-turn";
import { type Intent, parseRequest } from "../../lib/ai/designer/intents";
import { applyOperations } from "../../lib/edits/apply-operations";
import { loadTemplateFiles } from "../../lib/templates/registry";

// Nothing asked for is dropped without a word. A colour shade ("dark green") no longer swallows an
// explicit "dark mode" in the same request, and a second colour — a page has one brand colour — is
// named as not done instead of vanishing.

const blue: Intent = { type: "set-palette", palette: "blue", label: "blue" };
const green: Intent = { type: "set-palette", palette: "green", label: "green" };
const darker: Intent = { type: "shift-palette", steps: 1 };
const lighter: Intent = { type: "shift-palette", steps: -1 };
const dark: Intent = { type: "set-mode", mode: "dark" };
const light: Intent = { type: "set-mode", mode: "light" };

describe("designer: an explicit mode next to a colour shade", () => {
  it.each<[string, Intent[]]>([
    ["make it dark green and dark mode", [green, darker, dark]],
    ["make it dark green with a dark theme", [green, darker, dark]],
    ["light blue and light mode", [blue, lighter, light]],
    ["make it light green and dark mode", [green, lighter, dark]],
  ])("%s: the shade and the mode", (message, intents) => {
    expect(parseRequest(message)).toEqual({ intents, unknown: [] });
  });

  it.each<[string, Intent[]]>([
    ["make it dark green", [green, darker]],
    ["make it dark and dark green", [green, darker]],
    ["make it light blue", [blue, lighter]],
  ])("%s: a loose 'dark' / 'light' next to a colour is the shade", (message, intents) => {
    expect(parseRequest(message)).toEqual({ intents, unknown: [] });
  });

  it("does both for one section, page-wide", () => {
    expect(parseRequest("make the hero dark green and dark mode")).toEqual({
      intents: [green, darker, dark],
      unknown: [],
      pageWide: [{ sections: ["the hero"], intents: [green, darker, dark] }],
    });
  });
});

describe("designer: a second colour in one request", () => {
  it.each<[string, Intent[], Array<{ colour: string; sections: string[]; kept: string }>]>([
    ["make it blue and green", [blue], [{ colour: "green", sections: [], kept: "blue" }]],
    ["blue buttons and a green footer", [blue], [{ colour: "green", sections: ["footer"], kept: "blue" }]],
    ["make it blue and dark blue", [blue], [{ colour: "dark blue", sections: [], kept: "blue" }]],
    [
      "make it dark green, blue and red",
      [green, darker],
      [
        { colour: "blue", sections: [], kept: "dark green" },
        { colour: "red", sections: [], kept: "dark green" },
      ],
    ],
    [
      "make it blue and #10b981",
      [{ type: "set-palette", palette: "#10b981", label: "#10b981" }],
      [{ colour: "blue", sections: [], kept: "#10b981" }],
    ],
  ])("%s: the first is applied, the others handed back", (message, intents, otherColours) => {
    expect(parseRequest(message)).toEqual({ intents, unknown: [], otherColours });
  });

  it("hands the footer back with the colour it was asked for, not as not understood", () => {
    expect(parseRequest("make the hero blue and the footer green")).toEqual({
      intents: [blue],
      unknown: [],
      pageWide: [{ sections: ["the hero"], intents: [blue] }],
      otherColours: [{ colour: "green", sections: ["the footer"], kept: "blue" }],
    });
  });

  it.each<[string, Intent[]]>([
    // The same colour twice, or a colour named as the one not wanted, is no second colour.
    ["make it blue, really blue", [blue]],
    ["make it green instead of blue", [green]],
    ["change the colour from blue to green", [green]],
    ["make it green, not blue", [green]],
  ])("%s: one colour", (message, intents) => {
    expect(parseRequest(message)).toEqual({ intents, unknown: [] });
  });

  it("still reports a section joined on without a colour as skipped", () => {
    expect(parseRequest("make it blue and the stats")).toEqual({ intents: [blue], unknown: ["the stats"] });
    expect(parseRequest("make the hero blue and the footer blue")).toEqual({
      intents: [blue],
      unknown: ["the footer"],
      pageWide: [{ sections: ["the hero"], intents: [blue] }],
    });
  });

  it("hands back a second colour of a first page's description", () => {
    const parsed = parseRequest("a landing page for a bakery called Crumb in pink and gold");
    expect(parsed.intents.find((intent) => intent.type === "set-palette")).toMatchObject({ palette: "pink" });
    expect(parsed.otherColours).toEqual([{ colour: "gold", sections: [], kept: "pink" }]);
  });
});

async function designAndApply(message: string) {
  const before = new Map(
    (await loadTemplateFiles("saas")).map((file) => [file.path, file.content.toString("utf8")]),
  );
  const turn = await designTurn(message, before);
  const applied = applyOperations(before, turn.operations);
  if (!applied.ok) throw new Error(`apply failed: ${JSON.stringify(applied.errors)}`);
  const text = (path: string) => {
    const content = applied.files.get(path);
    return typeof content === "string" ? content : Buffer.from(content ?? "").toString("utf8");
  };
  return { text, response: turn.text.slice(0, turn.text.indexOf("</response>")) };
}

const ONE_COLOUR = "colours apply to the whole page, which has one brand colour";

describe("designer answers", () => {
  it("makes the page a darker green and dark, and says both", async () => {
    const { text, response } = await designAndApply("make the hero dark green and dark mode");
    expect(text("src/site.ts")).toContain('mode: "dark"');
    expect(text("src/theme.css")).toMatch(/palette: green · .*shade: \+1/);
    expect(response).toContain(
      "so the whole page is now a darker green and in dark mode (not only the hero).",
    );
    expect(response).not.toMatch(/skipped|Not done/);
  });

  it.each([
    [
      "make the hero blue and the footer green",
      `- “green” for the footer: ${ONE_COLOUR} — blue, the first one asked for`,
    ],
    [
      "blue buttons and a green footer",
      `- “green” for the footer: ${ONE_COLOUR} — blue, the first one asked for`,
    ],
    ["make it blue and green", `- “green”: ${ONE_COLOUR} — blue, the first one asked for`],
  ])("%s: applies blue and names green as not done", async (message, line) => {
    const { text, response } = await designAndApply(message);
    expect(text("src/theme.css")).toMatch(/palette: blue /);
    expect(response).toContain(`Not done:\n${line}`);
    expect(response).not.toMatch(/skipped|didn't understand/);
  });
});
