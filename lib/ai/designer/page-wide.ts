import { FONT_PRESETS } from "@/lib/templates/theme";
import type { Intent } from "./intents";
import { parseStyleClause } from "./style-clause";
import { normalize } from "./text";

/**
 * A look asked for one section: "make the hero blue", "dark mode for the navbar", "use a serif
 * font in the FAQ". Colours, fonts and light or dark mode live in `src/theme.css` and `site.mode`
 * and apply to the whole page, so such a request is done page-wide — and the answer says so,
 * naming the sections, rather than reporting them as not understood (they were; they just cannot
 * be styled alone).
 *
 * Only a section named as the target of the style counts. One joined to the style by "and" ("make
 * it blue and the stats") is a request the clause did not read, and stays reported as skipped
 * (`unread-sections.ts`). The patterns are positive on purpose: a phrasing not listed here ("blue
 * except the hero") keeps being reported, which is honest, rather than claimed as understood.
 */

/** A style request that named sections: its look and feel edits, and the sections as written. */
export type PageWideStyle = { sections: string[]; intents: Intent[] };

const STYLE_TYPES = new Set<Intent["type"]>(["set-palette", "shift-palette", "set-font", "set-mode"]);

export function styleIntents(intents: Intent[]): Intent[] {
  return intents.filter((intent) => STYLE_TYPES.has(intent.type));
}

/** A section named where the style goes: "… for / in / on / across the navbar", "… to only the FAQ". */
const SCOPE_BEFORE = /\b(?:for|in|on|of|to|across|within|inside|throughout)\s+(?:only\s+|just\s+)?$/i;
/** A section listed after another with nothing else between: "the hero and the stats", "hero, stats". */
const LIST_LINK = /^\s*(?:,\s*(?:and\s+|&\s+|or\s+)?|(?:and|&|or|plus)\s+)$/i;
/** Words that join another request on, after which a section is not the style's target. */
const JOINER = /\b(?:and|plus|also|then|or|but|except|without)\b|[,&;:]/i;

/** Where a section's words begin (with their article) and end (with a trailing "section"). */
type Named = { start: number; end: number };

/**
 * For each section named in `words` (a style clause, as written), whether it is the target of the
 * style: the object of the clause's verb before the style is named ("make the hero blue", "give
 * the footer a dark background", "make the pricing section green"), a place the style is put
 * after it is named ("dark mode for the navbar", "a serif font in the FAQ"), or listed right after
 * such a target ("make the hero and the stats blue").
 */
export function styleTargets(words: string, named: Named[]): boolean[] {
  const targets: boolean[] = [];
  named.forEach(({ start }, index) => {
    const link = words.slice(index === 0 ? 0 : named[index - 1].end, start);
    if (index > 0 && LIST_LINK.test(link)) {
      targets.push(targets[index - 1]);
      return;
    }
    if (SCOPE_BEFORE.test(link)) {
      targets.push(true);
      return;
    }
    // The first section, with only a verb before it ("make", "give", "switch", "colour"): what
    // follows it says how it should look.
    const lead = index === 0 && !JOINER.test(link) && parseStyleClause(normalize(link)).length === 0;
    targets.push(lead);
  });
  return targets;
}

// ── the answer ──────────────────────────────────────────────────────────────────────────────────

function list(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : (items[0] ?? "");
}

/** What the page looks like now, for one request's style edits: "blue and in dark mode". */
function describeLook(intents: Intent[]): string {
  const looks: string[] = [];
  let font: string | undefined;
  intents.forEach((intent, index) => {
    const previous = intents[index - 1];
    switch (intent.type) {
      case "set-palette":
        looks.push(intent.label);
        break;
      case "shift-palette": {
        const direction = intent.steps > 0 ? "darker" : "lighter";
        // "Dark green" is green moved a shade: "a darker green".
        if (previous?.type === "set-palette") looks[looks.length - 1] = `a ${direction} ${previous.label}`;
        else looks.push(direction);
        break;
      }
      case "set-mode":
        looks.push(`in ${intent.mode} mode`);
        break;
      case "set-font":
        font = `uses the ${FONT_PRESETS[intent.font].label} font`;
        break;
    }
  });
  const look = looks.length ? `is now ${list(looks)}` : "";
  if (!font) return look;
  return look ? `${look}, and ${font}` : `now ${font}`;
}

/**
 * One sentence per style request that named sections: "Colours, fonts and dark mode apply to the
 * whole page, so the whole page is now blue (not only the hero)." When the turn changed nothing (the
 * page already looked that way), it does not claim a change.
 */
export function describePageWide(requests: PageWideStyle[], changed: boolean): string[] {
  return requests.map(({ sections, intents }) => {
    const look = describeLook(intents);
    const lead = "Colours, fonts and dark mode apply to the whole page";
    return changed && look
      ? `${lead}, so the whole page ${look} (not only ${list(sections)}).`
      : `${lead}, never to one section alone (${list(sections)}).`;
  });
}
