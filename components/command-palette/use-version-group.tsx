"use client";

import { useMemo } from "react";
import { usePaletteGroup } from "@/components/command-palette/palette-registry";
import type { PaletteGroup, PaletteItem } from "@/components/command-palette/types";
import { RelativeTime } from "@/components/common/relative-time";
import { AUTHORS } from "@/components/editor/history-item";
import type { ErrorPayload } from "@/lib/errors";
import type { VersionSummary } from "@/lib/versions/schemas";

interface VersionGroupOptions {
  /** The History list's versions, newest first: the palette lists what the timeline has loaded. */
  versions: VersionSummary[];
  currentVersionId: string | null;
  /** Older versions exist that the timeline has not loaded yet. */
  hasMore: boolean;
  loading: boolean;
  error: ErrorPayload | null;
  loadMore: () => void;
  /** Brings the version forward in the History tab. */
  onChoose: (versionId: string) => void;
}

/** "v3 · Change the headline", as the History list shows it. */
function versionItem(
  version: VersionSummary,
  isCurrent: boolean,
  onChoose: (versionId: string) => void,
): PaletteItem {
  return {
    id: `version-${version.number}`,
    label: `v${version.number} · ${version.message || "No description"}`,
    icon: AUTHORS[version.author].icon,
    // Found by its number with or without the "v", and by its checkpoint name.
    keywords: [
      `v${version.number}`,
      String(version.number),
      ...(version.checkpointName ? [version.checkpointName] : []),
      ...(isCurrent ? ["current"] : []),
    ],
    detail: (
      <>
        <RelativeTime iso={version.createdAt} />
        {isCurrent && " · current"}
      </>
    ),
    run: () => onChoose(version.id),
  };
}

/**
 * Offers the project's versions in the palette while the History panel is mounted (it always is in
 * the editor), from the list the panel already holds: the server's first page, kept current by the
 * page's refreshes, plus older pages. So no second request, and the palette and the timeline agree.
 * Older versions load from the palette too ("Load older versions" while searching), with the
 * timeline's own loading and error states.
 */
export function useVersionGroup({
  versions,
  currentVersionId,
  hasMore,
  loading,
  error,
  loadMore,
  onChoose,
}: VersionGroupOptions): void {
  const group = useMemo<PaletteGroup>(
    () => ({
      id: "versions",
      heading: "Versions",
      items: versions.map((version) => versionItem(version, version.id === currentVersionId, onChoose)),
      loading: loading ? "Loading older versions" : null,
      error: error
        ? {
            what: "Could not load older versions",
            payload: error,
            retryLabel: "Try loading older versions again",
            retry: loadMore,
          }
        : null,
      more: hasMore ? { label: "Load older versions", run: loadMore } : null,
    }),
    [versions, currentVersionId, hasMore, loading, error, loadMore, onChoose],
  );
  usePaletteGroup(group);
}
