// A short-lived in-process cache of preview sessions for the gateway, which looks one up for
// every module request of a page (dozens per load). The lookup itself is cached, so a burst of
// requests shares one query. Transitions forget the entry at once.
import { findSessionById, type PreviewSessionRow } from "./queries";

const TTL_MS = 2_000;

interface Entry {
  row: Promise<PreviewSessionRow | null>;
  at: number;
}

const globalForRegistry = globalThis as unknown as { pagecraftPreviewRegistry?: Map<string, Entry> };
const cache = () => {
  globalForRegistry.pagecraftPreviewRegistry ??= new Map();
  return globalForRegistry.pagecraftPreviewRegistry;
};

export function cachedSession(previewId: string): Promise<PreviewSessionRow | null> {
  const hit = cache().get(previewId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.row;
  const entry: Entry = { row: findSessionById(previewId), at: Date.now() };
  cache().set(previewId, entry);
  // A failed lookup is not remembered: the next request asks again.
  entry.row.catch(() => {
    if (cache().get(previewId) === entry) cache().delete(previewId);
  });
  return entry.row;
}

export function forgetCachedSession(previewId: string): void {
  cache().delete(previewId);
}
