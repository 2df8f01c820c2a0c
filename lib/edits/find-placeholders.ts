// Truncation placeholders: what a model writes instead of the code it did not repeat
// (`// ... rest of the file unchanged ...`, `{/* rest of component */}`, `// (unchanged)`).
// Applying such a file would delete that code, so a write or patch that introduces one is refused.
// Only comments and lines standing alone are read, and only whole-comment shapes or an ellipsis
// next to a tell-tale word count, so ordinary comments ("render the rest of the list lazily",
// "Load more...") pass. Lines the file already had are not held against a turn.

const ELLIPSIS = String.raw`(?:\.{3,}|…|\. \. \.)`;
const NOUN =
  "(?:file|code|component|components|function|functions|class|module|content|contents|page|markup|styles?|css|jsx|tsx|html|implementation|section|sections|imports|exports|props|items|list|logic|body|template|app|methods|fields|properties|routes|config|hooks|handlers|types|elements|children|file content)";
const TRAILER = String.raw`(?:\s+(?:is\s+|are\s+|remains?\s+|stays?\s+|goes\s+|go\s+)?(?:unchanged|the same|as before|as is|untouched|omitted|here|below|above|not shown|unmodified))?`;

/** Matched against a comment's text (markers removed, trimmed). */
const COMMENT_PATTERNS: readonly RegExp[] = [
  // An ellipsis next to a tell-tale word: "... existing code ...", "… other sections", "imports …"
  new RegExp(
    String.raw`^${ELLIPSIS}.*\b(?:rest|remaining|remainder|existing|previous|unchanged|same|omitted|other|original|etc)\b`,
    "iu",
  ),
  new RegExp(
    String.raw`^(?:the\s+|all\s+)?(?:rest|remaining|remainder|existing|previous|unchanged|omitted|other|original)\b.{0,60}${ELLIPSIS}$`,
    "iu",
  ),
  // The whole comment is the phrase: "rest of component", "Rest of the file unchanged"
  new RegExp(
    String.raw`^(?:the\s+)?(?:rest|remainder)\s+of\s+(?:the\s+|this\s+|your\s+)?${NOUN}${TRAILER}\W*$`,
    "iu",
  ),
  new RegExp(
    String.raw`^(?:keep\s+|keeping\s+)?(?:the\s+|all\s+)?(?:existing|previous|original|unchanged|remaining|other|old|same)\s+${NOUN}${TRAILER}\W*$`,
    "iu",
  ),
  new RegExp(
    String.raw`^${NOUN}\s+(?:is\s+|are\s+|remains?\s+|stays?\s+)?(?:unchanged|the same as before|as before)\W*$`,
    "iu",
  ),
  new RegExp(`^${ELLIPSIS}$`, "u"),
  /^\(?\s*(?:unchanged|no changes?|same as before|as before|omitted|truncated|snip(?:ped)?)\s*\)?\W*$/iu,
  // Anywhere in a comment: "(rest omitted)", "omitted for brevity"
  /\b(?:omitted|truncated|elided|shortened|abbreviated|skipped|trimmed)\s+for\s+(?:brevity|space|clarity|readability)\b/iu,
  /\(\s*(?:rest|remainder|remaining|code|content|the rest)?\s*(?:omitted|truncated|elided|unchanged)\s*\)/iu,
  /\b(?:code|content|everything)\s+(?:above|below)\s+(?:is\s+|remains?\s+)?(?:unchanged|the same)\b/iu,
];

/** A line that is only an ellipsis, maybe with a note: "...", "… (rest omitted)", "... rest unchanged". */
// Words need a space after the ellipsis and notes need a tell-tale word, so spreads (`...rest,`,
// `...(open ? a : b)`) are not mistaken for one.
const TELL = "(?:rest|remaining|remainder|existing|unchanged|omitted|truncated|etc|more|same|previous)";
const BARE_LINE = new RegExp(
  String.raw`^${ELLIPSIS}(?:\s*\([^)]*\b${TELL}\b[^)]*\)|\s+${TELL}\b.*)?\s*${ELLIPSIS}?$`,
  "iu",
);

const CODE_EXTENSIONS = new Set([
  "ts",
  "tsx",
  "mts",
  "cts",
  "js",
  "jsx",
  "mjs",
  "cjs",
  "css",
  "html",
  "json",
]);

/** The text of a comment on this line, without its markers, or null. */
function commentText(line: string): string | null {
  const m = /(?:\/\/+|\/\*+|<!--)(.*)$/.exec(line);
  if (!m) return null;
  // `//` right after `:` is a URL, not a comment.
  if (m[0].startsWith("//") && line[m.index - 1] === ":") return null;
  return m[1]
    .replace(/(?:\*+\/\s*\}?|-->)\s*;?\s*$/, "")
    .replace(/^[\s*]+/, "")
    .trim();
}

/** Placeholder lines (trimmed) in `content`, in order. Files that are not code are not read. */
export function findPlaceholders(path: string, content: string): string[] {
  const dot = path.lastIndexOf(".");
  const ext = dot === -1 ? "" : path.slice(dot + 1).toLowerCase();
  if (!CODE_EXTENSIONS.has(ext)) return [];
  const found: string[] = [];
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "") continue;
    if ((line[0] === "." || line[0] === "…") && BARE_LINE.test(line)) {
      found.push(line);
      continue;
    }
    const comment = commentText(line);
    if (comment !== null && comment !== "" && COMMENT_PATTERNS.some((p) => p.test(comment))) found.push(line);
  }
  return found;
}

/** Placeholders in `after` that `before` did not already have (counted, so a second copy counts). */
export function newPlaceholders(path: string, before: string | undefined, after: string): string[] {
  const found = findPlaceholders(path, after);
  if (found.length === 0 || before === undefined) return found;
  const existing = new Map<string, number>();
  for (const line of findPlaceholders(path, before)) existing.set(line, (existing.get(line) ?? 0) + 1);
  return found.filter((line) => {
    const left = existing.get(line) ?? 0;
    if (left === 0) return true;
    existing.set(line, left - 1);
    return false;
  });
}
