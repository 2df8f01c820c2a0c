import { renderAppAndContent, renderReadme } from "@/lib/templates/compose";
import type { TemplateDefinition } from "@/lib/templates/schemas";
import { getSection, readSectionSource, sectionProjectPath } from "@/lib/templates/sections/registry";
import {
  DEFAULT_KIND,
  DEFAULT_LOOK,
  KIND_NOUNS,
  KINDS,
  type Kind,
  LOOKS,
  type Look,
} from "./first-page-profiles";
import type { FirstPageRequest } from "./first-page-request";
import { PATHS, readSite, renderSiteTs, setDescription, setTitle, type ThemeState } from "./project-files";
import { capitalize, normalize } from "./text";
import type { Workspace } from "./workspace";

/**
 * A first page from a description: brand, copy, palette and sections chosen from its words, then
 * written with the same generators the starter templates use (compose.ts), so the result has
 * exactly the shape later edits expect.
 */

const STANDARD = ["navbar", "hero", "features", "cta", "footer"];

const hasWord = (text: string, word: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "u").test(
    text,
  );

function pick<T extends { keywords: string[] }>(items: T[], texts: string[], fallback: T): T {
  for (const text of texts) {
    // The earliest keyword in the text wins: "coffee subscription" is about coffee before it is a box.
    let best: { item: T; index: number } | undefined;
    for (const item of items) {
      for (const keyword of item.keywords) {
        if (!hasWord(text, keyword)) continue;
        const index = text.indexOf(keyword);
        if (!best || index < best.index) best = { item, index };
      }
    }
    if (best) return best.item;
  }
  return fallback;
}

function chooseKind(request: FirstPageRequest): Kind {
  // The kind is named by the last noun of the subject ("coffee subscription" is a subscription).
  const words = request.subject.split(" ");
  for (let i = words.length - 1; i >= 0; i--) {
    const kind = KINDS.find((candidate) => candidate.keywords.includes(words[i]));
    if (kind) return kind;
  }
  return pick(KINDS, [normalize(request.description)], DEFAULT_KIND);
}

export function chooseLook(request: FirstPageRequest): Look {
  return pick(LOOKS, [request.subject, normalize(request.description)], DEFAULT_LOOK);
}

function fill(template: string, values: Record<string, string>): string {
  const text = template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
  return capitalize(text.replace(/\s+/g, " ").trim());
}

const LABELS: Record<string, string> = {
  features: "Features",
  testimonials: "Reviews",
  faq: "FAQ",
  contact: "Contact",
  stats: "Numbers",
  team: "Team",
  schedule: "Schedule",
  projects: "Work",
  "logo-cloud": "Partners",
};

export type FirstPageResult = { theme: ThemeState; brand: string; headline: string; sections: string[] };

export async function writeFirstPage(
  workspace: Workspace,
  request: FirstPageRequest,
): Promise<FirstPageResult> {
  const kind = chooseKind(request);
  const look = chooseLook(request);
  const current = readSite(workspace.get(PATHS.site));
  const brand =
    request.brand ??
    (current.name && current.name !== "My site"
      ? current.name
      : capitalize(request.subjectText || "My site"));
  const topicText = request.subjectText
    .replace(new RegExp(KIND_NOUNS.source, "gi"), " ")
    .replace(/\s+/g, " ")
    .trim();
  const topic = topicText || request.subjectText || brand;
  const values = {
    brand,
    topic: topic.toLowerCase() === topic ? topic : topic,
    subject: request.subjectText || topic,
  };
  const write = (text: string) => fill(text, values);

  const sections = [...new Set(["navbar", "hero", "features", ...request.sections, "cta", "footer"])].filter(
    (id) => getSection(id) && (STANDARD.includes(id) || request.sections.includes(id)),
  );
  // The page order: header, hero, features, what was asked for in the order named, cta, footer.
  const order = (id: string) =>
    id === "navbar"
      ? 0
      : id === "hero"
        ? 1
        : id === "features"
          ? 2
          : id === "cta"
            ? 8
            : id === "footer"
              ? 9
              : 5;
  sections.sort((a, b) => order(a) - order(b));

  const anchor = (id: string) => {
    const prop = getSection(id)?.props.find((candidate) => candidate.role === "anchor");
    return typeof prop?.default === "string" ? `#${prop.default}` : "#";
  };
  const primaryHref = sections.includes("pricing")
    ? "#pricing"
    : sections.includes("contact")
      ? "#contact"
      : "#get-started";
  const headline = write(kind.headline);
  const subtitle = write(kind.subtitle);
  const links = sections
    .filter((id) => id !== "navbar" && id !== "hero" && id !== "cta" && id !== "footer")
    .map((id) => ({
      label: id === "pricing" ? kind.pricingLabel : (LABELS[id] ?? capitalize(id)),
      href: anchor(id),
    }));

  const plans = (kind.plans.length ? kind.plans : DEFAULT_KIND.plans).map((plan) => ({
    ...plan,
    description: write(plan.description),
    href: "#get-started",
  }));
  const props: Record<string, Record<string, unknown>> = {
    navbar: { links, ctaLabel: kind.cta, ctaHref: primaryHref },
    hero: {
      eyebrow: write(kind.eyebrow),
      title: headline,
      subtitle,
      primaryCta: kind.cta,
      primaryHref,
      secondaryCta: kind.secondaryCta,
      secondaryHref: "#features",
      visual: kind.visual,
    },
    features: {
      eyebrow: `Why ${brand}`,
      title: write("Everything you need, nothing you don't"),
      subtitle: write("{brand} takes care of the details so you can simply enjoy {topic}."),
      items: kind.features.map((item) => ({ ...item, description: write(item.description) })),
    },
    pricing: {
      eyebrow: kind.pricingLabel,
      title: write("Simple, honest pricing"),
      subtitle: write("Pick what suits you. Change or cancel anytime."),
      plans,
      note: "Prices include taxes.",
    },
    faq: {
      title: "Questions, answered",
      subtitle: write("Everything you need to know about {brand}."),
      items: [
        {
          question: `How does ${brand} work?`,
          answer: write(`${subtitle} Getting started takes a couple of minutes.`),
        },
        {
          question: "Can I change or cancel later?",
          answer: "Yes. You can change or cancel anytime from your account, with no fees.",
        },
        {
          question: "How do I get in touch?",
          answer: "Write to us any day: a real person replies within one business day.",
        },
      ],
    },
    testimonials: {
      eyebrow: "Kind words",
      title: write("People love {brand}"),
      subtitle: "Here is what a few of them say.",
      items: [
        {
          quote: write("{brand} is exactly what I was looking for. I can't imagine going back."),
          name: "Sofia Martins",
          role: "Customer since 2023",
        },
        {
          quote: "Friendly, reliable and a real pleasure every single time.",
          name: "James Okafor",
          role: "Customer since 2022",
        },
        {
          quote: write("I have recommended {brand} to all my friends."),
          name: "Mei Tanaka",
          role: "Customer since 2024",
        },
      ],
    },
    stats: {
      title: write("{brand} in numbers"),
      subtitle: "A few figures we are proud of.",
      items: [
        { value: "10k+", label: "Happy customers" },
        { value: "4.9/5", label: "Average rating" },
        { value: "24h", label: "Support reply time" },
      ],
    },
    contact: {
      title: "Get in touch",
      subtitle: write("Questions about {brand}? Send us a message and we'll reply within a day."),
      email: `hello@${brand.toLowerCase().replace(/[^a-z0-9]+/g, "") || "example"}.com`,
    },
    "logo-cloud": { title: "As featured in" },
    cta: {
      title: write(`Ready to try ${brand}?`),
      subtitle: write("It only takes a minute to get started."),
      primaryCta: kind.cta,
      primaryHref,
      secondaryCta: "",
    },
    footer: {
      tagline: headline.endsWith(".") ? headline : `${headline}.`,
      columns: [{ title: brand, links }],
    },
  };

  const theme: ThemeState = { palette: look.palette, neutral: look.neutral, font: look.font, shade: 0 };
  const mode = look.mode ?? "light";
  const definition = {
    id: "generated",
    name: "Generated",
    description: subtitle,
    site: { name: brand, title: `${brand} — ${headline}`, description: subtitle, mode, lang: "en" },
    theme: { palette: theme.palette, neutral: theme.neutral, font: theme.font },
    sections: sections.map((id) => ({
      id,
      props: (props[id] ?? {}) as TemplateDefinition["sections"][number]["props"],
    })),
  } satisfies TemplateDefinition;

  const { app, content } = renderAppAndContent(definition);
  workspace.set(PATHS.app, app, { whole: true });
  if (content) workspace.set(PATHS.content, content, { whole: true });
  else workspace.delete(PATHS.content);
  workspace.set(PATHS.site, renderSiteTs(brand, mode));
  workspace.set(PATHS.readme, renderReadme(definition), { whole: true });
  const html = workspace.get(PATHS.html);
  if (html) workspace.set(PATHS.html, setDescription(setTitle(html, definition.site.title), subtitle));

  for (const path of [...workspace.files.keys()]) {
    const match = /^src\/sections\/([a-z0-9-]+)\.tsx$/.exec(path);
    if (match && !sections.includes(match[1])) workspace.delete(path);
  }
  for (const id of sections) {
    if (!workspace.has(sectionProjectPath(id)))
      workspace.set(sectionProjectPath(id), await readSectionSource(id));
  }
  return { theme, brand, headline, sections };
}
