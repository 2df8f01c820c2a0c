/** What the offline designer can do, in words for people (the empty chat, help answers, README). */

/** Three requests that work on every starter; the empty chat offers them as suggestions. */
export const DESIGNER_EXAMPLES: string[] = [
  "Change the headline to Fresh beans, every week",
  "Make it green and add an FAQ after the features",
  "A landing page for a coffee subscription called BeanBox with pricing and an FAQ",
];

export type DesignerCapability = { area: string; examples: string[]; effect: string };

export const DESIGNER_CAPABILITIES: DesignerCapability[] = [
  {
    area: "Texts",
    examples: [
      "change the headline to Fresh beans, every week",
      "make the subtitle say 'Roasted on Monday, at your door on Wednesday'",
      "change the button to Start free trial",
      "set the pricing title to Plans for every appetite",
    ],
    effect: "Edits the prop in src/App.tsx (hero by default, or the section you name).",
  },
  {
    area: "Brand",
    examples: ["rename the brand to BeanBox", "call it BeanBox"],
    effect: "src/site.ts name, the index.html title and every mention in the page texts.",
  },
  {
    area: "Colours",
    examples: ["make it green", "use #0ea5e9", "a bit darker", "use a warm palette", "ocean colours"],
    effect: "Regenerates src/theme.css (palette, neutral greys, shade).",
  },
  {
    area: "Fonts",
    examples: ["use a serif font", "make the font more technical", "use the friendly font"],
    effect: "Regenerates src/theme.css with one of 7 font presets.",
  },
  {
    area: "Light / dark",
    examples: ["switch to dark mode", "make it light"],
    effect: "Sets `mode` in src/site.ts.",
  },
  {
    area: "Sections",
    examples: [
      "add a pricing section",
      "add an FAQ after the features",
      "remove the logo cloud",
      "move pricing above testimonials",
      "move the FAQ to the end",
    ],
    effect: "Edits src/App.tsx (import + one line) and writes or deletes src/sections/<id>.tsx.",
  },
  {
    area: "A first page",
    examples: ["a landing page for a coffee subscription called BeanBox with pricing and an FAQ"],
    effect: "Writes a whole page: brand, copy, palette and sections chosen from the description.",
  },
];

/** A short markdown description for a help answer or a "did not understand" answer. */
export function describeDesignerCapabilities(): string {
  const lines = DESIGNER_CAPABILITIES.map(
    (capability) =>
      `- **${capability.area}** — ${capability.examples
        .slice(0, 2)
        .map((example) => `“${example}”`)
        .join(", ")}`,
  );
  return [
    "I'm the offline designer: a rule-based engine (not an AI model) that edits this page's files. I understand:",
    "",
    ...lines,
    "",
    "Several requests in one message work too: “make it green and add an FAQ”. The sections I know: navbar, hero, logo cloud, features, stats, testimonials, pricing, FAQ, call to action, contact form, team, schedule, projects and footer.",
  ].join("\n");
}
