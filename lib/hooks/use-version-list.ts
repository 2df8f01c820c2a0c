"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ErrorPayload } from "@/lib/errors";
import { projectApi, requestJson } from "@/lib/hooks/fetch-json";
import type { VersionSummary } from "@/lib/versions/schemas";

const PAGE_SIZE = 50;

type VersionPage = { items: VersionSummary[]; nextCursor: string | null };

/** Newest first, one entry per id; `fresh` wins over `known` for the same id. */
function merge(fresh: VersionSummary[], known: VersionSummary[]): VersionSummary[] {
  const byId = new Map<string, VersionSummary>();
  for (const v of known) byId.set(v.id, v);
  for (const v of fresh) byId.set(v.id, v);
  return [...byId.values()].sort((a, b) => b.number - a.number);
}

/** The first place where a version between two loaded ones is missing (numbers have no holes). */
function findGap(items: VersionSummary[]): { afterId: string; size: number } | null {
  for (let i = 0; i + 1 < items.length; i++) {
    const size = items[i].number - items[i + 1].number - 1;
    if (size > 0) return { afterId: items[i].id, size };
  }
  return null;
}

/**
 * A project's timeline: the first page comes from the server (and is replaced whenever the page
 * refreshes), older pages load by cursor. Versions created after older pages were loaded can leave a
 * hole between the two; it is filled automatically, so the list never skips a version.
 */
export function useVersionList(projectId: string, firstPage: VersionSummary[], firstHasMore: boolean) {
  const [items, setItems] = useState(firstPage);
  const [seen, setSeen] = useState(firstPage);
  const [reachedEnd, setReachedEnd] = useState(!firstHasMore);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const inFlight = useRef<Promise<VersionSummary[]> | null>(null);

  // A server refresh brings a new first page: fold it in rather than dropping the older pages.
  if (seen !== firstPage) {
    setSeen(firstPage);
    setItems((prev) => merge(firstPage, prev));
  }

  const fetchPage = useCallback(
    async (cursor: string, limit: number) => {
      const query = new URLSearchParams({ cursor, limit: String(limit) });
      return requestJson<VersionPage>(projectApi(projectId, `/versions?${query}`), {
        what: "Loading versions",
      });
    },
    [projectId],
  );

  const oldest = items.at(-1);
  const hasMore = !reachedEnd && oldest !== undefined && oldest.number > 1;

  /** Loads the next older page; resolves with the whole list afterwards. */
  const loadMore = useCallback((): Promise<VersionSummary[]> => {
    if (inFlight.current) return inFlight.current;
    const last = itemsRef.current.at(-1);
    if (!last) return Promise.resolve(itemsRef.current);
    setLoading(true);
    setError(null);
    const run = fetchPage(last.id, PAGE_SIZE)
      .then((result) => {
        if (!result.ok) {
          setError(result.error);
          return itemsRef.current;
        }
        const next = merge(result.data.items, itemsRef.current);
        itemsRef.current = next;
        setItems(next);
        if (result.data.nextCursor === null) setReachedEnd(true);
        return next;
      })
      .finally(() => {
        inFlight.current = null;
        setLoading(false);
      });
    inFlight.current = run;
    return run;
  }, [fetchPage]);

  // Fill a hole left by versions created after older pages were loaded (rare: > one page of history).
  const gap = findGap(items);
  const gapKey = gap ? `${gap.afterId}:${gap.size}` : null;
  const triedGaps = useRef(new Set<string>());
  useEffect(() => {
    if (!gapKey || triedGaps.current.has(gapKey)) return;
    triedGaps.current.add(gapKey);
    const [afterId, size] = gapKey.split(":");
    void fetchPage(afterId, Math.min(Number(size), 100)).then((result) => {
      if (result.ok) setItems((prev) => merge(result.data.items, prev));
    });
  }, [gapKey, fetchPage]);

  /** Replaces one version after a change made here (a checkpoint name). */
  const update = useCallback((version: VersionSummary) => {
    setItems((prev) => prev.map((v) => (v.id === version.id ? { ...v, ...version } : v)));
  }, []);

  return { items, hasMore, loading, error, loadMore, update };
}
