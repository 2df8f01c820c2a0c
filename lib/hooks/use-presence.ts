"use client";

import type { PresenceChannel } from "pusher-js";
import { useEffect, useState } from "react";
import { useRealtime } from "./use-realtime";

export interface PresenceUser {
  id: string;
  name: string;
  initials: string;
  emailHash?: string;
}

export interface PresenceState {
  /** Everyone on the channel, this user included, in order of arrival. */
  members: PresenceUser[];
  /** This user's id once subscribed. */
  myId: string | null;
  /** Everyone but this user (other tabs of the same person count once, as this user). */
  others: PresenceUser[];
}

const empty: PresenceState = { members: [], myId: null, others: [] };

function toUser(member: { id: string; info: unknown }): PresenceUser {
  const info = (member.info ?? {}) as Partial<PresenceUser>;
  const name = typeof info.name === "string" ? info.name : "Someone";
  return {
    id: member.id,
    name,
    initials: typeof info.initials === "string" ? info.initials : name.slice(0, 1).toUpperCase(),
    emailHash: typeof info.emailHash === "string" ? info.emailHash : undefined,
  };
}

/** Who is on a presence channel (e.g. `presence-project-{id}`: who has the project open). */
export function usePresence(channelName: string | null): PresenceState {
  const connection = useRealtime();
  const [state, setState] = useState<PresenceState>(empty);

  useEffect(() => {
    if (!connection || !channelName) return;
    const lease = connection.watch(channelName, {});
    const channel = lease.channel as PresenceChannel;
    const update = () => {
      if (!channel.subscribed) return setState(empty);
      const members: PresenceUser[] = [];
      channel.members.each((member: { id: string; info: unknown }) => members.push(toUser(member)));
      const myId = channel.members.myID ? String(channel.members.myID) : null;
      setState({ members, myId, others: members.filter((m) => m.id !== myId) });
    };
    const events = ["pusher:subscription_succeeded", "pusher:member_added", "pusher:member_removed"];
    for (const name of events) channel.bind(name, update);
    // A dropped connection empties the member list until the resubscription refills it.
    connection.pusher.connection.bind("state_change", update);
    update();
    return () => {
      for (const name of events) channel.unbind(name, update);
      connection.pusher.connection.unbind("state_change", update);
      lease.release();
      setState(empty);
    };
  }, [connection, channelName]);

  return state;
}
