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
