import type { Intent, Position } from "./intents";
import { phrasePattern } from "./text";
import { SECTION_WORDS } from "./vocabulary";

/** Adding, removing, moving and swapping sections, read from one lower-case clause. */

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

const POSITION =
  /\b(after|below|under|beneath|following|before|above|ahead of|on top of|in front of)\s+(?:the\s+)?|\b(?:at|to)\s+(?:the\s+)?(?:very\s+)?(top|start|beginning|end|bottom)\b|\ball the way\s+(up|down)\b|\b(first|last|up|down|higher|lower)\b/;

type ReadPosition = { head: string; position?: Position; unresolved?: boolean; tail?: string };

/** The position phrase in `lower` (if any), the text before it and the text after it. */
function parsePosition(lower: string): ReadPosition {
  const match = POSITION.exec(lower);
  if (!match) return { head: lower };
  const head = lower.slice(0, match.index);
  const tail = lower.slice(match.index + match[0].length);
  if (match[1]) {
    const target = findSections(tail)[0];
    if (!target) return { head, unresolved: true };
    const before = /^(before|above|ahead of|on top of|in front of)$/.test(match[1]);
    return { head, position: { kind: before ? "before" : "after", section: target.id }, tail };
  }
  // "All the way up" is the top, not one place up.
  const word = match[2] ?? (match[3] === "up" ? "top" : match[3] === "down" ? "end" : match[4]);
  const kind: Position["kind"] = /^(top|start|beginning|first)$/.test(word)
    ? "start"
    : /^(end|bottom|last)$/.test(word)
      ? "end"
      : /^(up|higher)$/.test(word)
        ? "up"
        : "down";
  return { head, position: { kind } as Position, tail };
}

const THEN = /\s*,?\s*\b(?:and\s+)?then\b\s*/;

/**
 * "Reorder: FAQ first, then pricing, then the stats": after a place at the top, sections that only
 * follow one another with "then" come next in that order. Anything else after the place — other
 * words, an article ("then an FAQ"), another place — is not guessed at: the sections it names are
 * reported as not understood (`unread-sections.ts`).
 */
function thenInOrder({ position, tail }: ReadPosition): string[] {
  if (position?.kind !== "start" || !tail) return [];
  const [lead, ...pieces] = tail.split(THEN);
  if (lead.trim() !== "" || pieces.length === 0) return [];
  const sections: string[] = [];
  for (const piece of pieces) {
    const name = piece
      .replace(/^the\s+/, "")
      .replace(/\s+sections?$/, "")
      .trim();
    const found = findSections(name);
    if (found.length !== 1 || found[0].index !== 0 || found[0].end !== name.length) return [];
    sections.push(found[0].id);
  }
  return sections;
}

/**
 * "Move the FAQ and the stats to the end": the first goes to the place, each next one right after
 * the one before, so they arrive in the order named. "Up" and "down" move each one a place.
 */
function moveAll(sections: string[], position: Position): Intent[] {
  return sections.map((section, index) => ({
    type: "move-section",
    section,
    position:
      index === 0 || position.kind === "up" || position.kind === "down"
        ? position
        : { kind: "after", section: sections[index - 1] },
  }));
}

/**
 * The section edits a clause asks for; `unresolved` when it plainly asks for one but names no
 * section or place it knows ("delete the unicorn section"), so that it is reported, not ignored.
 */
export function parseSectionClause(lower: string): Intent[] | "unresolved" | undefined {
  if (
    /^(?:remove|delete|drop|hide|get rid of|take out|take away|lose|ditch|scrap|kill)\b/.test(lower) ||
    // "take the stats out", "take the logos off the page"
    /^take\b.*\b(?:out|away|off)\b/.test(lower)
  ) {
    const sections = unique(findSections(lower).map((found) => found.id));
    return sections.length ? [{ type: "remove-section", sections }] : "unresolved";
  }
  const swap = /^(?:swap|switch|exchange|flip)\b/.test(lower);
  if (swap) {
    // Two pairs ("swap pricing and testimonials and the FAQ and the stats") are two swaps.
    const sections = unique(findSections(lower).map((found) => found.id));
    if (sections.length !== 2 && sections.length !== 4) return undefined;
    const swaps: Intent[] = [];
    for (let index = 0; index < sections.length; index += 2)
      swaps.push({ type: "swap-sections", a: sections[index], b: sections[index + 1] });
    return swaps;
  }
  if (/^(?:move|put|place|shift|reorder|bring|push)\b/.test(lower)) {
    const read = parsePosition(lower);
    const { head, position, unresolved } = read;
    const sections = unique(findSections(head).map((found) => found.id));
    if (!sections.length || unresolved || !position) return "unresolved";
    return moveAll(unique([...sections, ...thenInOrder(read)]), position);
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
    return [{ type: "add-section", sections, ...(position ? { position } : {}) }];
  }
  return undefined;
}
