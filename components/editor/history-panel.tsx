"use client";

import { GitCompareIcon, HistoryIcon, Loader2Icon, RotateCwIcon } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { useVersionGroup } from "@/components/command-palette/use-version-group";
import { ErrorText } from "@/components/common/error-text";
import { HistoryItem } from "@/components/editor/history-item";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { CheckpointDialog } from "@/components/versions/checkpoint-dialog";
import { DiffView } from "@/components/versions/diff-view";
import { useVersions } from "@/components/versions/versions-provider";
import { useVersionList } from "@/lib/hooks/use-version-list";
import type { VersionSummary } from "@/lib/versions/schemas";

interface HistoryPanelProps {
  versions: VersionSummary[];
  currentVersionId: string | null;
  moreVersions: boolean;
}

/** Every version of the project, newest first, with per-version actions; or the diff of two of them. */
export function HistoryPanel({ versions, currentVersionId, moreVersions }: HistoryPanelProps) {
  const ctx = useVersions();
  const list = useVersionList(ctx.projectId, versions, moreVersions);
  const [naming, setNaming] = useState<VersionSummary | null>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasMore, loading, error, loadMore } = list;

  // Cmd/Ctrl+K lists these versions; choosing one brings it forward here.
  const loadOlder = useCallback(() => void loadMore(), [loadMore]);
  useVersionGroup({
    versions: list.items,
    currentVersionId,
    hasMore,
    loading,
    error,
    loadMore: loadOlder,
    onChoose: ctx.focusVersion,
  });

  // Infinite scroll: load the next page when the end of the list comes into view (once per failure).
  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasMore || loading || error) return;
    const observer = new IntersectionObserver(([entry]) => entry.isIntersecting && void loadMore(), {
      rootMargin: "200px",
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasMore, loading, error, loadMore]);

  async function comparePrevious(version: VersionSummary, path?: string) {
    const previousIn = (items: VersionSummary[]) => items.find((v) => v.number < version.number);
    let previous = previousIn(list.items);
    if (!previous && list.hasMore) previous = previousIn(await list.loadMore());
    if (!previous) {
      toast.error(`Could not find the version before v${version.number}.`);
      return;
    }
    ctx.openCompare({ fromId: previous.id, toId: version.id, path });
  }

  if (ctx.compare) {
    return (
      <DiffView
        projectId={ctx.projectId}
        versions={list.items}
        currentVersionId={currentVersionId}
        request={ctx.compare}
        onChange={ctx.openCompare}
        onClose={ctx.closeCompare}
      />
    );
  }

  if (list.items.length === 0) {
    return (
      <div className="flex h-full flex-col items-center justify-center gap-2 p-6 text-center text-muted-foreground">
        <HistoryIcon className="size-5" aria-hidden />
        No versions yet. Each change — from the assistant, the editor or a restore — will appear here.
      </div>
    );
  }

  const latest = list.items[0];
  const current = list.items.find((v) => v.id === currentVersionId) ?? null;
  const compareDefault = current && current.number > 1 ? current : latest;

  return (
    <div className="h-full overflow-y-auto">
      <div className="mx-auto max-w-2xl px-4 pt-3 pb-4">
        <div className="mb-3 flex items-center gap-2">
          <h2 className="text-sm font-medium">Versions</h2>
          {ctx.refreshing && (
            <Loader2Icon className="size-3.5 animate-spin text-muted-foreground" aria-label="Updating" />
          )}
          <Button
            variant="outline"
            size="sm"
            className="ml-auto"
            data-testid="history-compare"
            disabled={list.items.length < 2}
            onClick={() => void comparePrevious(compareDefault)}
          >
            <GitCompareIcon aria-hidden />
            Compare versions
          </Button>
        </div>
        <ol className="grid" aria-label="Versions, newest first">
          {list.items.map((version, index) => (
            <HistoryItem
              key={version.id}
              projectId={ctx.projectId}
              version={version}
              isCurrent={version.id === currentVersionId}
              isViewing={ctx.viewing?.id === version.id}
              focusKey={ctx.focused?.versionId === version.id ? ctx.focused.seq : null}
              isLast={index === list.items.length - 1 && !list.hasMore}
              onView={() => ctx.view(version)}
              onComparePrevious={(path) => void comparePrevious(version, path)}
              onCompareCurrent={() =>
                currentVersionId && ctx.openCompare({ fromId: version.id, toId: currentVersionId })
              }
              onCheckpoint={() => setNaming(version)}
              onRestore={() => ctx.requestRestore(version)}
            />
          ))}
        </ol>
        {list.loading && <TimelineSkeleton />}
        {list.error && (
          <div className="grid justify-items-center gap-2 py-3 text-center">
            <ErrorText
              error={{ ...list.error, message: `Could not load older versions: ${list.error.message}` }}
            />
            <Button variant="outline" size="sm" onClick={() => void list.loadMore()}>
              <RotateCwIcon aria-hidden />
              Try again
            </Button>
          </div>
        )}
        {list.hasMore && !list.loading && !list.error && (
          <div ref={sentinel} className="flex justify-center pt-1">
            <Button
              variant="ghost"
              size="sm"
              data-testid="history-load-more"
              onClick={() => void list.loadMore()}
            >
              Load older versions
            </Button>
          </div>
        )}
        {!list.hasMore && list.items.length > 3 && (
          <p className="pt-1 text-center text-xs text-muted-foreground">That is the first version.</p>
        )}
      </div>
      {naming && (
        <CheckpointDialog
          projectId={ctx.projectId}
          version={naming}
          onOpenChange={(open) => !open && setNaming(null)}
          onSaved={(version) => {
            list.update(version);
            toast.success(
              version.checkpointName
                ? `v${version.number} is now the checkpoint “${version.checkpointName}”`
                : `Removed the checkpoint name from v${version.number}`,
            );
            ctx.refresh();
          }}
        />
      )}
    </div>
  );
}

function TimelineSkeleton() {
  return (
    <div className="grid gap-5 py-1" role="status" aria-label="Loading older versions…">
      {[0, 1, 2].map((i) => (
        <div key={i} className="flex gap-3">
          <Skeleton className="size-8 shrink-0 rounded-full" />
          <div className="grid flex-1 gap-2 pt-1">
            <Skeleton className="h-3.5 w-24" />
            <Skeleton className="h-3.5 w-3/4" />
          </div>
        </div>
      ))}
    </div>
  );
}
