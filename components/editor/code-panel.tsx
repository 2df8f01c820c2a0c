"use client";

import { FolderTreeIcon } from "lucide-react";
import { useMemo, useState } from "react";
import { CodeViewer } from "@/components/editor/code-viewer";
import { FileTree } from "@/components/editor/file-tree";
import { ancestorsOf, buildTree, defaultFile } from "@/components/editor/file-tree-model";
import type { FileEntry } from "@/lib/projects/schemas";

/** The file tree beside a read-only view of the chosen file, at the project's current version. */
export function CodePanel({ projectId, files }: { projectId: string; files: FileEntry[] }) {
  const tree = useMemo(() => buildTree(files), [files]);
  const [selected, setSelected] = useState<string | null>(() => defaultFile(files));
  const [expanded, setExpanded] = useState<Set<string>>(() => {
    const open = new Set(tree.filter((n) => n.children).map((n) => n.path));
    const first = defaultFile(files);
    for (const path of first ? ancestorsOf(first) : []) open.add(path);
    return open;
  });
  const file = files.find((f) => f.path === selected) ?? null;

  const toggle = (path: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  if (files.length === 0) {
    return (
      <div className="flex h-full flex-col items-center justify-center gap-2 text-muted-foreground">
        <FolderTreeIcon className="size-5" aria-hidden />
        This version has no files yet.
      </div>
    );
  }

  return (
    <div className="flex h-full min-h-0 flex-col md:flex-row">
      <div className="max-h-56 shrink-0 overflow-y-auto border-b md:max-h-none md:w-60 md:border-r md:border-b-0">
        <FileTree
          nodes={tree}
          selected={selected}
          expanded={expanded}
          onSelect={setSelected}
          onToggle={toggle}
        />
      </div>
      <div className="min-h-0 min-w-0 flex-1">
        <CodeViewer projectId={projectId} file={file} />
      </div>
    </div>
  );
}
