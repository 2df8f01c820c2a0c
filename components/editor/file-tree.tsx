"use client";

import { ChevronRightIcon, FolderIcon, FolderOpenIcon } from "lucide-react";
import { FileIcon } from "@/components/editor/file-icon";
import type { TreeNode } from "@/components/editor/file-tree-model";
import { cn } from "@/lib/utils";

interface FileTreeProps {
  nodes: TreeNode[];
  selected: string | null;
  expanded: Set<string>;
  onSelect: (path: string) => void;
  onToggle: (path: string) => void;
  /** Files with unsaved edits, marked with a dot. */
  dirty?: ReadonlySet<string>;
}

export function FileTree(props: FileTreeProps) {
  return (
    <nav data-testid="file-tree" aria-label="Project files" className="py-1.5">
      <TreeLevel {...props} depth={0} />
    </nav>
  );
}

function TreeLevel({ nodes, depth, ...props }: FileTreeProps & { depth: number }) {
  const { selected, expanded, onSelect, onToggle, dirty } = props;
  const indent = { paddingLeft: `${0.5 + depth * 0.75}rem` };
  const row =
    "flex h-7 w-full items-center gap-1.5 rounded-md pr-2 text-left text-[13px] outline-none hover:bg-accent/60 focus-visible:ring-[3px] focus-visible:ring-ring/50";
  return (
    <ul className="grid gap-px px-1.5">
      {nodes.map((node) => {
        if (node.children) {
          const open = expanded.has(node.path);
          return (
            <li key={node.path}>
              <button
                type="button"
                aria-expanded={open}
                data-testid="file-tree-folder"
                data-path={node.path}
                onClick={() => onToggle(node.path)}
                className={cn(row, "text-muted-foreground hover:text-foreground")}
                style={indent}
              >
                <ChevronRightIcon
                  className={cn("size-3.5 shrink-0 transition-transform", open && "rotate-90")}
                  aria-hidden
                />
                {open ? (
                  <FolderOpenIcon className="size-4 shrink-0" aria-hidden />
                ) : (
                  <FolderIcon className="size-4 shrink-0" aria-hidden />
                )}
                <span className="truncate">{node.name}</span>
              </button>
              {open && <TreeLevel {...props} nodes={node.children} depth={depth + 1} />}
            </li>
          );
        }
        const isSelected = node.path === selected;
        return (
          <li key={node.path}>
            <button
              type="button"
              aria-current={isSelected ? "true" : undefined}
              data-testid="file-tree-item"
              data-path={node.path}
              onClick={() => onSelect(node.path)}
              className={cn(
                row,
                isSelected && "bg-accent font-medium text-accent-foreground hover:bg-accent",
              )}
              style={{ paddingLeft: `${0.5 + depth * 0.75 + 1.125}rem` }}
              title={node.path}
            >
              <FileIcon path={node.path} />
              <span className="truncate">{node.name}</span>
              {dirty?.has(node.path) && (
                <span data-testid="file-dirty" className="ml-auto flex shrink-0 items-center pl-1">
                  <span aria-hidden className="size-2 rounded-full bg-amber-500" />
                  <span className="sr-only">(unsaved changes)</span>
                </span>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
