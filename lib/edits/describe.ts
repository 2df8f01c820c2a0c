// Words and numbers about a change: line counts for the chat's operation cards, unified diffs,
// and a one-line summary for version messages.
import { createTwoFilesPatch, diffLines } from "diff";
import type { EditChanges, FileContent } from "./schemas";
import { asText, countLines } from "./text";

export interface LineStats {
  linesAdded: number;
  linesRemoved: number;
}

// Myers' diff costs O(N·D) (two unrelated 8,000-line files: ~6 s). Past this many edits, or this
// many milliseconds, the exact alignment is not worth the wait and the counts fall back to "every
// old line removed, every new line added" (and unifiedDiff to null).
const MAX_EDIT_LENGTH = 2_000;
const DIFF_TIMEOUT_MS = 100;

/** Lines added and removed going from `before` to `after` (undefined: the file does not exist). */
export function lineStats(before: string | undefined, after: string | undefined): LineStats {
  const a = before ?? "";
  const b = after ?? "";
  if (a === b) return { linesAdded: 0, linesRemoved: 0 };
  if (a === "" || b === "") return { linesAdded: countLines(b), linesRemoved: countLines(a) };
  const changes = diffLines(a, b, {
    stripTrailingCr: true,
    maxEditLength: MAX_EDIT_LENGTH,
    timeout: DIFF_TIMEOUT_MS,
  });
  if (!changes) return { linesAdded: countLines(b), linesRemoved: countLines(a) };
  let linesAdded = 0;
  let linesRemoved = 0;
  for (const change of changes) {
    if (change.added) linesAdded += change.count;
    else if (change.removed) linesRemoved += change.count;
  }
  return { linesAdded, linesRemoved };
}

/** A unified diff (`--- a/path`, `+++ b/path`) for one file; null when it is too large to align. */
export function unifiedDiff(
  fromPath: string,
  toPath: string,
  before: string | undefined,
  after: string | undefined,
  context = 3,
): string | null {
  const patch = createTwoFilesPatch(
    before === undefined ? "/dev/null" : `a/${fromPath}`,
    after === undefined ? "/dev/null" : `b/${toPath}`,
    before ?? "",
    after ?? "",
    undefined,
    undefined,
    { context, maxEditLength: MAX_EDIT_LENGTH, timeout: DIFF_TIMEOUT_MS },
  );
  return patch ?? null;
}

export interface SummaryOptions {
  /** What changed, when the caller knows it ("the headline"): "Changed the headline in src/App.tsx". */
  what?: string;
}

const MAX_SUMMARY_LENGTH = 200;

/**
 * A version message from a turn's changes: "Changed src/App.tsx", "Changed the headline in
 * src/App.tsx", "Added src/sections/faq.tsx and changed src/App.tsx", "Changed 5 files".
 */
export function summarizeChanges(changes: EditChanges, options: SummaryOptions = {}): string {
  const renamedTargets = new Set(changes.renamed.map((r) => r.to));
  const modified = changes.modified.filter((p) => !renamedTargets.has(p));
  const clauses: string[] = [];
  const what = options.what?.trim();
  if (what && modified.length > 0 && modified.length <= 2) {
    clauses.push(`changed ${what} in ${listPaths(modified)}`);
  } else if (what && modified.length > 2) {
    clauses.push(`changed ${what} in ${modified.length} files`);
  } else if (modified.length > 0) {
    clauses.push(`changed ${listPaths(modified)}`);
  }
  if (changes.added.length > 0) clauses.push(`added ${listPaths(changes.added)}`);
  if (changes.renamed.length === 1) {
    const [{ from, to }] = changes.renamed;
    clauses.push(`renamed ${from} to ${to}`);
  } else if (changes.renamed.length > 1) {
    clauses.push(`renamed ${changes.renamed.length} files`);
  }
  if (changes.deleted.length > 0) clauses.push(`deleted ${listPaths(changes.deleted)}`);

  if (clauses.length === 0) return what ? `No changes to ${what}` : "No changes";
  let text = joinClauses(clauses);
  if (text.length > MAX_SUMMARY_LENGTH) {
    const total = new Set([
      ...changes.added,
      ...changes.modified,
      ...changes.deleted,
      ...changes.renamed.map((r) => r.to),
    ]).size;
    text = what ? `changed ${what} in ${plural(total, "file")}` : `changed ${plural(total, "file")}`;
  }
  return text[0].toUpperCase() + text.slice(1);
}

function listPaths(paths: readonly string[]): string {
  if (paths.length === 1) return paths[0];
  if (paths.length === 2) return `${paths[0]} and ${paths[1]}`;
  return plural(paths.length, "file");
}

function joinClauses(clauses: string[]): string {
  if (clauses.length === 1) return clauses[0];
  return `${clauses.slice(0, -1).join(", ")} and ${clauses[clauses.length - 1]}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** Added, modified, deleted and renamed files between two states; `origin` maps each new path to
 * the path its content came from in `current` (null: new content). */
export function describeChanges(
  current: ReadonlyMap<string, FileContent>,
  files: ReadonlyMap<string, FileContent>,
  origin: ReadonlyMap<string, string | null>,
): EditChanges {
  const changes: EditChanges = { added: [], modified: [], deleted: [], renamed: [] };
  const movedFrom = new Set<string>();
  for (const [path, content] of files) {
    const from = origin.get(path);
    if (from === path || (from === null && current.has(path))) {
      if (!sameContent(current.get(path)!, content)) changes.modified.push(path);
    } else if (from === null || from === undefined) {
      changes.added.push(path);
    } else {
      movedFrom.add(from);
      changes.renamed.push({ from, to: path });
      if (!sameContent(current.get(from)!, content)) changes.modified.push(path);
    }
  }
  for (const path of current.keys()) if (!files.has(path) && !movedFrom.has(path)) changes.deleted.push(path);
  const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  changes.added.sort(byPath);
  changes.modified.sort(byPath);
  changes.deleted.sort(byPath);
  changes.renamed.sort((a, b) => byPath(a.from, b.from));
  return changes;
}

function sameContent(a: FileContent, b: FileContent): boolean {
  if (a === b) return true;
  if (typeof a === "string" && typeof b === "string") return false;
  const ta = asText(a);
  const tb = asText(b);
  if (ta !== null && tb !== null) return ta === tb;
  if (typeof a === "string" || typeof b === "string") return false;
  return a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);
}
