// The browser side: one pusher-js connection per tab, configured at run time from the server,
// and a registry that shares each channel between hooks, tracks its sequence numbers and calls
// `onGap` when events may have been missed (a skipped or restarted number, or a resubscription
// after a reconnect), so the caller refetches.
import PusherClient, { type Channel } from "pusher-js";
import type { RealtimeEnvelope } from "./events";
import type { RealtimeClientConfig } from "./types";

export interface ChannelListener {
  onEvent?: (event: string, envelope: RealtimeEnvelope) => void;
  onGap?: () => void;
}

export interface ChannelLease {
  channel: Channel;
  release(): void;
}

export interface RealtimeConnection {
  readonly pusher: PusherClient;
  /** Subscribes (shared, reference-counted) and listens; `release` when done. */
  watch(channelName: string, listener: ChannelListener): ChannelLease;
  disconnect(): void;
}

interface Entry {
  channel: Channel;
  listeners: Set<ChannelListener>;
  lastSeq: number | null;
  subscribedBefore: boolean;
  releaseTimer?: ReturnType<typeof setTimeout>;
}

/** Keep a channel this long after its last listener leaves, so remounts do not resubscribe. */
const RELEASE_DELAY_MS = 2000;

/** The embedded server listens on IPv4 loopback; any loopback name the page used maps there. */
function hostFromPage(): string {
  const host = window.location.hostname;
  const loopback = host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || host === "::1";
  return loopback ? "127.0.0.1" : host;
}

function asEnvelope(data: unknown): RealtimeEnvelope | null {
  if (typeof data !== "object" || data === null) return null;
  const seq = (data as { seq?: unknown }).seq;
  return typeof seq === "number" && Number.isInteger(seq) ? (data as RealtimeEnvelope) : null;
}

export function createRealtimeConnection(config: RealtimeClientConfig): RealtimeConnection {
  const wsHost = config.wsHostFromPage ? hostFromPage() : config.wsHost;
  const pusher = new PusherClient(config.key, {
    cluster: config.cluster,
    forceTLS: config.forceTLS,
    ...(wsHost
      ? {
          wsHost,
          ...(config.wsPort ? { wsPort: config.wsPort, wssPort: config.wsPort } : {}),
          // A self-hosted server speaks WebSocket only; no SockJS fallbacks to try.
          enabledTransports: ["ws", "wss"],
        }
      : {}),
    channelAuthorization: { endpoint: config.authEndpoint, transport: "ajax" },
  });
  const entries = new Map<string, Entry>();

  function gap(entry: Entry) {
    for (const listener of entry.listeners) listener.onGap?.();
  }

  function open(name: string): Entry {
    const channel = pusher.subscribe(name);
    const entry: Entry = { channel, listeners: new Set(), lastSeq: null, subscribedBefore: false };
    channel.bind("pusher:subscription_succeeded", () => {
      // A second success means we were disconnected and resubscribed: anything may have passed.
      if (entry.subscribedBefore) {
        entry.lastSeq = null;
        gap(entry);
      }
      entry.subscribedBefore = true;
    });
    channel.bind_global((event: string, data: unknown) => {
      if (event.startsWith("pusher:") || event.startsWith("pusher_internal:")) return;
      const envelope = asEnvelope(data);
      if (!envelope) return;
      if (entry.lastSeq !== null && envelope.seq !== entry.lastSeq + 1) gap(entry);
      entry.lastSeq = envelope.seq;
      for (const listener of entry.listeners) listener.onEvent?.(event, envelope);
    });
    entries.set(name, entry);
    return entry;
  }

  return {
    pusher,
    watch(name, listener) {
      const entry = entries.get(name) ?? open(name);
      clearTimeout(entry.releaseTimer);
      entry.listeners.add(listener);
      let released = false;
      return {
        channel: entry.channel,
        release() {
          if (released) return;
          released = true;
          entry.listeners.delete(listener);
          if (entry.listeners.size > 0) return;
          entry.releaseTimer = setTimeout(() => {
            if (entry.listeners.size > 0 || entries.get(name) !== entry) return;
            entries.delete(name);
            entry.channel.unbind_all();
            entry.channel.unbind_global();
            pusher.unsubscribe(name);
          }, RELEASE_DELAY_MS);
        },
      };
    },
    disconnect() {
      for (const entry of entries.values()) clearTimeout(entry.releaseTimer);
      entries.clear();
      pusher.disconnect();
    },
  };
}
