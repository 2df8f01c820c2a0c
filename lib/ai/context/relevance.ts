// Ranks a project's files by how relevant they are to a request: files it names, files changed
// recently, files those import, then the page's core files; the rest by size.
const CORE_FILES = ["src/App.tsx", "src/site.ts", "src/theme.css", "src/content.ts"];

export type Reason = "named" | "recent" | "imported" | "core" | "other";
const weight: Record<Reason, number> = { named: 0, recent: 1, imported: 2, core: 3, other: 4 };

export interface RankedFile {
  path: string;
  reason: Reason;
}

function importsOf(path: string, content: string, known: Set<string>): string[] {
  const dir = path.split("/").slice(0, -1);
  const found: string[] = [];
  for (const match of content.matchAll(/from\s+["'](\.{1,2}\/[^"']+)["']/g)) {
    const parts = [...dir];
    for (const segment of match[1].split("/")) {
      if (segment === "..") parts.pop();
      else if (segment !== ".") parts.push(segment);
    }
    const base = parts.join("/");
    for (const candidate of [
      base,
      `${base}.tsx`,
      `${base}.ts`,
      `${base}.css`,
      `${base}/index.tsx`,
      `${base}/index.ts`,
    ]) {
      if (known.has(candidate)) {
        found.push(candidate);
        break;
      }
    }
  }
  return found;
}

function isNamed(path: string, message: string): boolean {
  const lower = message.toLowerCase();
  const file = path.split("/").pop() ?? path;
  const stem = file.replace(/\.[^.]+$/, "").toLowerCase();
  return (
    lower.includes(path.toLowerCase()) ||
    lower.includes(file.toLowerCase()) ||
    (stem.length > 3 && lower.includes(stem))
  );
}

export function rankFiles(
  files: Map<string, string>,
  message: string,
  recentlyChanged: readonly string[],
): RankedFile[] {
  const known = new Set(files.keys());
  const reasons = new Map<string, Reason>();
  const assign = (path: string, reason: Reason) => {
    const existing = reasons.get(path);
    if (known.has(path) && (!existing || weight[reason] < weight[existing])) reasons.set(path, reason);
  };
  for (const path of known) if (isNamed(path, message)) assign(path, "named");
  for (const path of recentlyChanged) assign(path, "recent");
  for (const [path, reason] of [...reasons]) {
    if (reason === "named" || reason === "recent") {
      for (const imported of importsOf(path, files.get(path) ?? "", known)) assign(imported, "imported");
    }
  }
  for (const path of CORE_FILES) assign(path, "core");
  for (const path of known) assign(path, "other");
  return [...reasons]
    .map(([path, reason]) => ({ path, reason }))
    .sort(
      (a, b) =>
        weight[a.reason] - weight[b.reason] ||
        (files.get(a.path)?.length ?? 0) - (files.get(b.path)?.length ?? 0) ||
        (a.path < b.path ? -1 : 1),
    );
}
