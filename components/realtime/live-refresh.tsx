"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import { useChannelEvent } from "@/lib/hooks/use-channel-event";

/** Several events in a burst (a batch, a reconnect) cause one refresh. */
const REFRESH_DEBOUNCE_MS = 150;

type WatchedEvent = "project.created" | "project.updated" | "project.deleted" | "version.created";

/**
 * Re-renders the page's server components when another tab, person or job changes what the
 * page shows (or when events may have been missed). Renders nothing.
 */
export function LiveRefresh({ channel, events }: { channel: string; events: readonly WatchedEvent[] }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refresh = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => router.refresh(), REFRESH_DEBOUNCE_MS);
  }, [router]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const on = (event: WatchedEvent) => (events.includes(event) ? channel : null);
  useChannelEvent(on("project.created"), "project.created", refresh, { onGap: refresh });
  useChannelEvent(on("project.updated"), "project.updated", refresh, { onGap: refresh });
  useChannelEvent(on("project.deleted"), "project.deleted", refresh, { onGap: refresh });
  useChannelEvent(on("version.created"), "version.created", refresh, { onGap: refresh });
  return null;
}
