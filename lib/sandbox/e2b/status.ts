// What E2B says about one preview sandbox, and how a driver instance's memory is brought in line
// with it. A status check asks E2B about that one sandbox by id (one small request, not a listing
// of every preview) and shares the answer for a few seconds, so the preview monitor, every GET of
// a preview and the gateway together make one request per sandbox per few seconds.
import type { E2BClient, E2BSandboxSummary } from "../e2b-client";
import { type Entry, isLive, setEntryStatus } from "./entry";
import { LookupCache } from "./lookup-cache";

/** How long an answer about a sandbox is reused: stale by at most this, after a change elsewhere. */
export const STATUS_TTL_MS = 3_000;

/** E2B's answer: the sandbox, or null when it has no such preview sandbox. */
export type PreviewState = E2BSandboxSummary | null;

/** Only our previews count: another sandbox on the same E2B account (untagged) is none of ours. */
const previewOnly = (summary: E2BSandboxSummary | null): PreviewState =>
  summary?.metadata.pagecraft === "preview" ? summary : null;

export function previewStateCache(
  client: E2BClient,
  ttlMs: number = STATUS_TTL_MS,
): LookupCache<PreviewState> {
  return new LookupCache({ ttlMs, lookup: async (id) => previewOnly(await client.getInfo(id)) });
}

/**
 * Brings a live entry in line with E2B's answer — the idle sweep (another invocation) or E2B's own
 * timeout may have paused the sandbox since this instance last looked, and it may have expired.
 * `undefined` (E2B could not be asked) changes nothing. Returns false when the sandbox is gone.
 */
export function reconcileEntry(entry: Entry, answer: PreviewState | undefined): boolean {
  if (answer === null) return false;
  if (answer?.state === "paused" && isLive(entry)) {
    setEntryStatus(entry, "paused");
    entry.logs.system("paused (outside this instance)");
  }
  return true;
}
