import type { Intent } from "./intents";
import { findOtherColours, type OtherColour } from "./one-colour";
import { styleIntents, styleTargets } from "./page-wide";
import { findSections } from "./section-clause";
import { restoreQuotes } from "./text";

/**
 * The safeguard that keeps part of a request from vanishing without a word. Each clause is read by
 * patterns that take what they recognise and pass over the rest, so a section named where no
 * pattern looks ("move the FAQ to the end and the stats", "make it blue and the stats") used to be
 * dropped silently. Rather than one more pattern per phrasing, every clause is checked afterwards:
 * a section its words name (in the designer's own vocabulary) that none of its edits acts on is
 * handed back in the words the person used, to be reported as not understood — unless it is where
 * a colour, font or mode was asked for, which is done page-wide and said so (`page-wide.ts`).
 */

/** A stretch of a clause, by offsets. */
export type Span = { start: number; end: number };

/** What one clause asks for, and the stretches of it that are a new text (a headline, a brand
 *  name) rather than words naming what to change: "… to Hello and the footer" names no footer. */
export type ClauseReadout = { intents: Intent[]; literal?: Span[] };

/** The sections an edit acts on, including the one it is placed next to. */
function sectionsActedOn(intent: Intent): string[] {
  switch (intent.type) {
    case "add-section":
    case "remove-section":
    case "move-section": {
      const sections = intent.type === "move-section" ? [intent.section] : intent.sections;
      const position = "position" in intent ? intent.position : undefined;
      return position && "section" in position ? [...sections, position.section] : sections;
    }
    case "swap-sections":
      return [intent.a, intent.b];
    case "set-text":
      // Without a section named, a text is the hero's ("set the hero heading to …").
      return [intent.section ?? "hero"];
    default:
      return [];
  }
}

// Words kept with a section's name when it is reported: "the stats", "an FAQ section".
const ARTICLE_BEFORE = /\b(?:the|a|an|some|our|my|your|this|that|these|those)\s+$/i;
const SECTION_AFTER = /^\s+sections?\b/i;

/** The sections a clause names but no edit of it acts on, as written. */
export type ClauseSections = {
  /** Not understood: reported as skipped. */
  unread: string[];
  /** The target of a look and feel edit ("make the hero blue"), which is page-wide (`page-wide.ts`). */
  pageWide: string[];
  /** Colours asked for besides the one applied (a page has one), with their sections (`one-colour.ts`). */
  otherColours: OtherColour[];
};

/**
 * Each section that `clause` (quotes as placeholders, `extractQuotes`) names outside its literal
 * texts and that no intent acts on, as written.
 */
export function unreadSections(
  clause: string,
  { intents, literal = [] }: ClauseReadout,
  quotes: string[],
): ClauseSections {
  let blanked = clause;
  for (const { start, end } of literal) {
    blanked = blanked.slice(0, start) + " ".repeat(Math.max(0, end - start)) + blanked.slice(end);
  }
  // A quote outside the new texts names things like any other words: "remove the FAQ and 'stats'".
  const words = restoreQuotes(blanked, quotes);
  const named = findSections(words).map((found) => ({
    id: found.id,
    start: found.index - (ARTICLE_BEFORE.exec(words.slice(0, found.index))?.[0].length ?? 0),
    end: found.end + (SECTION_AFTER.exec(words.slice(found.end))?.[0].length ?? 0),
  }));
  const styled = styleIntents(intents).length > 0;
  const targets = styled ? styleTargets(words, named) : [];
  const actedOn = new Set(intents.flatMap(sectionsActedOn));
  // "… and the footer green": the footer goes with a colour that is not applied, and says so.
  const { others, claimed } = styled
    ? findOtherColours(
        words,
        named,
        named.map(({ id }, index) => !actedOn.has(id) && !targets[index]),
      )
    : { others: [], claimed: [] };
  const result: ClauseSections = { unread: [], pageWide: [], otherColours: others };
  named.forEach(({ id, start, end }, index) => {
    if (actedOn.has(id)) return;
    // Named twice ("the stats and the numbers"), it is reported once.
    actedOn.add(id);
    if (claimed[index]) return;
    (targets[index] ? result.pageWide : result.unread).push(words.slice(start, end));
  });
  return result;
}
