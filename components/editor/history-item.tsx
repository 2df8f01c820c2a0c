"use client";

import {
  BookmarkIcon,
  ChevronRightIcon,
  EyeIcon,
  LayoutTemplateIcon,
  OctagonAlertIcon,
  RotateCcwIcon,
  SparklesIcon,
  UserIcon,
} from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { RelativeTime } from "@/components/common/relative-time";
import { Badge } from "@/components/ui/badge";
import { VersionMenu } from "@/components/versions/version-menu";
import { VersionProblems } from "@/components/versions/version-problems";
import { cn } from "@/lib/utils";
import type { VersionSummary } from "@/lib/versions/schemas";

export const AUTHORS: Record<VersionSummary["author"], { label: string; icon: typeof UserIcon }> = {
  template: { label: "Template", icon: LayoutTemplateIcon },
  user: { label: "Manual edit", icon: UserIcon },
  ai: { label: "Assistant", icon: SparklesIcon },
  restore: { label: "Restore", icon: RotateCcwIcon },
};

const MARKERS = {
  added: { sign: "+", label: "added", className: "text-emerald-600 dark:text-emerald-400" },
  modified: { sign: "~", label: "modified", className: "text-amber-600 dark:text-amber-400" },
  deleted: { sign: "−", label: "deleted", className: "text-red-600 dark:text-red-400" },
} as const;

export interface HistoryItemActions {
  onView: () => void;
  onComparePrevious: (path?: string) => void;
  onCompareCurrent: () => void;
  onCheckpoint: () => void;
  onRestore: () => void;
}

interface HistoryItemProps extends HistoryItemActions {
  projectId: string;
  version: VersionSummary;
  isCurrent: boolean;
  isViewing: boolean;
  isLast: boolean;
  /**
   * Set while this version is the one brought forward (from the command palette): it is marked, and
   * each new value scrolls to it and gives it keyboard focus, so its actions are one Tab away.
   */
  focusKey: number | null;
}

/** One version in the timeline: who, when, what changed, and its actions. */
export function HistoryItem({
  projectId,
  version,
  isCurrent,
  isViewing,
  isLast,
  focusKey,
  ...actions
}: HistoryItemProps) {
  const [open, setOpen] = useState(false);
  const itemRef = useRef<HTMLLIElement>(null);
  const highlighted = focusKey !== null;

  // Runs once the History tab is on show (the same commit switches to it), so the item can take focus.
  useEffect(() => {
    const node = itemRef.current;
    if (focusKey === null || !node) return;
    node.scrollIntoView({ block: "center" });
    node.focus({ preventScroll: true });
  }, [focusKey]);

  const author = AUTHORS[version.author];
  const { added, modified, deleted } = version.changes;
  const files = [
    ...added.map((path) => ({ path, kind: "added" as const })),
    ...modified.map((path) => ({ path, kind: "modified" as const })),
    ...deleted.map((path) => ({ path, kind: "deleted" as const })),
  ].sort((a, b) => (a.path < b.path ? -1 : 1));
  const who =
    version.author === "user"
      ? (version.authorName ?? "Someone")
      : version.authorName
        ? `${author.label} · ${version.authorName}`
        : author.label;
  const listId = `version-files-${version.id}`;

  return (
    <li
      ref={itemRef}
      data-testid="version-item"
      data-version={version.number}
      data-version-number={version.number}
      data-current={isCurrent ? "true" : undefined}
      aria-current={isCurrent ? "true" : undefined}
      data-highlighted={highlighted ? "true" : undefined}
      // Focusable only while brought forward: focus lands on the version, and Tab goes on to its actions.
      tabIndex={highlighted ? -1 : undefined}
      className={cn(
        "relative flex gap-3 pb-5 outline-none",
        // A ring in the theme's ring colour (set for light and dark), drawn around the entry without
        // moving it: the timeline's connecting line is placed by the entry's own box.
        highlighted &&
          "after:pointer-events-none after:absolute after:-inset-x-2 after:-top-1.5 after:bottom-3 after:rounded-lg after:ring-2 after:ring-ring",
      )}
    >
      {!isLast && <span aria-hidden className="absolute top-8 bottom-0 left-[15px] w-px bg-border" />}
      <span
        className={cn(
          "relative grid size-8 shrink-0 place-items-center rounded-full border bg-background text-muted-foreground",
          isCurrent && "border-primary/60 bg-primary text-primary-foreground",
          version.status === "broken" && !isCurrent && "border-destructive/50 text-destructive",
        )}
        title={author.label}
      >
        <author.icon className="size-3.5" aria-hidden />
        <span className="sr-only">{author.label}</span>
      </span>
      <div className="grid min-w-0 flex-1 gap-1">
        <div className="flex min-h-7 flex-wrap items-center gap-x-2 gap-y-1">
          <span className="font-mono text-xs font-semibold">v{version.number}</span>
          {isCurrent && <Badge variant="accent">Current</Badge>}
          {isViewing && (
            <Badge variant="outline">
              <EyeIcon aria-hidden />
              Viewing
            </Badge>
          )}
          {version.checkpointName && (
            <Badge
              variant="outline"
              data-testid="checkpoint-badge"
              className="max-w-48 border-primary/40 text-primary"
              title={`Checkpoint: ${version.checkpointName}`}
            >
              <BookmarkIcon aria-hidden />
              <span className="truncate">{version.checkpointName}</span>
            </Badge>
          )}
          {version.status === "broken" && (
            <Badge
              variant="outline"
              data-testid="broken-badge"
              className="border-destructive/50 text-destructive"
            >
              <OctagonAlertIcon aria-hidden />
              Broken
            </Badge>
          )}
          <span className="ml-auto flex items-center gap-1 text-xs text-muted-foreground">
            <RelativeTime iso={version.createdAt} />
            <VersionMenu
              number={version.number}
              isCurrent={isCurrent}
              hasCheckpoint={version.checkpointName !== null}
              onView={actions.onView}
              onComparePrevious={() => actions.onComparePrevious()}
              onCompareCurrent={actions.onCompareCurrent}
              onCheckpoint={actions.onCheckpoint}
              onRestore={actions.onRestore}
            />
          </span>
        </div>
        <p className="break-words">{version.message || "No description"}</p>
        <div className="flex flex-wrap items-center gap-x-2 text-xs text-muted-foreground">
          <span>{who}</span>
          {files.length > 0 && (
            <>
              <span aria-hidden>·</span>
              <button
                type="button"
                aria-expanded={open}
                aria-controls={listId}
                data-testid="version-files-toggle"
                onClick={() => setOpen((o) => !o)}
                className="-mx-1 inline-flex items-center gap-0.5 rounded px-1 outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
              >
                <ChevronRightIcon
                  className={cn("size-3 transition-transform", open && "rotate-90")}
                  aria-hidden
                />
                {files.length === 1 ? "1 file changed" : `${files.length} files changed`}
              </button>
            </>
          )}
        </div>
        {open && (
          <ul
            id={listId}
            className="mt-1 grid gap-px rounded-md border bg-muted/30 p-1"
            aria-label="Files changed"
          >
            {files.map(({ path, kind }) => {
              const marker = MARKERS[kind];
              return (
                <li key={path}>
                  <button
                    type="button"
                    disabled={version.number <= 1}
                    onClick={() => actions.onComparePrevious(path)}
                    title={version.number > 1 ? `Show the change to ${path}` : path}
                    className="flex w-full items-center gap-2 rounded px-1.5 py-0.5 text-left font-mono text-xs outline-none enabled:hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50"
                  >
                    <span
                      className={cn("w-3 shrink-0 text-center font-semibold", marker.className)}
                      aria-hidden
                    >
                      {marker.sign}
                    </span>
                    <span className="sr-only">{marker.label}:</span>
                    <span className="truncate">{path}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {version.status === "broken" && (
          <div className="mt-1 rounded-md border border-destructive/30 bg-destructive/5 px-2.5 py-2">
            <VersionProblems projectId={projectId} versionId={version.id} />
          </div>
        )}
      </div>
    </li>
  );
}
