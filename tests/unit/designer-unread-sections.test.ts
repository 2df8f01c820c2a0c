import { describe, expect, it } from "vitest";
import { designTurn } from "../../lib/ai/designer/design-turn";
import { type Intent, parseRequest } from "../../lib/ai/designer/intents";
import { applyOperations } from "../../lib/edits/apply-operations";
import { loadTemplateFiles } from "../../lib/templates/registry";

// Every section a message names is either acted on or reported as not understood, in the words
// the person used — never dropped without a word. New texts and brand names are taken literally.

type Position = Extract<Intent, { type: "move-section" }>["position"];
const move = (section: string, position: Position): Intent => ({ type: "move-section", section, position });
const blue: Intent = { type: "set-palette", palette: "blue", label: "blue" };
const headline = (value: string): Intent => ({ type: "set-text", role: "headline", value });

describe("designer: a section named but not acted on is reported", () => {
  it.each<[string, Intent[], string[]]>([
    ["move the FAQ to the end and the stats", [move("faq", { kind: "end" })], ["the stats"]],
    [
      "add pricing after the features and an FAQ",
      [{ type: "add-section", sections: ["pricing"], position: { kind: "after", section: "features" } }],
      ["an FAQ"],
    ],
    ["make it blue and the stats", [blue], ["the stats"]],
    // The words as written: the article, the case, a trailing "section".
    [
      "please move the FAQ to the end and the Stats section, thanks",
      [move("faq", { kind: "end" })],
      ["the Stats section"],
    ],
    [
      "move the FAQ to the end and the stats and pricing",
      [move("faq", { kind: "end" })],
      ["the stats", "pricing"],
    ],
    // A section joined on after the style is not its target ("make the hero blue" is page-wide:
    // designer-page-wide.test.ts).
    ["make it blue and the hero", [blue], ["the hero"]],
    ["make it blue and the stats and dark mode", [blue, { type: "set-mode", mode: "dark" }], ["the stats"]],
    // Quoted words outside a new text name sections too.
    ["remove the FAQ and 'the stats'", [{ type: "remove-section", sections: ["faq"] }], ["the stats"]],
    // Named twice, reported once.
    ["make it blue and the stats and the numbers", [blue], ["the stats"]],
    // "Then" after a place other than the top is not guessed at.
    ["move the FAQ up, then pricing", [move("faq", { kind: "up" })], ["pricing"]],
    ["put the FAQ last, then pricing", [move("faq", { kind: "end" })], ["pricing"]],
    ["reorder: the FAQ first, then a pricing table", [move("faq", { kind: "start" })], ["a pricing table"]],
  ])("%s", (message, intents, unknown) => {
    expect(parseRequest(message)).toEqual({ intents, unknown });
  });

  it("reports it after the other parts a clause did not understand, in message order", () => {
    expect(parseRequest("make it pop and move the FAQ to the end and the stats")).toEqual({
      intents: [move("faq", { kind: "end" })],
      unknown: ["make it pop", "the stats"],
    });
  });
});

describe("designer: sections after a place at the top, joined by 'then', follow in order", () => {
  it.each<[string, Intent[]]>([
    [
      "reorder: faq first, then pricing",
      [move("faq", { kind: "start" }), move("pricing", { kind: "after", section: "faq" })],
    ],
    [
      "Reorder: the FAQ first, then pricing, then the stats section.",
      [
        move("faq", { kind: "start" }),
        move("pricing", { kind: "after", section: "faq" }),
        move("stats", { kind: "after", section: "pricing" }),
      ],
    ],
    [
      "put the FAQ at the top and then pricing",
      [move("faq", { kind: "start" }), move("pricing", { kind: "after", section: "faq" })],
    ],
    // A "then" with a place of its own is a move of its own.
    [
      "reorder: faq first, then pricing last",
      [move("faq", { kind: "start" }), move("pricing", { kind: "end" })],
    ],
    [
      "move the FAQ first, then pricing, and make it blue",
      [move("faq", { kind: "start" }), move("pricing", { kind: "after", section: "faq" }), blue],
    ],
  ])("%s", (message, intents) => {
    expect(parseRequest(message)).toEqual({ intents, unknown: [] });
  });
});

describe("designer: what is not flagged", () => {
  it.each<[string, Intent[]]>([
    // Section words inside a new text are the text.
    ["change the headline to Hello and the footer", [headline("Hello and the footer")]],
    ["change the headline to 'Hello and the footer'", [headline("Hello and the footer")]],
    ["change the headline to “Hello” and the footer", [headline("Hello and the footer")]],
    ["change the headline to Pricing & team", [headline("Pricing & team")]],
    ["set the headline “Our team” please", [headline("Our team")]],
    ["headline: Our team", [headline("Our team")]],
    [
      "change the FAQ heading to FAQ and the footer",
      [{ type: "set-text", role: "headline", value: "FAQ and the footer", section: "faq" }],
    ],
    // …and inside a brand name.
    ["rename the brand to Pricing Pros", [{ type: "rename-brand", name: "Pricing Pros" }]],
    ["call it 'Team Work'", [{ type: "rename-brand", name: "Team Work" }]],
    ["our company is called Menu Makers", [{ type: "rename-brand", name: "Menu Makers" }]],
    // The role word names the text, not the call-to-action section; the hero is a text's default.
    ["make the CTA say Order now", [{ type: "set-text", role: "primary-cta", value: "Order now" }]],
    ["set the hero heading to Hello", [headline("Hello")]],
    [
      "change the pricing cta to Go",
      [{ type: "set-text", role: "primary-cta", value: "Go", section: "pricing" }],
    ],
    [
      "change the button in the navbar to Go",
      [{ type: "set-text", role: "primary-cta", value: "Go", section: "navbar" }],
    ],
    // Sections the intent references: added, placed next to, moved, swapped, removed.
    [
      "add testimonials before the footer",
      [{ type: "add-section", sections: ["testimonials"], position: { kind: "before", section: "footer" } }],
    ],
    ["move pricing above testimonials", [move("pricing", { kind: "before", section: "testimonials" })]],
    ["swap pricing and testimonials", [{ type: "swap-sections", a: "pricing", b: "testimonials" }]],
    ["remove the stats and the numbers", [{ type: "remove-section", sections: ["stats"] }]],
    ["add an FAQ with questions about shipping", [{ type: "add-section", sections: ["faq"] }]],
  ])("%s", (message, intents) => {
    expect(parseRequest(message)).toEqual({ intents, unknown: [] });
  });
});

async function saasFiles(): Promise<Map<string, string>> {
  return new Map((await loadTemplateFiles("saas")).map((file) => [file.path, file.content.toString("utf8")]));
}

/** Component names inside <main>, top to bottom. */
function mainOrder(app: string): string[] {
  const main = app.slice(app.indexOf("<main>"), app.indexOf("</main>"));
  return [...main.matchAll(/<([A-Z]\w*)/g)].map((match) => match[1]);
}

async function designAndApply(message: string) {
  const files = await saasFiles();
  const turn = await designTurn(message, files);
  const applied = applyOperations(files, turn.operations);
  if (!applied.ok) throw new Error(`apply failed: ${JSON.stringify(applied.errors)}`);
  const app = applied.files.get("src/App.tsx");
  return {
    order: mainOrder(typeof app === "string" ? app : Buffer.from(app ?? "").toString("utf8")),
    response: turn.text.slice(0, turn.text.indexOf("</response>")),
  };
}

describe("designer answers: the part it skipped is named", () => {
  it.each([
    ["move the FAQ to the end and the stats", "the stats"],
    ["add pricing after the features and an FAQ", "an FAQ"],
    ["make it blue and the stats", "the stats"],
  ])("%s", async (message, words) => {
    const { response } = await designAndApply(message);
    expect(response).toContain("Here is what I changed:");
    expect(response).toContain(`I skipped “${words}” because I didn't understand it`);
  });

  it("does the reorder it reads and skips nothing", async () => {
    // The saas starter's <main>: Hero LogoCloud Features Stats Testimonials Pricing Faq Cta.
    const { order, response } = await designAndApply("reorder: faq first, then pricing");
    expect(order).toEqual([
      "Faq",
      "Pricing",
      "Hero",
      "LogoCloud",
      "Features",
      "Stats",
      "Testimonials",
      "Cta",
    ]);
    expect(response).not.toMatch(/skipped|Not done/);
  });

  it("says nothing was skipped when section words are only in the new text", async () => {
    const { response } = await designAndApply("change the headline to Hello and the footer");
    expect(response).toContain("“Hello and the footer”");
    expect(response).not.toMatch(/skipped|Not done/);
  });
});
