// Who is subscribed to what, and presence membership, for the embedded Pusher-protocol server.
import type { PresenceMember } from "../types";

export interface HubClient {
  readonly socketId: string;
  /** Channel → this socket's presence identity there (null on non-presence channels). */
  readonly channels: Map<string, PresenceMember | null>;
  send(message: string): void;
}

/** Pusher's default limit on members of one presence channel. */
export const MAX_PRESENCE_MEMBERS = 100;

export const encodeMessage = (event: string, data: unknown, channel?: string) =>
  JSON.stringify({
    event,
    ...(channel ? { channel } : {}),
    data: typeof data === "string" ? data : JSON.stringify(data),
  });

export class ChannelHub {
  private readonly channels = new Map<string, Set<HubClient>>();

  /** Presence members of a channel, one entry per user however many sockets they have open. */
  members(channel: string): Map<string, Record<string, unknown> | undefined> {
    const members = new Map<string, Record<string, unknown> | undefined>();
    for (const client of this.channels.get(channel) ?? []) {
      const member = client.channels.get(channel);
      if (member && !members.has(member.user_id)) members.set(member.user_id, member.user_info);
    }
    return members;
  }

  /** Adds the client; on a presence channel announces a newly arrived user to the others. */
  join(
    client: HubClient,
    channel: string,
    member: PresenceMember | null,
  ): { ok: true } | { ok: false; reason: string } {
    let subscribers = this.channels.get(channel);
    if (member) {
      const present = this.members(channel);
      const newcomer = !present.has(member.user_id);
      if (newcomer && present.size >= MAX_PRESENCE_MEMBERS) {
        return { ok: false, reason: `Presence channels have at most ${MAX_PRESENCE_MEMBERS} members` };
      }
      if (newcomer && subscribers) {
        const message = encodeMessage("pusher_internal:member_added", member, channel);
        for (const other of subscribers) if (other !== client) other.send(message);
      }
    }
    if (!subscribers) {
      subscribers = new Set();
      this.channels.set(channel, subscribers);
    }
    subscribers.add(client);
    client.channels.set(channel, member);
    return { ok: true };
  }

  /** Removes the client; on a presence channel announces a user whose last socket left. */
  leave(client: HubClient, channel: string): void {
    const subscribers = this.channels.get(channel);
    const member = client.channels.get(channel);
    client.channels.delete(channel);
    if (!subscribers?.delete(client)) return;
    if (subscribers.size === 0) {
      this.channels.delete(channel);
      return;
    }
    if (member && !this.members(channel).has(member.user_id)) {
      const message = encodeMessage("pusher_internal:member_removed", { user_id: member.user_id }, channel);
      for (const other of subscribers) other.send(message);
    }
  }

  leaveAll(client: HubClient): void {
    for (const channel of [...client.channels.keys()]) this.leave(client, channel);
  }

  /** Sends an event to every subscriber of the channel except the given socket. */
  broadcast(channel: string, event: string, data: string, exceptSocketId?: string): void {
    const subscribers = this.channels.get(channel);
    if (!subscribers) return;
    const message = encodeMessage(event, data, channel);
    for (const client of subscribers) if (client.socketId !== exceptSocketId) client.send(message);
  }

  subscriptionCount(channel: string): number {
    return this.channels.get(channel)?.size ?? 0;
  }

  channelNames(prefix = ""): string[] {
    return [...this.channels.keys()].filter((name) => name.startsWith(prefix));
  }
}
