// Small string helpers shared by the intent parser and the edit planner.

const QUOTE_PAIRS: Record<string, string> = { '"': '"', "“": "”", "„": "“", "‘": "’", "'": "'", "«": "»" };

export type Quoted = { text: string; quotes: string[] };

/** A placeholder that survives lower-casing and clause splitting. */
export const quoteToken = (index: number) => `\uE000${index}\uE001`;
const TOKEN = /\uE000(\d+)\uE001/g;

/**
 * Replaces quoted strings with placeholders so their content never splits a clause or looks like a
 * command ("set the headline to 'Add more and remove less'"). A single quote opens a quotation only
 * after a non-letter, so apostrophes (`don't`, `Let's`) are left alone.
 */
export function extractQuotes(input: string): Quoted {
  const quotes: string[] = [];
  let text = "";
  let i = 0;
  while (i < input.length) {
    const char = input[i];
    const close = QUOTE_PAIRS[char];
    const before = i > 0 ? input[i - 1] : " ";
    if (close && !/[\p{L}\p{N}]/u.test(before)) {
      let end = input.indexOf(close, i + 1);
      // A closing single quote must not be an apostrophe inside a word.
      while (close === "'" && end !== -1 && /[\p{L}]/u.test(input[end + 1] ?? "")) {
        end = input.indexOf(close, end + 1);
      }
      if (end > i + 1) {
        quotes.push(input.slice(i + 1, end));
        text += quoteToken(quotes.length - 1);
        i = end + 1;
        continue;
      }
    }
    text += char;
    i++;
  }
  return { text, quotes };
}

export function restoreQuotes(text: string, quotes: string[]): string {
  return text.replace(TOKEN, (_, index: string) => quotes[Number(index)] ?? "");
}

/** The quoted string when `text` is exactly one placeholder (with optional punctuation around). */
export function onlyQuote(text: string, quotes: string[]): string | undefined {
  const match = /^\s*\uE000(\d+)\uE001[\s.!]*$/.exec(text);
  return match ? quotes[Number(match[1])] : undefined;
}

/** Whether `text` ends with a placeholder (and optional punctuation): a quoted value closes it. */
export function endsWithQuote(text: string): boolean {
  return /\uE001[\s.!]*$/.test(text);
}

export function hasQuote(text: string): boolean {
  return /\uE000\d+\uE001/.test(text);
}

export function firstQuote(text: string, quotes: string[]): string | undefined {
  const match = /\uE000(\d+)\uE001/.exec(text);
  return match ? quotes[Number(match[1])] : undefined;
}

/** Lower case, one space between words, typographic apostrophes made plain. */
export function normalize(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A whole-word, case-insensitive pattern for a phrase (phrases may contain spaces and dots). */
export function phrasePattern(phrase: string, flags = "i"): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, `${flags}u`);
}

/** Trims a free-text value taken from a sentence: whitespace, a trailing full stop, stray quotes. */
export function cleanValue(value: string): string {
  return value
    .trim()
    .replace(/\s+(please|thanks|thank you)[.!]*$/i, "")
    .replace(/[.,;]+$/, "")
    .replace(/^["“”'‘’]+|["“”'‘’]+$/g, "")
    .trim();
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function titleCase(text: string): string {
  const small = new Set(["a", "an", "and", "for", "of", "the", "to", "in", "on", "with", "or"]);
  return text
    .split(/\s+/)
    .map((word, index) => (index > 0 && small.has(word) ? word : capitalize(word)))
    .join(" ");
}

/** FNV-1a, for deterministic chunking and response ids. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
