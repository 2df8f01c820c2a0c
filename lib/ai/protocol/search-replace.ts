// Reads the body of a `patch` block (shared/PROTOCOL.md):
//
//   <<<<<<< SEARCH
//   exact text of the current file
//   =======
//   the text to put in its place
//   >>>>>>> REPLACE
//
// Markers stand on their own lines, with 7 or more marker characters and optional trailing
// whitespace (`<<<<<<<<< SEARCH  ` is fine; leading whitespace is not: that line is content).
// Blank lines between blocks are ignored; any other text outside a block is an error. A section's
// text is its lines exactly as written, line endings included, except the line break before the
// next marker. Applying the blocks (matching, whitespace fallback) is the apply step's job.

export interface SearchReplaceBlock {
  search: string;
  replace: string;
}

export type SearchReplaceResult = { blocks: SearchReplaceBlock[] } | { error: string };

const SEARCH_MARKER = /^<{7,}[ \t]*SEARCH\s*$/;
const DIVIDER = /^={7,}\s*$/;
const REPLACE_MARKER = /^>{7,}[ \t]*REPLACE\s*$/;

/** A section's text: its lines joined, without the line break that ends the last one. */
function sectionText(content: string, start: number, end: number): string {
  if (end <= start) return "";
  let stop = end;
  if (content.charCodeAt(stop - 1) === 10) stop--;
  if (stop > start && content.charCodeAt(stop - 1) === 13) stop--;
  return content.slice(start, stop);
}

export function parseSearchReplace(content: string): SearchReplaceResult {
  const blocks: SearchReplaceBlock[] = [];
  let state: "outside" | "search" | "replace" = "outside";
  let sectionStart = 0;
  let search = "";
  const number = () => blocks.length + 1;

  let lineStart = 0;
  while (lineStart < content.length) {
    const newline = content.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? content.length : newline + 1;
    const line = content.slice(lineStart, newline === -1 ? content.length : newline);
    if (state === "outside") {
      if (SEARCH_MARKER.test(line)) {
        state = "search";
        sectionStart = lineEnd;
      } else if (DIVIDER.test(line) || REPLACE_MARKER.test(line)) {
        return { error: `Block ${number()}: "${line.trim()}" without a <<<<<<< SEARCH line before it.` };
      } else if (line.trim() !== "") {
        return { error: `Block ${number()}: text outside a SEARCH/REPLACE block: "${preview(line)}".` };
      }
    } else if (state === "search") {
      if (DIVIDER.test(line)) {
        search = sectionText(content, sectionStart, lineStart);
        if (search === "") return { error: `Block ${number()}: the SEARCH section is empty.` };
        state = "replace";
        sectionStart = lineEnd;
      } else if (SEARCH_MARKER.test(line) || REPLACE_MARKER.test(line)) {
        return { error: `Block ${number()}: "${line.trim()}" before its ======= line.` };
      }
    } else if (REPLACE_MARKER.test(line)) {
      blocks.push({ search, replace: sectionText(content, sectionStart, lineStart) });
      state = "outside";
    } else if (SEARCH_MARKER.test(line) || DIVIDER.test(line)) {
      return { error: `Block ${number()}: "${line.trim()}" before its >>>>>>> REPLACE line.` };
    }
    lineStart = lineEnd;
  }
  if (state === "search") return { error: `Block ${number()}: no ======= line after its SEARCH section.` };
  if (state === "replace") return { error: `Block ${number()}: no >>>>>>> REPLACE line to end it.` };
  if (blocks.length === 0) return { error: "The patch has no <<<<<<< SEARCH / >>>>>>> REPLACE blocks." };
  return { blocks };
}

function preview(line: string): string {
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}
