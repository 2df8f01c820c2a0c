// Realtime: one interface for publishing to channels and signing subscriptions. Drivers:
// `pusher` (Pusher Channels or any Pusher-protocol server) and `embedded` (our own
// Pusher-protocol server in the studio process). The browser uses pusher-js against either.

/** Pusher's limit on one event's data, which we apply to every driver. */
export const MAX_EVENT_BYTES = 10 * 1024;
/** Pusher accepts at most this many events in one batch request. */
export const MAX_BATCH_EVENTS = 10;

export interface PresenceMember {
  user_id: string;
  user_info?: Record<string, unknown>;
}

/** What POST /api/realtime/auth returns to pusher-js. */
export interface ChannelAuth {
  auth: string;
  channel_data?: string;
}

export interface OutgoingEvent {
  channel: string;
  event: string;
  /** Serialized JSON, at most MAX_EVENT_BYTES bytes. */
  data: string;
}

export interface RealtimeServer {
  readonly driver: "pusher" | "embedded";
  publish(channel: string, event: string, data: string): Promise<void>;
  /** Several events in as few requests as the driver allows. */
  publishBatch(events: OutgoingEvent[]): Promise<void>;
  /** Signs a subscription to a private or presence channel for one socket. */
  authorizeChannel(socketId: string, channel: string, presence?: PresenceMember): ChannelAuth;
  /** Checks the server answers; throws when it does not. */
  ping(): Promise<void>;
}

/** How the browser reaches the realtime server; passed from the studio layout at run time. */
export interface RealtimeClientConfig {
  key: string;
  cluster: string;
  /** Null: Pusher's host for the cluster. */
  wsHost: string | null;
  /** Connect to the host the page was loaded from (the embedded server, on this machine). */
  wsHostFromPage: boolean;
  wsPort: number | null;
  forceTLS: boolean;
  authEndpoint: string;
}
