import { describe, expect, it } from "vitest";
import { type Intent, parseRequest, splitClauses } from "../../lib/ai/designer/intents";

const intents = (message: string) => parseRequest(message).intents;

describe("designer intent parser: texts", () => {
  it.each<[string, Partial<Extract<Intent, { type: "set-text" }>>]>([
    [
      "change the headline to Fresh beans, every week",
      { role: "headline", value: "Fresh beans, every week" },
    ],
    [
      "Change the headline to Fresh beans, every week.",
      { role: "headline", value: "Fresh beans, every week" },
    ],
    ["make the title say Hello there", { role: "headline", value: "Hello there" }],
    ["set the hero heading to 'Coffee, but better'", { role: "headline", value: "Coffee, but better" }],
    ["headline: Big news", { role: "headline", value: "Big news" }],
    [
      "please update the main title to “Add more, remove less”",
      { role: "headline", value: "Add more, remove less" },
    ],
    [
      "Change the sub-headline to: We roast on Mondays.",
      { role: "subheadline", value: "We roast on Mondays" },
    ],
    ['change the subtitle to "Roasted weekly"', { role: "subheadline", value: "Roasted weekly" }],
    [
      "make the tagline read Small batches, big flavour",
      { role: "subheadline", value: "Small batches, big flavour" },
    ],
    ["change the button to Start free trial", { role: "primary-cta", value: "Start free trial" }],
    ["make the CTA say Order now!", { role: "primary-cta", value: "Order now!" }],
    ["make the secondary button say Learn more", { role: "secondary-cta", value: "Learn more" }],
    ["change the eyebrow to Now shipping", { role: "eyebrow", value: "Now shipping" }],
  ])("%s", (message, expected) => {
    expect(intents(message)).toEqual([{ type: "set-text", ...expected }]);
  });

  it("targets the section named next to the role word", () => {
    expect(intents("set the pricing title to Plans for every appetite")).toEqual([
      { type: "set-text", role: "headline", value: "Plans for every appetite", section: "pricing" },
    ]);
    expect(intents("change the FAQ heading to Good to know")[0]).toMatchObject({ section: "faq" });
    expect(intents("change the footer tagline to Roasted in Lisbon")[0]).toMatchObject({
      role: "subheadline",
      section: "footer",
    });
  });

  it("keeps apostrophes and commas inside values", () => {
    expect(
      intents("Please change the headline to “Don't stop, won't stop” and make the button say Go"),
    ).toEqual([
      { type: "set-text", role: "headline", value: "Don't stop, won't stop" },
      { type: "set-text", role: "primary-cta", value: "Go" },
    ]);
    expect(intents("change the headline to Let's brew")).toEqual([
      { type: "set-text", role: "headline", value: "Let's brew" },
    ]);
  });

  it("does not read colour or font requests about a part of the page as new texts", () => {
    expect(intents("change the button colour to green")).toEqual([
      { type: "set-palette", palette: "green", label: "green" },
    ]);
  });
});

describe("designer intent parser: brand", () => {
  it.each([
    ["rename the brand to BeanBox", "BeanBox"],
    ["call it BeanBox", "BeanBox"],
    ["Rename it to 'Bean Box'", "Bean Box"],
    ["change the company name to BeanBox Inc.", "BeanBox Inc"],
    ["our company is called Bean & Co", "Bean & Co"],
    ["it's called BeanBox", "BeanBox"],
  ])("%s", (message, name) => {
    expect(intents(message)).toEqual([{ type: "rename-brand", name }]);
  });
});

describe("designer intent parser: look and feel", () => {
  it.each<[string, Intent[]]>([
    ["make it green", [{ type: "set-palette", palette: "green", label: "green" }]],
    ["use #0ea5e9", [{ type: "set-palette", palette: "#0ea5e9", label: "#0ea5e9" }]],
    ["use #0EF as the accent colour", [{ type: "set-palette", palette: "#00eeff", label: "#00eeff" }]],
    ["make it navy", [{ type: "set-palette", palette: "#1e3a8a", label: "navy" }]],
    ["make it darker", [{ type: "shift-palette", steps: 1 }]],
    ["a bit lighter please", [{ type: "shift-palette", steps: -1 }]],
    ["much darker", [{ type: "shift-palette", steps: 2 }]],
    [
      "use a warm palette",
      [{ type: "set-palette", palette: "orange", neutral: "stone", label: "warm (orange on stone)" }],
    ],
    [
      "ocean colours please",
      [{ type: "set-palette", palette: "sky", neutral: "slate", label: "ocean (sky on slate)" }],
    ],
    [
      "make it warmer",
      [{ type: "set-palette", palette: "orange", neutral: "stone", label: "warm (orange on stone)" }],
    ],
    ["use a serif font", [{ type: "set-font", font: "classic", word: "serif" }]],
    ["switch to a sans-serif font", [{ type: "set-font", font: "modern", word: "sans-serif" }]],
    ["make the font more technical", [{ type: "set-font", font: "technical", word: "technical" }]],
    ["use the geometric font", [{ type: "set-font", font: "geometric", word: "geometric" }]],
    ["switch to dark mode", [{ type: "set-mode", mode: "dark" }]],
    ["Dark mode please!", [{ type: "set-mode", mode: "dark" }]],
    ["go back to light mode", [{ type: "set-mode", mode: "light" }]],
    ["make it light", [{ type: "set-mode", mode: "light" }]],
    ["make the background darker", [{ type: "set-mode", mode: "dark" }]],
    [
      "Can you make it dark green and use a serif font?",
      [
        { type: "set-palette", palette: "green", label: "green" },
        { type: "shift-palette", steps: 1 },
        { type: "set-font", font: "classic", word: "serif" },
      ],
    ],
  ])("%s", (message, expected) => {
    expect(intents(message)).toEqual(expected);
  });
});

describe("designer intent parser: sections", () => {
  it.each<[string, Intent[]]>([
    ["add a pricing section", [{ type: "add-section", sections: ["pricing"] }]],
    [
      "Add an FAQ after the features",
      [{ type: "add-section", sections: ["faq"], position: { kind: "after", section: "features" } }],
    ],
    [
      "add testimonials before the footer",
      [{ type: "add-section", sections: ["testimonials"], position: { kind: "before", section: "footer" } }],
    ],
    [
      "include a contact form at the end",
      [{ type: "add-section", sections: ["contact"], position: { kind: "end" } }],
    ],
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
    ["remove the logo cloud", [{ type: "remove-section", sections: ["logo-cloud"] }]],
    [
      "get rid of the stats and the testimonials",
      [{ type: "remove-section", sections: ["stats", "testimonials"] }],
    ],
    ["delete the call to action", [{ type: "remove-section", sections: ["cta"] }]],
    [
      "move pricing above testimonials",
      [{ type: "move-section", section: "pricing", position: { kind: "before", section: "testimonials" } }],
    ],
    ["move the FAQ to the end", [{ type: "move-section", section: "faq", position: { kind: "end" } }]],
    ["move the stats up", [{ type: "move-section", section: "stats", position: { kind: "up" } }]],
    ["put the FAQ first", [{ type: "move-section", section: "faq", position: { kind: "start" } }]],
    ["swap pricing and testimonials", [{ type: "swap-sections", a: "pricing", b: "testimonials" }]],
    // Several sections to one place arrive there in the order named.
    [
      "move the FAQ and the stats to the end",
      [
        { type: "move-section", section: "faq", position: { kind: "end" } },
        { type: "move-section", section: "stats", position: { kind: "after", section: "faq" } },
      ],
    ],
    [
      "put the FAQ and pricing first",
      [
        { type: "move-section", section: "faq", position: { kind: "start" } },
        { type: "move-section", section: "pricing", position: { kind: "after", section: "faq" } },
      ],
    ],
    [
      "move the testimonials and the FAQ above pricing",
      [
        { type: "move-section", section: "testimonials", position: { kind: "before", section: "pricing" } },
        { type: "move-section", section: "faq", position: { kind: "after", section: "testimonials" } },
      ],
    ],
    [
      "move the stats and the FAQ up",
      [
        { type: "move-section", section: "stats", position: { kind: "up" } },
        { type: "move-section", section: "faq", position: { kind: "up" } },
      ],
    ],
    ["move the FAQ all the way down", [{ type: "move-section", section: "faq", position: { kind: "end" } }]],
    ["move the FAQ all the way up", [{ type: "move-section", section: "faq", position: { kind: "start" } }]],
    ["move the FAQ to the very top", [{ type: "move-section", section: "faq", position: { kind: "start" } }]],
    ["put the FAQ at the very end", [{ type: "move-section", section: "faq", position: { kind: "end" } }]],
    ["take the stats out", [{ type: "remove-section", sections: ["stats"] }]],
    ["take the logos off the page", [{ type: "remove-section", sections: ["logo-cloud"] }]],
    [
      "swap pricing and testimonials and the FAQ and the stats",
      [
        { type: "swap-sections", a: "pricing", b: "testimonials" },
        { type: "swap-sections", a: "faq", b: "stats" },
      ],
    ],
    [
      "swap the FAQ with the stats and pricing with testimonials",
      [
        { type: "swap-sections", a: "faq", b: "stats" },
        { type: "swap-sections", a: "pricing", b: "testimonials" },
      ],
    ],
  ])("%s", (message, expected) => {
    expect(intents(message)).toEqual(expected);
  });
});

describe("designer intent parser: several requests and unknown ones", () => {
  it("splits at 'and' and commas only where a new command starts", () => {
    expect(splitClauses("make it green and add an FAQ")).toEqual(["make it green", "add an FAQ"]);
    expect(splitClauses("change the headline to Fresh beans, every week")).toHaveLength(1);
    expect(splitClauses("add pricing and an FAQ")).toHaveLength(1);
    expect(splitClauses("make it green, switch to dark mode; then remove the stats")).toHaveLength(3);
  });

  it("gives a move or add that leaves out its verb the one before it", () => {
    expect(splitClauses("move the stats up and the FAQ to the end")).toEqual([
      "move the stats up",
      "move the FAQ to the end",
    ]);
    expect(splitClauses("put the FAQ first, and the pricing last")).toEqual([
      "put the FAQ first",
      "move the pricing last",
    ]);
    expect(splitClauses("add an FAQ after the features & pricing at the end")).toEqual([
      "add an FAQ after the features",
      "add pricing at the end",
    ]);
    // No place before the "and": one list for one place.
    expect(splitClauses("add pricing and an FAQ after the features")).toHaveLength(1);
    expect(splitClauses("move the stats up and dark mode")).toEqual(["move the stats up", "dark mode"]);
  });

  it("reads several requests in one message", () => {
    expect(intents("make it green and add an FAQ")).toEqual([
      { type: "set-palette", palette: "green", label: "green" },
      { type: "add-section", sections: ["faq"] },
    ]);
    expect(intents("change the headline to Back to school and switch to dark mode")).toEqual([
      { type: "set-text", role: "headline", value: "Back to school" },
      { type: "set-mode", mode: "dark" },
    ]);
  });

  it("returns what it does not understand, verbatim", () => {
    expect(parseRequest("make it pop")).toEqual({ intents: [], unknown: ["make it pop"] });
    expect(parseRequest("delete the unicorn section")).toEqual({
      intents: [],
      unknown: ["delete the unicorn section"],
    });
    expect(parseRequest("make it green and make it pop")).toEqual({
      intents: [{ type: "set-palette", palette: "green", label: "green" }],
      unknown: ["make it pop"],
    });
  });

  it("recognises a request for help", () => {
    expect(intents("what can you do?")).toEqual([{ type: "help" }]);
    expect(intents("help")).toEqual([{ type: "help" }]);
  });
});

describe("designer intent parser: a first page from a description", () => {
  it("reads subject, brand and sections", () => {
    const [first, ...rest] = intents(
      "a landing page for a coffee subscription called BeanBox with pricing and an FAQ",
    );
    expect(first).toMatchObject({
      type: "first-page",
      subject: "coffee subscription",
      brand: "BeanBox",
      sections: ["pricing", "faq"],
    });
    expect(rest).toEqual([]);
  });

  it("takes colours, fonts and mode named in the description as overrides", () => {
    const result = intents(
      "Build me a website for a yoga studio in Lisbon called Flow, in dark mode with a serif font",
    );
    expect(result[0]).toMatchObject({
      type: "first-page",
      brand: "Flow",
      subjectText: "yoga studio in Lisbon",
    });
    expect(result.slice(1)).toEqual(
      expect.arrayContaining([
        { type: "set-mode", mode: "dark" },
        { type: "set-font", font: "classic", word: "serif" },
      ]),
    );
  });

  it("reads a capitalised subject as the brand", () => {
    expect(intents("a landing page for BeanBox, a coffee subscription, with testimonials")[0]).toMatchObject({
      brand: "BeanBox",
      subject: "coffee subscription",
      sections: ["testimonials"],
    });
  });

  it("does not mistake edits for a description", () => {
    expect(intents("change the page title to Hello")[0]).toMatchObject({ type: "set-text" });
    expect(intents("add a pricing section to the page")[0]).toMatchObject({ type: "add-section" });
  });
});
