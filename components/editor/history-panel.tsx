"use client";

import {
  BookmarkIcon,
  HistoryIcon,
  LayoutTemplateIcon,
  RotateCcwIcon,
  SparklesIcon,
  UserIcon,
} from "lucide-react";
import { RelativeTime } from "@/components/common/relative-time";
import type { VersionRow } from "@/components/editor/types";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";

const AUTHORS: Record<VersionRow["author"], { label: string; icon: typeof UserIcon }> = {
  template: { label: "Template", icon: LayoutTemplateIcon },
  user: { label: "You", icon: UserIcon },
  ai: { label: "Assistant", icon: SparklesIcon },
  restore: { label: "Restore", icon: RotateCcwIcon },
};

interface HistoryPanelProps {
  versions: VersionRow[];
  currentVersionId: string | null;
  moreVersions: boolean;
}

/** Every version of the project, newest first. */
export function HistoryPanel({ versions, currentVersionId, moreVersions }: HistoryPanelProps) {
  if (versions.length === 0) {
    return (
      <div className="flex h-full flex-col items-center justify-center gap-2 text-muted-foreground">
        <HistoryIcon className="size-5" aria-hidden />
        No versions yet. Each change you make will appear here.
      </div>
    );
  }
  return (
    <div className="h-full overflow-y-auto">
      <ol className="mx-auto grid max-w-2xl gap-0 p-4" aria-label="Versions">
        {versions.map((version, index) => {
          const author = AUTHORS[version.author];
          const current = version.id === currentVersionId;
          const last = index === versions.length - 1;
          return (
            <li
              key={version.id}
              data-testid="version-item"
              data-version={version.number}
              aria-current={current ? "true" : undefined}
              className="relative flex gap-3 pb-5"
            >
              {!last && <span aria-hidden className="absolute top-8 bottom-0 left-[15px] w-px bg-border" />}
              <span
                className={cn(
                  "relative grid size-8 shrink-0 place-items-center rounded-full border bg-background text-muted-foreground",
                  current && "border-primary/50 bg-accent text-accent-foreground",
                )}
              >
                <author.icon className="size-3.5" aria-hidden />
              </span>
              <div className="grid min-w-0 flex-1 gap-1 pt-1">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-mono text-xs font-semibold">v{version.number}</span>
                  {current && <Badge variant="accent">Current</Badge>}
                  {version.checkpointName && (
                    <Badge variant="outline">
                      <BookmarkIcon aria-hidden />
                      {version.checkpointName}
                    </Badge>
                  )}
                  <span className="ml-auto text-xs text-muted-foreground">
                    <RelativeTime iso={version.createdAt} />
                  </span>
                </div>
                <p className="break-words">{version.message || "No description"}</p>
                <p className="text-xs text-muted-foreground">
                  {version.authorName && version.author === "user" ? version.authorName : author.label}
                  {version.authorName && version.author !== "user" ? ` · ${version.authorName}` : ""}
                </p>
              </div>
            </li>
          );
        })}
      </ol>
      {moreVersions && (
        <p className="pb-6 text-center text-xs text-muted-foreground">
          Showing the latest {versions.length} versions.
        </p>
      )}
    </div>
  );
}
