import { describe, expect, it } from "vitest";
import { designTurn } from "../../lib/ai/designer/design-turn";
import { type Intent, parseRequest } from "../../lib/ai/designer/intents";
import { applyOperations } from "../../lib/edits/apply-operations";
import { loadTemplateFiles } from "../../lib/templates/registry";

// Several requests in one message: every one of them is read, whatever joins them ("and",
// commas, "then", "also", full stops) and whether or not the later one starts with a verb.

const removeTestimonials: Intent = { type: "remove-section", sections: ["testimonials"] };
const serif: Intent = { type: "set-font", font: "classic", word: "serif" };
const dark: Intent = { type: "set-mode", mode: "dark" };
const green: Intent = { type: "set-palette", palette: "green", label: "green" };
const warm: Intent = {
  type: "set-palette",
  palette: "orange",
  neutral: "stone",
  label: "warm (orange on stone)",
};
const headline = (value: string): Intent => ({ type: "set-text", role: "headline", value });
const button = (value: string): Intent => ({ type: "set-text", role: "primary-cta", value });
const pricingAboveTestimonials: Intent = {
  type: "move-section",
  section: "pricing",
  position: { kind: "before", section: "testimonials" },
};

describe("designer: combined requests are all read", () => {
  it.each<[string, Intent[]]>([
    // remove + font
    ["remove the testimonials section and use a serif font", [removeTestimonials, serif]],
    ["remove the testimonials section and a serif font", [removeTestimonials, serif]],
    ["Remove the testimonials section and serif font please", [removeTestimonials, serif]],
    ["remove the testimonials, also a serif font", [removeTestimonials, serif]],
    ["remove the testimonials also use a serif font", [removeTestimonials, serif]],
    ["Remove the testimonials. Serif font, please.", [removeTestimonials, serif]],
    ["remove the testimonials section. Also, use a serif font!", [removeTestimonials, serif]],
    ["remove the testimonials section then the font should be serif", [removeTestimonials, serif]],
    [
      "get rid of the stats and the testimonials and a serif font",
      [{ type: "remove-section", sections: ["stats", "testimonials"] }, serif],
    ],
    // add + colour
    ["add a pricing section and green colours", [{ type: "add-section", sections: ["pricing"] }, green]],
    ["add pricing, green palette", [{ type: "add-section", sections: ["pricing"] }, green]],
    [
      "add an FAQ after the features, also a warm palette",
      [{ type: "add-section", sections: ["faq"], position: { kind: "after", section: "features" } }, warm],
    ],
    ["add testimonials and a dark mode", [{ type: "add-section", sections: ["testimonials"] }, dark]],
    // headline + dark mode
    ["change the headline to Fresh beans and dark mode", [headline("Fresh beans"), dark]],
    ["change the headline to 'Fresh beans' and dark mode", [headline("Fresh beans"), dark]],
    ["Change the headline to Fresh beans. Dark mode please.", [headline("Fresh beans"), dark]],
    ["change the headline to Fresh beans, then a serif font", [headline("Fresh beans"), serif]],
    // move + button text
    [
      "move pricing above testimonials and the button to say Start free trial",
      [pricingAboveTestimonials, button("Start free trial")],
    ],
    [
      "move the FAQ to the end, then the button to Order now",
      [{ type: "move-section", section: "faq", position: { kind: "end" } }, button("Order now")],
    ],
    [
      "swap pricing and testimonials and dark mode",
      [{ type: "swap-sections", a: "pricing", b: "testimonials" }, dark],
    ],
    // look and feel followed by something else
    ["make it green and the button to say Go", [green, button("Go")]],
    ["use a serif font and an FAQ", [serif, { type: "add-section", sections: ["faq"] }]],
    [
      "switch to dark mode, plus some testimonials",
      [dark, { type: "add-section", sections: ["testimonials"] }],
    ],
    // texts followed by texts and styles
    [
      "change the headline to Fresh beans and the button to Order now",
      [headline("Fresh beans"), button("Order now")],
    ],
    ["rename the brand to BeanBox and a serif font", [{ type: "rename-brand", name: "BeanBox" }, serif]],
  ])("%s", (message, expected) => {
    expect(parseRequest(message)).toEqual({ intents: expected, unknown: [] });
  });

  it("reports the part it does not understand instead of dropping it", () => {
    expect(parseRequest("make it pop and a serif font")).toEqual({
      intents: [serif],
      unknown: ["make it pop"],
    });
  });

  it.each<[string, Intent[]]>([
    // Free text keeps its "and" when what follows is not plainly a request of its own.
    ["change the headline to Rich and warm", [headline("Rich and warm")]],
    ["change the headline to Tea and a few questions", [headline("Tea and a few questions")]],
    ["change the headline to Fresh beans, every week", [headline("Fresh beans, every week")]],
    ["call it Green and Gold", [{ type: "rename-brand", name: "Green and Gold" }]],
    // Lists of sections stay one request.
    [
      "add pricing and an FAQ after the features",
      [
        {
          type: "add-section",
          sections: ["pricing", "faq"],
          position: { kind: "after", section: "features" },
        },
      ],
    ],
    [
      "remove the stats, the FAQ and the testimonials",
      [{ type: "remove-section", sections: ["stats", "faq", "testimonials"] }],
    ],
    // One look-and-feel request stays one clause.
    ["use a warm and friendly font", [{ type: "set-font", font: "friendly", word: "friendly" }]],
  ])("keeps one request whole: %s", (message, expected) => {
    expect(parseRequest(message)).toEqual({ intents: expected, unknown: [] });
  });
});

const move = (section: string, position: Extract<Intent, { type: "move-section" }>["position"]): Intent => ({
  type: "move-section",
  section,
  position,
});
const add = (
  sections: string[],
  position?: Extract<Intent, { type: "add-section" }>["position"],
): Intent => ({
  type: "add-section",
  sections,
  ...(position ? { position } : {}),
});

describe("designer: a move or add that leaves out its verb takes over the one before it", () => {
  it.each<[string, Intent[]]>([
    [
      "move the stats up and the FAQ to the end",
      [move("stats", { kind: "up" }), move("faq", { kind: "end" })],
    ],
    [
      "move the FAQ to the top and the stats below the hero",
      [move("faq", { kind: "start" }), move("stats", { kind: "after", section: "hero" })],
    ],
    ["move the stats up, the FAQ to the end", [move("stats", { kind: "up" }), move("faq", { kind: "end" })]],
    ["Move the stats up & the FAQ to the end", [move("stats", { kind: "up" }), move("faq", { kind: "end" })]],
    [
      "can you move the stats up and the FAQ to the end please",
      [move("stats", { kind: "up" }), move("faq", { kind: "end" })],
    ],
    [
      "put the FAQ first and the pricing last",
      [move("faq", { kind: "start" }), move("pricing", { kind: "end" })],
    ],
    [
      "move the FAQ to the bottom then the stats to the top",
      [move("faq", { kind: "end" }), move("stats", { kind: "start" })],
    ],
    [
      "move the stats section higher and the FAQ section lower",
      [move("stats", { kind: "up" }), move("faq", { kind: "down" })],
    ],
    [
      "move the FAQ above pricing, the stats below the hero and testimonials to the end",
      [
        move("faq", { kind: "before", section: "pricing" }),
        move("stats", { kind: "after", section: "hero" }),
        move("testimonials", { kind: "end" }),
      ],
    ],
    [
      "move the testimonials below pricing. And the FAQ to the top.",
      [move("testimonials", { kind: "after", section: "pricing" }), move("faq", { kind: "start" })],
    ],
    [
      "Could you put the testimonials above the pricing and the FAQ at the very end?",
      [move("testimonials", { kind: "before", section: "pricing" }), move("faq", { kind: "end" })],
    ],
    [
      "add an FAQ after the features and pricing before the call to action",
      [
        add(["faq"], { kind: "after", section: "features" }),
        add(["pricing"], { kind: "before", section: "cta" }),
      ],
    ],
    [
      "add pricing at the end and an FAQ at the top",
      [add(["pricing"], { kind: "end" }), add(["faq"], { kind: "start" })],
    ],
    [
      "I'd like the FAQ at the end and the stats at the top",
      [add(["faq"], { kind: "end" }), add(["stats"], { kind: "start" })],
    ],
    // A text or a look after the carried move is still read as one.
    [
      "move the stats up, the FAQ to the end and the button to Go",
      [move("stats", { kind: "up" }), move("faq", { kind: "end" }), button("Go")],
    ],
    [
      "move the stats up, the FAQ to the end, then dark mode",
      [move("stats", { kind: "up" }), move("faq", { kind: "end" }), dark],
    ],
  ])("%s", (message, expected) => {
    expect(parseRequest(message)).toEqual({ intents: expected, unknown: [] });
  });

  it.each<[string, Intent[]]>([
    // A list of sections with one place (or none) for all stays one request.
    ["add pricing and a FAQ", [add(["pricing", "faq"])]],
    ["add a FAQ and pricing", [add(["faq", "pricing"])]],
    ["remove the testimonials and the FAQ", [{ type: "remove-section", sections: ["testimonials", "faq"] }]],
    ["delete the stats, then the FAQ", [{ type: "remove-section", sections: ["stats", "faq"] }]],
    ["remove the stats & the FAQ", [{ type: "remove-section", sections: ["stats", "faq"] }]],
    ["take the stats out and the FAQ too", [{ type: "remove-section", sections: ["stats", "faq"] }]],
    // Texts already carry on without a verb; "&" inside a text does not split it.
    ["make the headline 'Hello' and the button 'Go'", [headline("Hello"), button("Go")]],
    ["make the headline say Hello and the button say Go", [headline("Hello"), button("Go")]],
    ["change the headline to Salt & pepper", [headline("Salt & pepper")]],
    ["our company is called Bean & Co", [{ type: "rename-brand", name: "Bean & Co" }]],
    // An explicit verb is never replaced by the carried one.
    [
      "move the stats up and remove the FAQ",
      [move("stats", { kind: "up" }), { type: "remove-section", sections: ["faq"] }],
    ],
  ])("keeps its own reading: %s", (message, expected) => {
    expect(parseRequest(message)).toEqual({ intents: expected, unknown: [] });
  });
});

async function saasFiles(): Promise<Map<string, string>> {
  return new Map((await loadTemplateFiles("saas")).map((file) => [file.path, file.content.toString("utf8")]));
}

async function designAndApply(message: string) {
  const files = await saasFiles();
  const turn = await designTurn(message, files);
  const applied = applyOperations(files, turn.operations);
  if (!applied.ok) throw new Error(`apply failed: ${JSON.stringify(applied.errors)}`);
  const text = (path: string) => {
    const content = applied.files.get(path);
    return content === undefined || typeof content === "string"
      ? content
      : Buffer.from(content).toString("utf8");
  };
  const response = turn.text.slice(0, turn.text.indexOf("</response>"));
  return { turn, text, response };
}

const fontOf = (css: string | undefined) => /· font: (\S+)/.exec(css ?? "")?.[1];

describe("designer: combined requests change every file they name", () => {
  it.each([
    "remove the testimonials section and use a serif font",
    "remove the testimonials section and a serif font",
    "Remove the testimonials. Serif font, please.",
  ])("%s", async (message) => {
    const { text, response } = await designAndApply(message);
    expect(text("src/App.tsx")).not.toContain("<Testimonials");
    expect(text("src/sections/testimonials.tsx")).toBeUndefined();
    expect(fontOf(text("src/theme.css"))).toBe("classic");
    expect(response).not.toMatch(/skipped|Not done/);
  });

  it("adds a section and recolours", async () => {
    const { text } = await designAndApply("add a contact form and green colours");
    expect(text("src/App.tsx")).toContain("<Contact");
    expect(text("src/theme.css")).toMatch(/palette: green/);
  });

  it("changes the headline and switches to dark mode", async () => {
    const { text } = await designAndApply("change the headline to Fresh beans and dark mode");
    expect(text("src/App.tsx")).toMatch(/<Hero[^>]*title="Fresh beans"/);
    expect(text("src/site.ts")).toContain('mode: "dark"');
  });

  it("moves a section and changes the button text", async () => {
    const { text } = await designAndApply(
      "move pricing above testimonials and the button to say Order beans now",
    );
    const app = text("src/App.tsx")!;
    expect(app.indexOf("<Pricing")).toBeLessThan(app.indexOf("<Testimonials"));
    expect(app).toMatch(/<Hero[^>]*primaryCta="Order beans now"/);
  });
});

/** Component names inside <main>, top to bottom. */
function mainOrder(app: string | undefined): string[] {
  const main = (app ?? "").slice((app ?? "").indexOf("<main>"), (app ?? "").indexOf("</main>"));
  return [...main.matchAll(/<([A-Z]\w*)/g)].map((match) => match[1]);
}

describe("designer: every move of a message is carried out", () => {
  // The saas starter's <main>: Hero LogoCloud Features Stats Testimonials Pricing Faq Cta.
  it.each<[string, string[], number]>([
    [
      "move the stats up and the FAQ to the end",
      ["Hero", "LogoCloud", "Stats", "Features", "Testimonials", "Pricing", "Cta", "Faq"],
      2,
    ],
    [
      "move the FAQ to the top and the stats below the hero",
      ["Faq", "Hero", "Stats", "LogoCloud", "Features", "Testimonials", "Pricing", "Cta"],
      2,
    ],
    [
      "move the FAQ and the stats to the end",
      ["Hero", "LogoCloud", "Features", "Testimonials", "Pricing", "Cta", "Faq", "Stats"],
      2,
    ],
    [
      "swap pricing and testimonials and the FAQ and the stats",
      ["Hero", "LogoCloud", "Features", "Faq", "Pricing", "Testimonials", "Stats", "Cta"],
      0,
    ],
  ])("%s", async (message, order, moves) => {
    const { text, response } = await designAndApply(message);
    expect(mainOrder(text("src/App.tsx"))).toEqual(order);
    expect(response.match(/\*\*Moved the /g) ?? []).toHaveLength(moves);
    expect(response).not.toMatch(/skipped|Not done/);
  });

  it("says where a moved section went", async () => {
    const { response } = await designAndApply("move the stats up and the FAQ to the end");
    expect(response).toContain("**Moved the Stats** one place up");
    expect(response).toContain("**Moved the FAQ** to the end");
  });

  it("adds two sections, each at its own place", async () => {
    const { text } = await designAndApply("add a team section after the hero and a schedule at the end");
    expect(mainOrder(text("src/App.tsx"))).toEqual([
      "Hero",
      "Team",
      "LogoCloud",
      "Features",
      "Stats",
      "Testimonials",
      "Pricing",
      "Faq",
      "Cta",
      "Schedule",
    ]);
    expect(text("src/sections/team.tsx")).toBeDefined();
    expect(text("src/sections/schedule.tsx")).toBeDefined();
  });
});
