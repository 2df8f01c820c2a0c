// Applies SEARCH/REPLACE blocks (shared/PROTOCOL.md) to a file, in order, each to the result of
// the one before. A block's SEARCH must match exactly once. When the exact text is not found, a
// tolerant fallback tries, in order, and stops at the first level that finds anything:
//   1. line endings normalized (CRLF/LF) — lines compared without their terminators;
//   2. trailing whitespace ignored on every line;
//   3. leading indentation ignored too; the REPLACE is re-indented by the offset between the
//      first non-blank SEARCH line and the file line it matched, so the file keeps its indentation.
// Levels 1–3 compare whole lines. A level that finds several matches is an error (a looser one
// would find at least as many). The REPLACE takes the file's line ending. An empty (or
// whitespace-only) SEARCH is always an error: to fill an empty file, `write` it.
import { parseSearchReplace, type SearchReplaceBlock } from "@/lib/ai/protocol/search-replace";

export type MatchLevel = "exact" | "line-endings" | "trailing-whitespace" | "indentation";

export type PatchResult =
  | { ok: true; content: string; levels: MatchLevel[] }
  | { ok: false; code: "patch_malformed" | "patch_no_match" | "patch_ambiguous"; reason: string };

/** Parses a patch body and applies it. `reason` has no path prefix; the caller adds it. */
export function applyPatch(content: string, patch: string): PatchResult {
  const parsed = parseSearchReplace(patch);
  if ("error" in parsed) return { ok: false, code: "patch_malformed", reason: parsed.error };
  return applySearchReplace(content, parsed.blocks);
}

export function applySearchReplace(content: string, blocks: readonly SearchReplaceBlock[]): PatchResult {
  let current = content;
  const levels: MatchLevel[] = [];
  for (const [i, block] of blocks.entries()) {
    const n = i + 1;
    if (block.search.trim() === "") {
      return { ok: false, code: "patch_malformed", reason: `SEARCH block ${n} is empty` };
    }
    const step = applyBlock(current, block);
    if (step.kind === "none") {
      return {
        ok: false,
        code: "patch_no_match",
        reason: `SEARCH block ${n} matched nothing (starts with \`${firstLine(block.search)}\`)`,
      };
    }
    if (step.kind === "many") {
      return {
        ok: false,
        code: "patch_ambiguous",
        reason: `SEARCH block ${n} matched ${step.count} places (starts with \`${firstLine(block.search)}\`); include more surrounding lines so it matches exactly one`,
      };
    }
    current = step.content;
    levels.push(step.level);
  }
  return { ok: true, content: current, levels };
}

type BlockStep =
  | { kind: "one"; content: string; level: MatchLevel }
  | { kind: "none" }
  | { kind: "many"; count: number };

function applyBlock(content: string, { search, replace }: SearchReplaceBlock): BlockStep {
  const eol = content.includes("\r\n") ? "\r\n" : "\n";
  const replacement = replace.replace(/\r?\n/g, eol);

  const first = content.indexOf(search);
  if (first !== -1) {
    const count = countOccurrences(content, search, first);
    if (count > 1) return { kind: "many", count };
    // Slicing, not String.replace: `$&` and friends in the REPLACE must stay literal.
    return {
      kind: "one",
      level: "exact",
      content: content.slice(0, first) + replacement + content.slice(first + search.length),
    };
  }

  const fileLines = splitLines(content);
  const searchLines = stripEol(splitLines(search)).map((l) => l.text);
  const fallbacks: Array<[MatchLevel, (line: string) => string]> = [
    ["line-endings", (l) => l],
    ["trailing-whitespace", (l) => l.trimEnd()],
    ["indentation", (l) => l.trim()],
  ];
  for (const [level, normalize] of fallbacks) {
    const wanted = searchLines.map(normalize);
    const have = fileLines.map((l) => normalize(l.text));
    const starts: number[] = [];
    for (let i = 0; i + wanted.length <= have.length; i++) {
      let j = 0;
      while (j < wanted.length && have[i + j] === wanted[j]) j++;
      if (j === wanted.length) starts.push(i);
    }
    if (starts.length > 1) return { kind: "many", count: starts.length };
    if (starts.length === 1) {
      const start = starts[0];
      const matched = fileLines.slice(start, start + wanted.length);
      let lines = replace === "" ? [] : replace.split(/\r?\n/);
      if (level === "indentation") lines = reindent(lines, searchLines, matched);
      const lastEol = matched[matched.length - 1].eol;
      const inserted = lines.length === 0 ? "" : lines.join(eol) + lastEol;
      const before = fileLines
        .slice(0, start)
        .map((l) => l.text + l.eol)
        .join("");
      const after = fileLines
        .slice(start + wanted.length)
        .map((l) => l.text + l.eol)
        .join("");
      return { kind: "one", level, content: before + inserted + after };
    }
  }
  return { kind: "none" };
}

interface Line {
  text: string;
  eol: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r?\n/g;
  let start = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    lines.push({ text: text.slice(start, m.index), eol: m[0] });
    start = m.index + m[0].length;
  }
  if (start < text.length) lines.push({ text: text.slice(start), eol: "" });
  return lines;
}

function stripEol(lines: Line[]): Line[] {
  // A lone `\r` left at the end of a SEARCH (its last line break removed by the parser).
  return lines.map((l) => ({ text: l.text.replace(/\r$/, ""), eol: l.eol }));
}

const leadingWhitespace = (line: string) => /^[ \t]*/.exec(line)![0];

/** Shifts REPLACE lines by the indentation offset between the SEARCH and the lines it matched. */
function reindent(replaceLines: string[], searchLines: string[], matched: Line[]): string[] {
  const k = searchLines.findIndex((l) => l.trim() !== "");
  const fileIndent = leadingWhitespace(matched[k].text);
  const searchIndent = leadingWhitespace(searchLines[k]);
  if (fileIndent === searchIndent) return replaceLines;
  return replaceLines.map((line) => {
    if (line.trim() === "") return line;
    const own = leadingWhitespace(line);
    // The REPLACE line's indentation relative to the SEARCH's first line, placed on the file's.
    if (own.startsWith(searchIndent)) return fileIndent + line.slice(searchIndent.length);
    const delta = fileIndent.length - searchIndent.length;
    if (delta > 0) return fileIndent.slice(0, delta) + line;
    return line.slice(Math.min(own.length, -delta));
  });
}

function countOccurrences(haystack: string, needle: string, from: number): number {
  let count = 0;
  // Overlapping matches count too: "aa" appears twice in "aaa", and either could be meant.
  for (let i = from; i !== -1; i = haystack.indexOf(needle, i + 1)) count++;
  return count;
}

function firstLine(search: string): string {
  const line = search.split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
  const text = line.trim();
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
