import { diffArrays } from "diff";
import type { CodeOperation } from "@/lib/ai/protocol/types";
import type { Workspace } from "./workspace";

/**
 * From a planned workspace to protocol operations: `write` for new files and files rewritten on
 * purpose, `delete` for removed ones, and `patch` (SEARCH/REPLACE blocks of exact current text)
 * for small edits. Every patch is checked by applying it here first; one that would not reproduce
 * the planned file exactly becomes a `write`.
 */

export type SearchReplace = { search: string; replace: string };

const CONTEXT_LIMIT = 6;

function occurrences(haystack: string, needle: string): number {
  if (!needle) return Number.POSITIVE_INFINITY;
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}

/** SEARCH/REPLACE blocks turning `before` into `after`, or undefined when no small patch exists. */
export function diffToBlocks(before: string, after: string): SearchReplace[] | undefined {
  const a = before.split("\n");
  const b = after.split("\n");
  // Hunks as [startA, endA, startB, endB) line ranges.
  const hunks: Array<[number, number, number, number]> = [];
  let i = 0;
  let j = 0;
  for (const change of diffArrays(a, b)) {
    const count = change.value.length;
    if (change.added) {
      const last = hunks.at(-1);
      if (last && last[1] === i && last[3] === j) last[3] = j + count;
      else hunks.push([i, i, j, j + count]);
      j += count;
    } else if (change.removed) {
      const last = hunks.at(-1);
      if (last && last[1] === i && last[3] === j) last[1] = i + count;
      else hunks.push([i, i + count, j, j]);
      i += count;
    } else {
      i += count;
      j += count;
    }
  }
  const blocks: Array<[number, number, number, number]> = [];
  for (const hunk of hunks) {
    let [sa, ea, sb, eb] = hunk;
    // Grow with context until the SEARCH text is unique and neither side is empty.
    for (let grow = 0; grow <= CONTEXT_LIMIT * 2; grow++) {
      const search = a.slice(sa, ea).join("\n");
      if (ea > sa && eb > sb && search.trim() !== "" && occurrences(before, search) === 1) break;
      if (grow === CONTEXT_LIMIT * 2) return undefined;
      if (grow % 2 === 0 && sa > 0) {
        sa--;
        sb--;
      } else if (ea < a.length) {
        ea++;
        eb++;
      } else if (sa > 0) {
        sa--;
        sb--;
      } else return undefined;
    }
    const previous = blocks.at(-1);
    if (previous && sa <= previous[1]) {
      // Overlapping context: one bigger block (still unique, since it contains a unique part).
      if (ea > previous[1]) {
        previous[1] = ea;
        previous[3] = eb;
      }
      continue;
    }
    blocks.push([sa, ea, sb, eb]);
  }
  return blocks.map(([sa, ea, sb, eb]) => ({
    search: a.slice(sa, ea).join("\n"),
    replace: b.slice(sb, eb).join("\n"),
  }));
}

/** Applies SEARCH/REPLACE blocks in order; each must match exactly once. */
export function applyBlocks(content: string, blocks: SearchReplace[]): string {
  let result = content;
  blocks.forEach((block, index) => {
    const count = occurrences(result, block.search);
    if (count !== 1)
      throw new Error(`block ${index + 1}: SEARCH matches ${count === 0 ? "nothing" : `${count} times`}`);
    const at = result.indexOf(block.search);
    result = result.slice(0, at) + block.replace + result.slice(at + block.search.length);
  });
  return result;
}

export function renderBlocks(blocks: SearchReplace[]): string {
  return blocks
    .map((block) => `<<<<<<< SEARCH\n${block.search}\n=======\n${block.replace}\n>>>>>>> REPLACE\n`)
    .join("");
}

/** Reads a patch body back into blocks (used by tests and to double-check our own output). */
export function parseBlocks(body: string): SearchReplace[] {
  const blocks: SearchReplace[] = [];
  const pattern = /<<<<<<< SEARCH\n([\s\S]*?)\n?=======\n([\s\S]*?)\n?>>>>>>> REPLACE/g;
  for (const match of body.matchAll(pattern)) blocks.push({ search: match[1], replace: match[2] });
  return blocks;
}

// Files listed first in the answer: the page, then its data, then the look.
const ORDER = ["src/App.tsx", "src/content.ts", "src/site.ts", "src/theme.css", "index.html"];
const rank = (path: string) => {
  const index = ORDER.indexOf(path);
  return index === -1 ? ORDER.length + (path.startsWith("src/sections/") ? 0 : 1) : index;
};

export function toOperations(workspace: Workspace): CodeOperation[] {
  const operations: CodeOperation[] = [];
  const paths = [...new Set([...workspace.original.keys(), ...workspace.files.keys()])].sort(
    (x, y) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0),
  );
  for (const path of paths) {
    const before = workspace.original.get(path);
    const after = workspace.files.get(path);
    if (before === after) continue;
    if (after === undefined) {
      operations.push({ path, action: "delete", content: "" });
      continue;
    }
    if (before === undefined || workspace.whole.has(path)) {
      operations.push({ path, action: "write", content: after });
      continue;
    }
    const blocks = diffToBlocks(before, after);
    const size = blocks?.reduce((total, block) => total + block.search.length + block.replace.length, 0) ?? 0;
    let verified = false;
    if (blocks && size < after.length * 2) {
      try {
        verified = applyBlocks(before, blocks) === after;
      } catch {
        verified = false;
      }
    }
    operations.push(
      verified && blocks
        ? { path, action: "patch", content: renderBlocks(blocks) }
        : { path, action: "write", content: after },
    );
  }
  return operations;
}

/** One operation as protocol text. */
export function renderOperation(operation: CodeOperation): string {
  const open = `<code path="${operation.path}" action="${operation.action}"${operation.to ? ` to="${operation.to}"` : ""}>`;
  if (operation.action === "delete" || operation.action === "rename") return `${open}</code>\n`;
  // The parser drops the line break after the opening tag and the one before `</code>`.
  return `${open}\n${operation.content}\n</code>\n`;
}
