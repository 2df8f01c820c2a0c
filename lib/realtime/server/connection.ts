// One WebSocket client of the embedded server, speaking Pusher Channels protocol 7:
// connection_established, ping/pong, subscribe/unsubscribe with private and presence
// signatures. Client events are refused: the studio only publishes from the server.
import { randomInt } from "node:crypto";
import type { RawData, WebSocket } from "ws";
import { z } from "zod";
import { CHANNEL_NAME_PATTERN } from "../channels";
import type { PresenceMember } from "../types";
import { type ChannelHub, encodeMessage, type HubClient } from "./hub";
import { type AppCredentials, verifyChannelAuth } from "./signing";

export interface ConnectionLimits {
  /** Seconds of silence after which the server pings (advertised to clients as activity_timeout). */
  activityTimeoutSeconds: number;
  /** Seconds to wait for a pong before closing. */
  pongTimeoutSeconds: number;
  maxChannelsPerSocket: number;
  /** Largest presence channel_data in bytes (Pusher: 1 KB of user data). */
  maxChannelDataBytes: number;
  /** A client whose unsent backlog grows past this is closed so it cannot exhaust memory. */
  maxBufferedBytes: number;
}

const frameSchema = z.object({
  event: z.string().min(1).max(200),
  channel: z.string().max(200).optional(),
  data: z.unknown().optional(),
});

const subscribeSchema = z.object({
  channel: z.string(),
  auth: z.string().max(500).optional(),
  channel_data: z.string().optional(),
});

const presenceDataSchema = z.object({
  user_id: z.union([z.string().min(1).max(128), z.number()]).transform(String),
  user_info: z.record(z.string(), z.unknown()).optional(),
});

/** Pusher sends `data` to clients as a JSON string, but clients may send an object or a string. */
function parseData(data: unknown): unknown {
  if (typeof data !== "string") return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

export class PusherConnection implements HubClient {
  readonly socketId = `${randomInt(1, 2 ** 47)}.${randomInt(1, 2 ** 47)}`;
  readonly channels = new Map<string, PresenceMember | null>();
  private lastSeen = Date.now();
  private pingSentAt: number | null = null;

  constructor(
    private readonly ws: WebSocket,
    private readonly app: AppCredentials,
    private readonly hub: ChannelHub,
    private readonly limits: ConnectionLimits,
  ) {
    ws.on("message", (raw, isBinary) => this.receive(raw, isBinary));
    ws.on("close", () => this.hub.leaveAll(this));
    ws.on("error", () => this.ws.terminate());
    this.send(
      encodeMessage("pusher:connection_established", {
        socket_id: this.socketId,
        activity_timeout: limits.activityTimeoutSeconds,
      }),
    );
  }

  send(message: string): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      this.close(4100, "Over capacity: messages are not being read");
      return;
    }
    this.ws.send(message);
  }

  close(code: number, reason: string): void {
    this.hub.leaveAll(this);
    if (this.ws.readyState === this.ws.OPEN) this.ws.close(code, reason);
    else this.ws.terminate();
  }

  /** Called periodically: ping a silent client, close one that did not answer the ping. */
  checkActivity(now: number): void {
    if (this.pingSentAt !== null) {
      if (now - this.pingSentAt > this.limits.pongTimeoutSeconds * 1000) {
        this.close(4201, "Pong reply not received");
      }
      return;
    }
    if (now - this.lastSeen > this.limits.activityTimeoutSeconds * 1000) {
      this.pingSentAt = now;
      this.send(encodeMessage("pusher:ping", {}));
    }
  }

  private error(code: number | null, message: string): void {
    this.send(encodeMessage("pusher:error", { code, message }));
  }

  private receive(raw: RawData, isBinary: boolean): void {
    this.lastSeen = Date.now();
    this.pingSentAt = null;
    if (isBinary) {
      this.error(null, "Binary frames are not supported");
      return;
    }
    let frame: z.infer<typeof frameSchema>;
    try {
      const parsed = frameSchema.safeParse(JSON.parse(raw.toString()));
      if (!parsed.success) {
        this.error(null, "Expected {event, data} JSON");
        return;
      }
      frame = parsed.data;
    } catch {
      this.error(null, "Invalid JSON");
      return;
    }
    switch (frame.event) {
      case "pusher:ping":
        this.send(encodeMessage("pusher:pong", {}));
        return;
      case "pusher:pong":
        return;
      case "pusher:subscribe":
        this.subscribe(parseData(frame.data));
        return;
      case "pusher:unsubscribe": {
        const channel = (parseData(frame.data) as { channel?: unknown } | null)?.channel;
        if (typeof channel === "string") this.hub.leave(this, channel);
        return;
      }
      default:
        if (frame.event.startsWith("client-")) {
          this.error(4301, "Client events are not enabled for this app");
          return;
        }
        this.error(null, `Unsupported event: ${frame.event}`);
        return;
    }
  }

  private subscriptionError(channel: string, status: number, error: string): void {
    this.send(encodeMessage("pusher:subscription_error", { type: "AuthError", error, status }, channel));
  }

  private subscribe(data: unknown): void {
    const parsed = subscribeSchema.safeParse(data);
    if (!parsed.success) {
      this.error(null, "pusher:subscribe needs a channel");
      return;
    }
    const { channel, auth, channel_data: channelData } = parsed.data;
    if (!CHANNEL_NAME_PATTERN.test(channel)) {
      this.subscriptionError(channel.slice(0, 164), 400, "Invalid channel name");
      return;
    }
    if (channel.startsWith("private-encrypted-")) {
      this.subscriptionError(channel, 400, "Encrypted channels are not supported");
      return;
    }
    if (!this.channels.has(channel) && this.channels.size >= this.limits.maxChannelsPerSocket) {
      const limit = this.limits.maxChannelsPerSocket;
      this.subscriptionError(channel, 400, `A connection may subscribe to at most ${limit} channels`);
      return;
    }
    const presence = channel.startsWith("presence-");
    let member: PresenceMember | null = null;
    if (presence || channel.startsWith("private-")) {
      if (
        presence &&
        (channelData === undefined || Buffer.byteLength(channelData) > this.limits.maxChannelDataBytes)
      ) {
        this.subscriptionError(channel, 400, "Presence subscriptions need channel_data of at most 1 KB");
        return;
      }
      const signed = verifyChannelAuth(this.app, {
        socketId: this.socketId,
        channel,
        auth,
        channelData: presence ? channelData : undefined,
      });
      if (!signed) {
        this.subscriptionError(channel, 401, "Invalid signature");
        return;
      }
      if (presence) {
        const identity = presenceDataSchema.safeParse(parseData(channelData));
        if (!identity.success) {
          this.subscriptionError(channel, 400, "channel_data must have a user_id");
          return;
        }
        member = identity.data;
      }
    }
    if (this.channels.has(channel)) this.hub.leave(this, channel);
    const joined = this.hub.join(this, channel, member);
    if (!joined.ok) {
      this.subscriptionError(channel, 403, joined.reason);
      return;
    }
    const members = presence
      ? Object.fromEntries([...this.hub.members(channel)].map(([id, info]) => [id, info ?? null]))
      : null;
    const payload = members
      ? { presence: { ids: Object.keys(members), hash: members, count: Object.keys(members).length } }
      : {};
    this.send(encodeMessage("pusher_internal:subscription_succeeded", payload, channel));
  }
}
