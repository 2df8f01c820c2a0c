import type { FontPreset } from "@/lib/templates/schemas";
import { type ClauseReading, splitAtRequests } from "./clauses";
import { type FirstPageRequest, parseFirstPageRequest } from "./first-page-request";
import type { OtherColour } from "./one-colour";
import { type PageWideStyle, styleIntents } from "./page-wide";
import { findSections, parseSectionClause } from "./section-clause";
import { appliedColour, colourMentions, namesStyle, otherColours, parseStyleClause } from "./style-clause";
import { cleanValue, extractQuotes, firstQuote, normalize, onlyQuote, restoreQuotes } from "./text";
import { type ClauseReadout, unreadSections } from "./unread-sections";
import type { NeutralName } from "./vocabulary";

/**
 * The intent parser: plain English in, a list of edits out. Rule-based on purpose — a message is
 * split into one clause per request (`clauses.ts`: at "and", "then", "also", commas and sentence
 * ends, where what follows is a request of its own, taking over the verb of a move or add it
 * leaves out), and each clause is matched against a few patterns, most specific first (first page,
 * text, brand, sections in `section-clause.ts`, then look and feel in `style-clause.ts`). What
 * matches nothing is returned in `unknown`, verbatim; so is a section a clause names but none of
 * its edits acts on (`unread-sections.ts`), in the words used ("the stats") — unless it is where a
 * colour, font or mode was asked for ("make the hero blue"): that is done page-wide and returned in
 * `pageWide`, to be said so.
 */

export type TextRole = "headline" | "subheadline" | "primary-cta" | "secondary-cta" | "eyebrow";

export type Position =
  | { kind: "before" | "after"; section: string }
  | { kind: "start" | "end" | "up" | "down" };

export type Intent =
  | { type: "set-text"; role: TextRole; value: string; section?: string }
  | { type: "rename-brand"; name: string }
  | { type: "set-palette"; palette: string; neutral?: NeutralName; label: string }
  | { type: "shift-palette"; steps: number }
  | { type: "set-font"; font: FontPreset; word: string }
  | { type: "set-mode"; mode: "light" | "dark" }
  | { type: "add-section"; sections: string[]; position?: Position }
  | { type: "remove-section"; sections: string[] }
  | { type: "move-section"; section: string; position: Position }
  | { type: "swap-sections"; a: string; b: string }
  | ({ type: "first-page" } & FirstPageRequest)
  | { type: "help" };

export type ParsedRequest = {
  intents: Intent[];
  unknown: string[];
  /** Style requests that named sections ("make the hero blue"), done page-wide; only when there are any. */
  pageWide?: PageWideStyle[];
  /** Colours asked for besides the one applied — a page has one (`one-colour.ts`); only when there are any. */
  otherColours?: OtherColour[];
};

const POLITE_PREFIX =
  /^(?:(?:please|ok|okay|alright|great|nice|cool|now|also|then|and|plus|so|hey|can you|could you|would you|will you|i want you to|i'd like you to|i would like you to|i'd like to|i want to|let's|lets),?\s+)+/i;

function stripPoliteness(clause: string): string {
  return clause
    .replace(POLITE_PREFIX, "")
    .replace(/[\s,]+(?:please|thanks|thank you)[.!]*$/i, "")
    .trim();
}

// ── text ────────────────────────────────────────────────────────────────────────────────────────

// Case-insensitive although they are tried on lower-case words, so that the role word can also be
// found in the clause as written (it names the text to change, not a section).
const ROLE_PATTERNS: Array<[TextRole, RegExp]> = [
  ["secondary-cta", /\b(?:secondary|second|other)\s+(?:button|cta|call to action|link)\b/i],
  [
    "subheadline",
    /\b(?:sub-?\s?headlines?|sub-?\s?headings?|sub-?\s?titles?|taglines?|tag line|supporting (?:text|line|sentence)|intro text|description|paragraph|lede|strapline)\b/i,
  ],
  ["eyebrow", /\b(?:eyebrow|badge|kicker|label above)\b/i],
  ["headline", /\b(?:headlines?|headings?|titles?|h1|main text|hero text|big text)\b/i],
  ["primary-cta", /\b(?:(?:primary|main|first)\s+)?(?:buttons?|ctas?|call to action|call-to-action)\b/i],
];

// The words that introduce a new text, in the order they are tried.
const VALUE_INTRO = /\s(?:to say|to read|to|say|says|read|reads|into|as|with|=)\s*:?\s+|\s*:\s+/i;

function parseTextClause(clause: string, quotes: string[]): ClauseReadout | undefined {
  const lower = normalize(clause);
  if (/^(?:add|include|insert|append|remove|delete|drop|hide|move|put|place|swap)\b/.test(lower)) return;
  const intro = VALUE_INTRO.exec(clause);
  const quoted = firstQuote(clause, quotes);
  const before = intro ? clause.slice(0, intro.index) : clause.replace(/\uE000\d+\uE001.*$/, "");
  const beforeLower = normalize(before);
  if (/\b(?:colou?rs?|fonts?|palette|theme|style|background|mode|size)\b/.test(beforeLower)) return;
  const role = ROLE_PATTERNS.find(([, pattern]) => pattern.test(beforeLower));
  if (!role) return;
  let raw: string | undefined;
  if (intro) {
    const rest = clause.slice(intro.index + intro[0].length);
    raw = onlyQuote(rest, quotes) ?? cleanValue(restoreQuotes(rest, quotes));
  } else if (quoted !== undefined) {
    raw = quoted;
  }
  if (raw === undefined || raw.trim() === "") return;
  // "the pricing title", "the FAQ heading", "the footer tagline": the section other than the role word.
  const roleMatch = role[1].exec(beforeLower);
  const withoutRole = roleMatch
    ? beforeLower.slice(0, roleMatch.index) +
      " ".repeat(roleMatch[0].length) +
      beforeLower.slice(roleMatch.index + roleMatch[0].length)
    : beforeLower;
  const section = findSections(withoutRole).find((found) => found.id !== "hero")?.id;
  // The new text and the role word ("the CTA", "the hero text") name no section to act on.
  const valueStart = intro ? intro.index + intro[0].length : before.length;
  const roleWord = role[1].exec(before);
  return {
    intents: [{ type: "set-text", role: role[0], value: raw.trim(), ...(section ? { section } : {}) }],
    literal: [
      { start: valueStart, end: clause.length },
      ...(roleWord ? [{ start: roleWord.index, end: roleWord.index + roleWord[0].length }] : []),
    ],
  };
}

// ── brand ───────────────────────────────────────────────────────────────────────────────────────

const BRAND_PATTERNS: RegExp[] = [
  /\bre-?name\s+(?:the\s+|our\s+|my\s+)?(?:(?:brand|site|company|business|product|website|page|app|shop|store)(?:\s+name)?|it|us|this)?\s*(?:to|as|into)?\s*:?\s+(.+)$/i,
  /\b(?:call|name)\s+(?:it|us|this|the\s+(?:site|brand|company|product|page|business|app|shop|store))\s+(?:to\s+)?(.+)$/i,
  /\b(?:change|set|update|make|switch)\s+(?:the\s+|our\s+|my\s+)?(?:brand|brand name|company name|site name|business name|product name|app name|shop name|name)\s+(?:to|as|into|:)\s*:?\s*(.+)$/i,
  /\b(?:our|my|the)\s+(?:brand|company|product|business|site|app|shop|store)(?:\s+name)?\s+is\s+(?:now\s+)?(?:called\s+|named\s+)?(.+)$/i,
  /\b(?:our|my|the)\s+name\s+is\s+(?:now\s+)?(.+)$/i,
  /\bit(?:'s|’s| is)\s+(?:now\s+)?(?:called|named)\s+(.+)$/i,
  /^(?:brand|brand name|name)\s*[:=]\s*(.+)$/i,
];

function parseBrandClause(clause: string, quotes: string[]): ClauseReadout | undefined {
  for (const pattern of BRAND_PATTERNS) {
    const match = pattern.exec(clause);
    if (!match) continue;
    const name = onlyQuote(match[1], quotes) ?? cleanValue(restoreQuotes(match[1], quotes));
    // Every pattern ends with the name: from there on the words are the name, not sections.
    if (name && name.length <= 60 && !/\n/.test(name))
      return {
        intents: [{ type: "rename-brand", name }],
        literal: [{ start: clause.length - match[1].length, end: clause.length }],
      };
  }
  return undefined;
}

// ── the whole message ───────────────────────────────────────────────────────────────────────────

const HELP =
  /^(?:help|\?+|what can you do|what do you (?:understand|do|know)|how does this work|hi|hello|hey|what now)\b/;

type ClauseWords = { clause: string; lower: string };

/** The clause without politeness, and its lower-case words with quoted texts left out. */
function clauseWords(original: string, quotes: string[]): ClauseWords {
  const clause = stripPoliteness(original);
  const lower = normalize(
    restoreQuotes(
      clause,
      quotes.map(() => ""),
    ),
  ).replace(/[?!.]+$/, "");
  return { clause, lower };
}

function parseClause({ clause, lower }: ClauseWords, quotes: string[]): ClauseReadout | "unknown" {
  if (!lower) return { intents: [] };
  if (HELP.test(lower)) return { intents: [{ type: "help" }] };

  const text = parseTextClause(clause, quotes);
  if (text) return text;
  const brand = parseBrandClause(clause, quotes);
  if (brand) return brand;
  const sections = parseSectionClause(lower);
  if (sections === "unresolved") return "unknown";
  if (sections) return { intents: sections };
  const style = parseStyleClause(lower);
  return style.length ? { intents: style } : "unknown";
}

// ── splitting a message into requests ───────────────────────────────────────────────────────────

const SECTION_INTENTS = new Set<Intent["type"]>([
  "add-section",
  "remove-section",
  "move-section",
  "swap-sections",
]);
const BRAND_TARGET =
  /\b(?:brand|company|business|product|site|app|shop|store|name)\b|^it(?:'s| is) (?:now )?(?:called|named)\b/;

/** A text request that starts with what it changes: "the button to …", "the pricing title to …". */
function startsWithTarget(lower: string): boolean {
  const found = [...ROLE_PATTERNS.map(([, pattern]) => pattern), BRAND_TARGET]
    .map((pattern) => pattern.exec(lower)?.index)
    .filter((index) => index !== undefined);
  if (found.length === 0) return false;
  return (
    lower
      .slice(0, Math.min(...found))
      .split(" ")
      .filter(Boolean).length <= 2
  );
}

/**
 * The verb a section request that puts sections in a place lends to a following stretch that names
 * its own sections and place without one: "move the stats up and [move] the FAQ to the end". "Move"
 * and "add" stand for every verb of their kind ("put", "include", …): they are only read again.
 */
function verbToLend(intent: Intent): { carries?: string } {
  if (intent.type === "move-section") return { carries: "move" };
  if (intent.type === "add-section" && intent.position) return { carries: "add" };
  return {};
}

/** How a stretch of a message reads on its own (for `splitAtRequests`). */
function readClause(original: string, quotes: string[]): ClauseReading {
  const words = clauseWords(original, quotes);
  const { lower } = words;
  const result = parseClause(words, quotes);
  const namesSection = findSections(lower).length > 0;
  const first = result === "unknown" ? undefined : result.intents[0];
  if (!first || first.type === "help") return { kind: "none", plain: false, namesSection };
  if (SECTION_INTENTS.has(first.type)) {
    const plain = parseStyleClause(lower).length === 0;
    return { kind: "section", plain, namesSection, ...verbToLend(first) };
  }
  if (first.type === "set-text" || first.type === "rename-brand")
    return { kind: "text", plain: startsWithTarget(lower), namesSection };
  return { kind: "style", plain: namesStyle(lower), namesSection };
}

/** One clause per request; `text` has its quotes replaced by placeholders (`extractQuotes`). */
export function splitClauses(text: string, quotes: string[] = []): string[] {
  return splitAtRequests(text, (clause) => readClause(clause, quotes));
}

export function parseRequest(message: string): ParsedRequest {
  const { text, quotes } = extractQuotes(message.trim());
  const firstPage = parseFirstPageRequest(text, quotes);
  if (firstPage) {
    // Colours, fonts and mode named in the description override the ones its subject suggests.
    const rest = normalize(
      restoreQuotes(
        firstPage.rest,
        quotes.map(() => ""),
      ),
    );
    const mentions = colourMentions(rest);
    const kept = appliedColour(mentions)?.text ?? "";
    const others = otherColours(mentions).map(({ text }) => ({ colour: text, sections: [], kept }));
    return {
      intents: [{ type: "first-page", ...firstPage }, ...parseStyleClause(rest)],
      unknown: [],
      ...(others.length ? { otherColours: others } : {}),
    };
  }
  const intents: Intent[] = [];
  const unknown: string[] = [];
  const pageWide: PageWideStyle[] = [];
  const others: OtherColour[] = [];
  for (const clause of splitClauses(text, quotes)) {
    const words = clauseWords(clause, quotes);
    const result = parseClause(words, quotes);
    if (result === "unknown") {
      unknown.push(restoreQuotes(clause, quotes).trim());
      continue;
    }
    intents.push(...result.intents);
    const sections = unreadSections(words.clause, result, quotes);
    unknown.push(...sections.unread);
    others.push(...sections.otherColours);
    if (sections.pageWide.length)
      pageWide.push({ sections: sections.pageWide, intents: styleIntents(result.intents) });
  }
  return {
    intents,
    unknown,
    ...(pageWide.length ? { pageWide } : {}),
    ...(others.length ? { otherColours: others } : {}),
  };
}
