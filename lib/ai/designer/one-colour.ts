import { appliedColour, type ColourMention, colourMentions, otherColours } from "./style-clause";

/**
 * A page has one brand colour (`src/theme.css`), so one request can set only one: "make the hero
 * blue and the footer green", "make it blue and green", "blue buttons and a green footer". The
 * first colour asked for is applied (page-wide, `page-wide.ts`); every other one is handed back
 * here, with the sections it was asked for, to be named in the answer as not done — rather than
 * vanishing, as it did when the parser simply stopped at the first colour word.
 */

/** A colour a request asked for that was not applied, because the page already got `kept`. */
export type OtherColour = {
  /** As written: "green", "dark green", "#0ea5e9". */
  colour: string;
  /** The sections it was asked for, as written ("the footer"); often none. */
  sections: string[];
  /** The colour applied instead, as written. */
  kept: string;
};

/** Where a section's words begin (with their article) and end (with a trailing "section"). */
type Named = { start: number; end: number };

// What separates one part of a clause from the next: "the hero blue | and the footer green".
const PART_BREAK = /\s+(?:and|plus|&)\s+|\s*[,;]\s*/gi;

/** The stretches of `words` between the joiners, as [start, end) offsets. */
function parts(words: string): Array<[number, number]> {
  const result: Array<[number, number]> = [];
  let start = 0;
  for (const match of words.matchAll(PART_BREAK)) {
    result.push([start, match.index]);
    start = match.index + match[0].length;
  }
  result.push([start, words.length]);
  return result;
}

/**
 * The colours of a clause (`words`, as written) that are not applied, and for each the sections in
 * the same part of the clause ("the footer green", "a green footer"). `claimable[i]` says whether
 * `named[i]` may be claimed (no edit or page-wide style already accounts for it); the returned
 * `claimed[i]` says whether it was, so that it is not also reported as not understood.
 */
export function findOtherColours(
  words: string,
  named: Named[],
  claimable: boolean[],
): { others: OtherColour[]; claimed: boolean[] } {
  // `toLowerCase` keeps offsets (unlike `normalize`, which folds spaces), so the sections line up.
  const mentions = colourMentions(words.toLowerCase());
  const kept = appliedColour(mentions);
  const others = otherColours(mentions);
  const claimed = named.map(() => false);
  if (!kept || others.length === 0) return { others: [], claimed };
  const partOf = (index: number) => parts(words).findIndex(([start, end]) => index >= start && index < end);
  const result = others.map((mention: ColourMention) => {
    const part = partOf(mention.index);
    const sections: string[] = [];
    named.forEach(({ start, end }, index) => {
      if (!claimable[index] || claimed[index] || partOf(start) !== part) return;
      claimed[index] = true;
      sections.push(words.slice(start, end));
    });
    return {
      colour: words.slice(mention.index, mention.end),
      sections,
      kept: words.slice(kept.index, kept.end),
    };
  });
  return { others: result, claimed };
}

/** A section as written, read as a noun phrase: "footer" → "the footer", "the footer" as it is. */
function withArticle(section: string): string {
  return /^(?:the|a|an|some|our|my|your|this|that|these|those)\s/i.test(section) ? section : `the ${section}`;
}

function list(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : (items[0] ?? "");
}

/**
 * One "Not done" line per colour not applied, in the words of `page-wide.ts`: "“green” for the
 * footer: colours apply to the whole page, which has one brand colour — blue, the first asked for."
 */
export function describeOtherColours(others: OtherColour[]): string[] {
  return others.map(({ colour, sections, kept }) => {
    const where = sections.length ? ` for ${list(sections.map(withArticle))}` : "";
    return `“${colour}”${where}: colours apply to the whole page, which has one brand colour — ${kept}, the first one asked for`;
  });
}
