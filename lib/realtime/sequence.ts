// Per-channel sequence numbers: every published event carries the next one, so a client that
// sees a gap (or a number going backwards) knows it missed something and refetches.
// Deliberately no "server-only": scripts (the seed) reach this through lib/projects.
import { getKv } from "@/lib/kv";

/**
 * Counters expire a week after the channel's first event; a restarted count looks like a gap
 * to clients, which then simply refetch.
 */
const SEQUENCE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function nextSequence(channel: string): Promise<number> {
  return getKv().incr(`realtime:seq:${channel}`, { ttlMs: SEQUENCE_TTL_MS });
}
