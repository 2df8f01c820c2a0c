import type { PaletteName } from "@/lib/templates/palettes";
import type { FontPreset } from "@/lib/templates/schemas";

/**
 * The words the offline designer knows. Everything here is data so the README's table and the
 * intent parser cannot drift apart: a phrase list per section, colour, palette mood and font.
 */

export type NeutralName = "slate" | "gray" | "zinc" | "neutral" | "stone";

/** Section id → phrases that name it, longest first when matched. */
export const SECTION_WORDS: Record<string, string[]> = {
  navbar: [
    "navigation bar",
    "navigation",
    "nav bar",
    "navbar",
    "top bar",
    "menu bar",
    "menu",
    "header",
    "nav",
  ],
  hero: ["hero section", "hero banner", "hero", "intro section", "splash"],
  "logo-cloud": [
    "logo cloud",
    "logo wall",
    "logo strip",
    "logo bar",
    "customer logos",
    "client logos",
    "logos",
    "clients",
    "sponsors",
    "partners",
    "trusted by",
  ],
  features: ["feature grid", "features", "feature section", "services", "benefits"],
  stats: ["statistics", "stats", "numbers", "metrics", "figures", "kpis"],
  testimonials: ["testimonials", "testimonial", "reviews", "quotes", "social proof", "customer stories"],
  pricing: ["pricing table", "pricing", "prices", "plans", "tickets", "price list"],
  faq: ["frequently asked questions", "faqs", "faq", "f.a.q.", "q&a", "questions"],
  cta: [
    "call to action",
    "call-to-action",
    "cta section",
    "cta banner",
    "signup banner",
    "sign-up banner",
    "cta",
  ],
  contact: ["contact form", "contact section", "contact", "get in touch form"],
  footer: ["footer"],
  team: ["team", "speakers", "people", "staff", "founders"],
  schedule: ["schedule", "agenda", "timetable", "programme", "program"],
  projects: ["projects", "portfolio", "case studies", "work", "gallery"],
};

/** Colour words that are Tailwind palettes themselves. */
export const PALETTE_COLOR_WORDS: PaletteName[] = [
  "red",
  "orange",
  "amber",
  "yellow",
  "lime",
  "green",
  "emerald",
  "teal",
  "cyan",
  "sky",
  "blue",
  "indigo",
  "violet",
  "purple",
  "fuchsia",
  "pink",
  "rose",
  "slate",
  "gray",
  "zinc",
  "neutral",
  "stone",
];

/** Other colour names people use, mapped to a palette or a #rrggbb the theme derives a scale from. */
export const EXTRA_COLOR_WORDS: Record<string, string> = {
  grey: "gray",
  black: "neutral",
  monochrome: "neutral",
  navy: "#1e3a8a",
  gold: "amber",
  golden: "amber",
  brown: "#8b5a2b",
  turquoise: "teal",
  aqua: "cyan",
  magenta: "fuchsia",
  lavender: "violet",
  lilac: "violet",
  mint: "emerald",
  olive: "#708238",
  coral: "#ff7f50",
  salmon: "#fa8072",
  crimson: "#dc143c",
  maroon: "#800000",
  burgundy: "#800020",
  peach: "#ffb07c",
  terracotta: "#e2725b",
};

export type PaletteMood = { palette: string; neutral: NeutralName; label: string };

/** Whole palettes: a mood word → brand palette + neutral. */
export const PALETTE_MOODS: Record<string, PaletteMood> = {
  warm: { palette: "orange", neutral: "stone", label: "warm (orange on stone)" },
  cool: { palette: "sky", neutral: "slate", label: "cool (sky on slate)" },
  ocean: { palette: "sky", neutral: "slate", label: "ocean (sky on slate)" },
  sea: { palette: "cyan", neutral: "slate", label: "sea (cyan on slate)" },
  forest: { palette: "emerald", neutral: "stone", label: "forest (emerald on stone)" },
  nature: { palette: "green", neutral: "stone", label: "nature (green on stone)" },
  earthy: { palette: "amber", neutral: "stone", label: "earthy (amber on stone)" },
  sunset: { palette: "orange", neutral: "stone", label: "sunset (orange on stone)" },
  coffee: { palette: "amber", neutral: "stone", label: "coffee (amber on stone)" },
  corporate: { palette: "blue", neutral: "slate", label: "corporate (blue on slate)" },
  professional: { palette: "blue", neutral: "slate", label: "professional (blue on slate)" },
  playful: { palette: "fuchsia", neutral: "zinc", label: "playful (fuchsia on zinc)" },
  calm: { palette: "teal", neutral: "slate", label: "calm (teal on slate)" },
  pastel: { palette: "violet", neutral: "gray", label: "pastel (violet on gray)" },
  neutral: { palette: "neutral", neutral: "neutral", label: "neutral (grey on grey)" },
  minimal: { palette: "zinc", neutral: "zinc", label: "minimal (zinc on zinc)" },
  luxury: { palette: "amber", neutral: "stone", label: "luxury (gold on stone)" },
  romantic: { palette: "rose", neutral: "stone", label: "romantic (rose on stone)" },
  vibrant: { palette: "pink", neutral: "zinc", label: "vibrant (pink on zinc)" },
  fresh: { palette: "lime", neutral: "stone", label: "fresh (lime on stone)" },
};

/** Font words → preset. Preset names themselves are matched too. */
export const FONT_WORDS: Array<[string, FontPreset]> = [
  ["sans-serif", "modern"],
  ["sans serif", "modern"],
  ["monospace", "technical"],
  ["mono", "technical"],
  ["technical", "technical"],
  ["techy", "technical"],
  ["code", "technical"],
  ["developer", "technical"],
  ["serif", "classic"],
  ["traditional", "classic"],
  ["classic", "classic"],
  ["editorial", "editorial"],
  ["elegant", "editorial"],
  ["magazine", "editorial"],
  ["fancy", "editorial"],
  ["luxurious", "editorial"],
  ["rounded", "friendly"],
  ["friendly", "friendly"],
  ["playful", "friendly"],
  ["fun", "friendly"],
  ["geometric", "geometric"],
  ["humanist", "humanist"],
  ["warm", "humanist"],
  ["modern", "modern"],
  ["clean", "modern"],
  ["sans", "modern"],
  ["simple", "modern"],
];
