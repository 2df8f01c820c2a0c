// A short-lived in-process cache of preview sessions for the gateway, which looks one up for
// every module request of a page (dozens per load). Transitions forget the entry at once.
import { findSessionById, type PreviewSessionRow } from "./queries";

const TTL_MS = 2_000;

const globalForRegistry = globalThis as unknown as {
  pagecraftPreviewRegistry?: Map<string, { row: PreviewSessionRow | null; at: number }>;
};
const cache = () => {
  globalForRegistry.pagecraftPreviewRegistry ??= new Map();
  return globalForRegistry.pagecraftPreviewRegistry;
};

export async function cachedSession(previewId: string): Promise<PreviewSessionRow | null> {
  const hit = cache().get(previewId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.row;
  const row = await findSessionById(previewId);
  cache().set(previewId, { row, at: Date.now() });
  return row;
}

export function forgetCachedSession(previewId: string): void {
  cache().delete(previewId);
}
