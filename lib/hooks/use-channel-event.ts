"use client";

import { useEffect, useRef } from "react";
import type { RealtimeEventName, RealtimeEventPayload } from "@/lib/realtime/events";
import { useRealtime } from "./use-realtime";

export interface ChannelEventOptions {
  /**
   * Events on this channel may have been missed (a sequence gap, or a resubscription after a
   * reconnect): refetch whatever the handler keeps up to date.
   */
  onGap?: () => void;
}

/**
 * Calls `handler` for each `event` on `channel` (null: not subscribed). The channel is shared
 * with other hooks in the tab; the latest handler is always used without resubscribing.
 */
export function useChannelEvent<E extends RealtimeEventName>(
  channel: string | null,
  event: E,
  handler: (payload: RealtimeEventPayload<E>, meta: { seq: number; at: string }) => void,
  options: ChannelEventOptions = {},
): void {
  const connection = useRealtime();
  const latest = useRef({ handler, onGap: options.onGap });
  useEffect(() => {
    latest.current = { handler, onGap: options.onGap };
  });

  useEffect(() => {
    if (!connection || !channel) return;
    const lease = connection.watch(channel, {
      onEvent(name, envelope) {
        if (name !== event) return;
        latest.current.handler(envelope.data as RealtimeEventPayload<E>, {
          seq: envelope.seq,
          at: envelope.at,
        });
      },
      onGap: () => latest.current.onGap?.(),
    });
    return () => lease.release();
  }, [connection, channel, event]);
}
