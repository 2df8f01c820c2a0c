import type { FileEntry } from "@/lib/projects/schemas";

export interface TreeNode {
  name: string;
  path: string;
  /** Present on folders. */
  children?: TreeNode[];
  file?: FileEntry;
}

/** Folders first, then files, each alphabetical — the order every editor uses. */
function sortNodes(nodes: TreeNode[]): TreeNode[] {
  nodes.sort((a, b) => Number(!a.children) - Number(!b.children) || a.name.localeCompare(b.name));
  for (const node of nodes) if (node.children) sortNodes(node.children);
  return nodes;
}

export function buildTree(files: FileEntry[]): TreeNode[] {
  const root: TreeNode[] = [];
  const folders = new Map<string, TreeNode>();
  for (const file of files) {
    const parts = file.path.split("/");
    let siblings = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const path = parts.slice(0, i + 1).join("/");
      let folder = folders.get(path);
      if (!folder) {
        folder = { name: parts[i], path, children: [] };
        folders.set(path, folder);
        siblings.push(folder);
      }
      siblings = folder.children!;
    }
    siblings.push({ name: parts[parts.length - 1], path: file.path, file });
  }
  return sortNodes(root);
}

/** "src/sections/hero.tsx" → ["src", "src/sections"]. */
export function ancestorsOf(path: string): string[] {
  const parts = path.split("/");
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join("/"));
}

const PREFERRED = ["src/App.tsx", "src/app.tsx", "src/content.ts", "index.html", "README.md"];

/** The file to open first: the app's entry if there is one. */
export function defaultFile(files: FileEntry[]): string | null {
  const paths = new Set(files.map((f) => f.path));
  return PREFERRED.find((p) => paths.has(p)) ?? files[0]?.path ?? null;
}

export function extensionOf(path: string): string {
  const name = path.split("/").pop() ?? "";
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

export const IMAGE_EXTENSIONS = new Set(["png", "jpg", "jpeg", "gif", "webp", "svg", "ico", "avif"]);
export const BINARY_EXTENSIONS = new Set([
  "woff",
  "woff2",
  "ttf",
  "otf",
  "eot",
  "zip",
  "pdf",
  "mp4",
  "webm",
  "mp3",
]);
