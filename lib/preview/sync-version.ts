// Every commit path (AI apply, manual save, restore) ends here: the project's live preview is
// brought to the current version by writing only the files that changed (the dev server then
// hot-reloads them). It never throws — a preview that cannot be updated must not fail a commit —
// and syncs of one project run one after another, always to the project's current version, so a
// late sync can never move the preview back to an older one.
import { log } from "@/lib/log";
import { readBlob } from "@/lib/projects/files";
import type { SandboxFile } from "@/lib/sandbox/types";
import { diffManifests, type Manifest } from "@/lib/versions/manifest";
import { checkVersionInPreview } from "./check-version";
import { getPreviewProvider } from "./provider";
import {
  findActiveSession,
  findCurrentVersionId,
  findVersionManifest,
  LIVE_STATUSES,
  setSessionVersion,
} from "./queries";
import type { PreviewStatus } from "./schemas";
import { announcePreview } from "./status";

export type SyncResult =
  | { synced: true; versionId: string; written: string[]; deleted: string[] }
  | { synced: false; reason: "no_live_preview" | "no_version" | "failed"; error?: string };

const globalForSync = globalThis as unknown as { pagecraftPreviewSyncs?: Map<string, Promise<unknown>> };
const queues = () => {
  globalForSync.pagecraftPreviewSyncs ??= new Map();
  return globalForSync.pagecraftPreviewSyncs;
};

/** Runs `fn` after every earlier sync of the project has finished. */
function serialize<T>(projectId: string, fn: () => Promise<T>): Promise<T> {
  const previous = queues().get(projectId) ?? Promise.resolve();
  const next = previous.then(fn, fn);
  const tail = next.catch(() => undefined);
  queues().set(projectId, tail);
  void tail.then(() => {
    if (queues().get(projectId) === tail) queues().delete(projectId);
  });
  return next;
}

async function manifestOf(versionId: string | null): Promise<Manifest> {
  if (!versionId) return {};
  return (await findVersionManifest(versionId)) ?? {};
}

export async function syncPreviewToVersion(
  input: { workspaceId: string; projectId: string; versionId?: string },
  options: { typeCheck?: "background" | "none" } = {},
): Promise<SyncResult> {
  let result: SyncResult;
  try {
    result = await serialize(input.projectId, () => syncNow(input));
  } catch (error) {
    log.warn("preview sync failed", { projectId: input.projectId, versionId: input.versionId, error });
    return { synced: false, reason: "failed", error: error instanceof Error ? error.message : String(error) };
  }
  if (result.synced && options.typeCheck === "background") {
    void checkVersionInPreview({ ...input, versionId: result.versionId }).catch((error) =>
      log.warn("preview type-check failed", { projectId: input.projectId, error }),
    );
  }
  return result;
}

async function syncNow(input: {
  workspaceId: string;
  projectId: string;
  versionId?: string;
}): Promise<SyncResult> {
  const session = await findActiveSession(input.projectId);
  if (!session || !LIVE_STATUSES.includes(session.status as PreviewStatus)) {
    return { synced: false, reason: "no_live_preview" };
  }
  const target = await findCurrentVersionId(input);
  if (!target) return { synced: false, reason: "no_version" };
  if (session.versionId === target) return { synced: true, versionId: target, written: [], deleted: [] };

  const [from, to] = await Promise.all([manifestOf(session.versionId), manifestOf(target)]);
  const changes = diffManifests(from, to);
  const paths = [...changes.added, ...changes.modified];
  const write: SandboxFile[] = await Promise.all(
    paths.map(async (path) => ({ path, content: await readBlob(input.workspaceId, to[path]) })),
  );
  await (await getPreviewProvider()).writeFiles(session.sandboxId, { write, delete: changes.deleted });
  const updated = await setSessionVersion(session.id, target);
  await announcePreview(updated);
  return { synced: true, versionId: target, written: paths, deleted: changes.deleted };
}
