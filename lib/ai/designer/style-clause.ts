import type { Intent } from "./intents";
import { phrasePattern } from "./text";
import { EXTRA_COLOR_WORDS, FONT_WORDS, PALETTE_COLOR_WORDS, PALETTE_MOODS } from "./vocabulary";

/** Look and feel: colours, palettes, fonts and light or dark mode, read from one lower-case clause. */

const FONT_CONTEXT = /\b(?:fonts?|typefaces?|typography|type ?face|lettering|headings? font|text style)\b/;
const COLOR_CONTEXT =
  /\b(?:colou?rs?|palette|scheme|theme|tones?|look|vibe|feel|feeling|mood|accent|brand)\b/;
// Compiled once: a message is read clause by clause, and each reading tries every word.
const COLOR_PATTERNS = [...PALETTE_COLOR_WORDS, ...Object.keys(EXTRA_COLOR_WORDS)].map((word) => ({
  word,
  pattern: new RegExp(`(?:\\b(dark|deep|light|pale)\\s+)?\\b${word}\\b`, "g"),
}));
const MOOD_PATTERNS = Object.entries(PALETTE_MOODS).map(([mood, value]) => {
  const comparative = mood.endsWith("m") || mood.endsWith("l") ? `${mood}er` : `${mood}`;
  return { value, pattern: new RegExp(`\\b(?:${mood}|${comparative})\\b`) };
});
const FONT_PATTERNS = FONT_WORDS.map(([word, font]) => ({ word, font, pattern: phrasePattern(word) }));
const FONT_ONLY_WORDS = /^(?:serif|sans-serif|sans serif|monospace)$/;

function colorFromWord(word: string): string {
  return EXTRA_COLOR_WORDS[word] ?? word;
}

/** A colour a clause names: a hex value, or a colour word with an optional shade ("dark green"). */
export type ColourMention = {
  /** As written, shade included: "dark green", "#0ea5e9". */
  text: string;
  /** A Tailwind palette or a #rrggbb. */
  palette: string;
  /** The colour word without its shade ("green"), or the hex value. */
  label: string;
  shade?: "dark" | "light";
  hex: boolean;
  index: number;
  end: number;
};

// A colour named as the one not wanted: "green instead of blue", "from blue to green".
const NOT_WANTED_BEFORE = /\b(?:from|instead of|rather than|not|than)\s+$/;

/**
 * Every colour the clause asks for, in order. A page has one brand colour, so `parseStyleClause`
 * applies one of them (`appliedColour`); the others are reported, never dropped (`one-colour.ts`).
 */
export function colourMentions(lower: string): ColourMention[] {
  const mentions: ColourMention[] = [];
  for (const match of lower.matchAll(/#([0-9a-f]{6}|[0-9a-f]{3})\b/g)) {
    const value = match[1].length === 3 ? [...match[1]].map((c) => c + c).join("") : match[1];
    const end = match.index + match[0].length;
    mentions.push({
      text: `#${value}`,
      palette: `#${value}`,
      label: `#${value}`,
      hex: true,
      index: match.index,
      end,
    });
  }
  // "neutral" is a colour only when it is not part of "neutral font" etc.; moods handle it otherwise.
  const neutralIsFont = FONT_CONTEXT.test(lower) && !COLOR_CONTEXT.test(lower);
  for (const { word, pattern } of COLOR_PATTERNS) {
    if (word === "neutral" && neutralIsFont) continue;
    for (const match of lower.matchAll(pattern)) {
      const shade = match[1] ? (/dark|deep/.test(match[1]) ? "dark" : "light") : undefined;
      const end = match.index + match[0].length;
      mentions.push({
        text: match[0],
        palette: colorFromWord(word),
        label: word,
        ...(shade ? { shade } : {}),
        hex: false,
        index: match.index,
        end,
      });
    }
  }
  return mentions
    .filter(({ index }) => !NOT_WANTED_BEFORE.test(lower.slice(0, index)))
    .sort((a, b) => a.index - b.index);
}

/** The colour a clause's palette is set to: a hex value if there is one, else the first colour. */
export function appliedColour(mentions: ColourMention[]): ColourMention | undefined {
  return mentions.find((mention) => mention.hex) ?? mentions[0];
}

/** The colours of a clause that are not the one applied (nor the same colour named again). */
export function otherColours(mentions: ColourMention[]): ColourMention[] {
  const applied = appliedColour(mentions);
  if (!applied) return [];
  return mentions.filter((mention) => mention.palette !== applied.palette || mention.shade !== applied.shade);
}

export function parseStyleClause(lower: string): Intent[] {
  const intents: Intent[] = [];
  const hasFont = FONT_CONTEXT.test(lower);

  // Colours: a hex value, or a colour name (optionally "dark green" / "light blue").
  const colorMatch = appliedColour(colourMentions(lower));
  if (colorMatch) {
    intents.push({ type: "set-palette", palette: colorMatch.palette, label: colorMatch.label });
    if (colorMatch.shade)
      intents.push({ type: "shift-palette", steps: colorMatch.shade === "dark" ? 1 : -1 });
  } else if (!hasFont || COLOR_CONTEXT.test(lower)) {
    for (const { value, pattern } of MOOD_PATTERNS) {
      if (pattern.test(lower)) {
        intents.push({
          type: "set-palette",
          palette: value.palette,
          neutral: value.neutral,
          label: value.label,
        });
        break;
      }
    }
  }

  // Fonts: with a font word, any font vocabulary; without one, only words that can only mean a font.
  for (const { word, font, pattern } of FONT_PATTERNS) {
    if (!hasFont && !FONT_ONLY_WORDS.test(word)) continue;
    if (pattern.test(lower) && !(word === "serif" && /sans[- ]serif/.test(lower))) {
      intents.push({ type: "set-font", font, word });
      break;
    }
  }

  // Light or dark mode; "darker"/"lighter" shift the brand scale instead.
  const background = /\bbackground\b/.test(lower);
  const shift =
    /\b(?:(much|a lot|way|far|significantly)\s+)?(darker|deeper|richer|lighter|brighter|paler|softer)\b|\b(darken|lighten)\b/.exec(
      lower,
    );
  // "Dark mode", "a light theme" name a mode outright, so they are always honoured; "make it dark"
  // next to a colour ("make it dark green") is that colour's shade, not the mode.
  const explicitMode =
    /\b(dark|light|night|day)[- ](?:mode|theme|version|look|background|scheme|style|ui|design)\b/.exec(lower);
  const looseMode =
    /\b(?:make it|go|switch to|change to|turn it|use|back to|in)\s+(dark|light)\b(?!\s+(?:\w+\s+)?(?:colou?r|palette))/.exec(
      lower,
    ) ?? /^(dark|light)$/.exec(lower);
  const modeMatch = explicitMode ?? (colorMatch?.shade ? undefined : looseMode);
  if (modeMatch) {
    intents.push({ type: "set-mode", mode: /dark|night/.test(modeMatch[1]) ? "dark" : "light" });
  } else if (shift) {
    const darker = /darker|deeper|richer|darken/.test(shift[2] ?? shift[3]);
    if (background) intents.push({ type: "set-mode", mode: darker ? "dark" : "light" });
    else intents.push({ type: "shift-palette", steps: (darker ? 1 : -1) * (shift[1] ? 2 : 1) });
  }
  return intents;
}

/**
 * The clause names a style plainly — a font, a colour scheme, a mode, a hex colour — rather than
 * using a word that could be part of a text ("Rich and warm", "Green and Gold").
 */
export function namesStyle(lower: string): boolean {
  return (
    FONT_CONTEXT.test(lower) ||
    /#[0-9a-f]{3}(?:[0-9a-f]{3})?\b|\b(?:colou?rs?|colou?r scheme|palette|theme)\b/.test(lower) ||
    /\b(?:dark|light|night|day)[- ]mode\b/.test(lower)
  );
}
