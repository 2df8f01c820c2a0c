import type { FontPreset } from "@/lib/templates/schemas";
import { type ClauseReading, splitAtRequests } from "./clauses";
import { type FirstPageRequest, parseFirstPageRequest } from "./first-page-request";
import { namesStyle, parseStyleClause } from "./style-clause";
import {
  cleanValue,
  extractQuotes,
  firstQuote,
  normalize,
  onlyQuote,
  phrasePattern,
  restoreQuotes,
} from "./text";
import { type NeutralName, SECTION_WORDS } from "./vocabulary";

/**
 * The intent parser: plain English in, a list of edits out. Rule-based on purpose — a message is
 * split into one clause per request (`clauses.ts`: at "and", "then", "also", commas and sentence
 * ends, where what follows is a request of its own), and each clause is matched against a few
 * patterns, most specific first (first page, text, brand, sections, then look and feel in
 * `style-clause.ts`). What matches nothing is returned in `unknown`, verbatim.
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

export type ParsedRequest = { intents: Intent[]; unknown: string[] };

const POLITE_PREFIX =
  /^(?:(?:please|ok|okay|alright|great|nice|cool|now|also|then|and|plus|so|hey|can you|could you|would you|will you|i want you to|i'd like you to|i would like you to|i'd like to|i want to|let's|lets),?\s+)+/i;

function stripPoliteness(clause: string): string {
  return clause
    .replace(POLITE_PREFIX, "")
    .replace(/[\s,]+(?:please|thanks|thank you)[.!]*$/i, "")
    .trim();
}

type Found = { id: string; index: number; end: number };

// Compiled once: a message is read clause by clause, and each reading looks for every phrase.
const SECTION_PATTERNS = Object.entries(SECTION_WORDS).flatMap(([id, phrases]) =>
  phrases.map((phrase) => ({ id, pattern: new RegExp(phrasePattern(phrase).source, "giu") })),
);

/** Sections named in `text` in order of appearance, longest phrase wins, no overlaps. */
export function findSections(text: string): Found[] {
  const candidates: Found[] = [];
  for (const { id, pattern } of SECTION_PATTERNS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      candidates.push({ id, index: match.index, end: match.index + match[0].length });
    }
  }
  candidates.sort((a, b) => a.index - b.index || b.end - a.end);
  const found: Found[] = [];
  for (const candidate of candidates) {
    if (found.some((other) => candidate.index < other.end && other.index < candidate.end)) continue;
    found.push(candidate);
  }
  return found;
}

const unique = (ids: string[]) => ids.filter((id, index) => ids.indexOf(id) === index);

// ── text ────────────────────────────────────────────────────────────────────────────────────────

const ROLE_PATTERNS: Array<[TextRole, RegExp]> = [
  ["secondary-cta", /\b(?:secondary|second|other)\s+(?:button|cta|call to action|link)\b/],
  [
    "subheadline",
    /\b(?:sub-?\s?headlines?|sub-?\s?headings?|sub-?\s?titles?|taglines?|tag line|supporting (?:text|line|sentence)|intro text|description|paragraph|lede|strapline)\b/,
  ],
  ["eyebrow", /\b(?:eyebrow|badge|kicker|label above)\b/],
  ["headline", /\b(?:headlines?|headings?|titles?|h1|main text|hero text|big text)\b/],
  ["primary-cta", /\b(?:(?:primary|main|first)\s+)?(?:buttons?|ctas?|call to action|call-to-action)\b/],
];

// The words that introduce a new text, in the order they are tried.
const VALUE_INTRO = /\s(?:to say|to read|to|say|says|read|reads|into|as|with|=)\s*:?\s+|\s*:\s+/i;

function parseTextClause(clause: string, quotes: string[]): Intent | undefined {
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
  return { type: "set-text", role: role[0], value: raw.trim(), ...(section ? { section } : {}) };
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

function parseBrandClause(clause: string, quotes: string[]): Intent | undefined {
  for (const pattern of BRAND_PATTERNS) {
    const match = pattern.exec(clause);
    if (!match) continue;
    const name = onlyQuote(match[1], quotes) ?? cleanValue(restoreQuotes(match[1], quotes));
    if (name && name.length <= 60 && !/\n/.test(name)) return { type: "rename-brand", name };
  }
  return undefined;
}

// ── sections ────────────────────────────────────────────────────────────────────────────────────

const POSITION =
  /\b(after|below|under|beneath|following|before|above|ahead of|on top of|in front of)\s+(?:the\s+)?|\b(?:at|to)\s+(?:the\s+)?(top|start|beginning|end|bottom)\b|\b(first|last|up|down|higher|lower)\b/;

/** The position phrase in `lower` (if any) and the text before it. */
function parsePosition(lower: string): { head: string; position?: Position; unresolved?: boolean } {
  const match = POSITION.exec(lower);
  if (!match) return { head: lower };
  const head = lower.slice(0, match.index);
  if (match[1]) {
    const target = findSections(lower.slice(match.index + match[0].length))[0];
    if (!target) return { head, unresolved: true };
    const before = /^(before|above|ahead of|on top of|in front of)$/.test(match[1]);
    return { head, position: { kind: before ? "before" : "after", section: target.id } };
  }
  const word = match[2] ?? match[3];
  const kind: Position["kind"] = /^(top|start|beginning|first)$/.test(word)
    ? "start"
    : /^(end|bottom|last)$/.test(word)
      ? "end"
      : /^(up|higher)$/.test(word)
        ? "up"
        : "down";
  return { head, position: { kind } as Position };
}

function parseSectionClause(lower: string): Intent | "unresolved" | undefined {
  if (/^(?:remove|delete|drop|hide|get rid of|take out|take away|lose|ditch|scrap|kill)\b/.test(lower)) {
    const sections = unique(findSections(lower).map((found) => found.id));
    return sections.length ? { type: "remove-section", sections } : "unresolved";
  }
  const swap = /^(?:swap|switch|exchange|flip)\b/.test(lower);
  if (swap) {
    const sections = unique(findSections(lower).map((found) => found.id));
    if (sections.length === 2) return { type: "swap-sections", a: sections[0], b: sections[1] };
    return undefined;
  }
  if (/^(?:move|put|place|shift|reorder|bring|push)\b/.test(lower)) {
    const { head, position, unresolved } = parsePosition(lower);
    const section = findSections(head)[0];
    if (!section || unresolved || !position) return "unresolved";
    return { type: "move-section", section: section.id, position };
  }
  if (
    /^(?:add|include|insert|append|create|give (?:me|us)|i want|i need|we need|we want|i'd like|show|there should be|can we have|could we have|we should have)\b/.test(
      lower,
    ) ||
    /^(?:an?|some)\s/.test(lower)
  ) {
    const { head, position, unresolved } = parsePosition(lower);
    const sections = unique(findSections(head).map((found) => found.id));
    if (!sections.length || unresolved)
      return /^(?:add|include|insert|append)\b/.test(lower) ? "unresolved" : undefined;
    return { type: "add-section", sections, ...(position ? { position } : {}) };
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

function parseClause({ clause, lower }: ClauseWords, quotes: string[]): Intent[] | "unknown" {
  if (!lower) return [];
  if (HELP.test(lower)) return [{ type: "help" }];

  const text = parseTextClause(clause, quotes);
  if (text) return [text];
  const brand = parseBrandClause(clause, quotes);
  if (brand) return [brand];
  const section = parseSectionClause(lower);
  if (section === "unresolved") return "unknown";
  if (section) return [section];
  const style = parseStyleClause(lower);
  return style.length ? style : "unknown";
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

/** How a stretch of a message reads on its own (for `splitAtRequests`). */
function readClause(original: string, quotes: string[]): ClauseReading {
  const words = clauseWords(original, quotes);
  const { lower } = words;
  const result = parseClause(words, quotes);
  const namesSection = findSections(lower).length > 0;
  const first = result === "unknown" ? undefined : result[0];
  if (!first || first.type === "help") return { kind: "none", plain: false, namesSection };
  if (SECTION_INTENTS.has(first.type))
    return { kind: "section", plain: parseStyleClause(lower).length === 0, namesSection };
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
    const style = parseStyleClause(
      normalize(
        restoreQuotes(
          firstPage.rest,
          quotes.map(() => ""),
        ),
      ),
    );
    return { intents: [{ type: "first-page", ...firstPage }, ...style], unknown: [] };
  }
  const intents: Intent[] = [];
  const unknown: string[] = [];
  for (const clause of splitClauses(text, quotes)) {
    const result = parseClause(clauseWords(clause, quotes), quotes);
    if (result === "unknown") unknown.push(restoreQuotes(clause, quotes).trim());
    else intents.push(...result);
  }
  return { intents, unknown };
}
