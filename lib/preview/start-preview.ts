// Opening a project asks for its preview: reuse a live one, resume a paused one, or create a
// fresh sandbox from the current version's files. One start per project at a time (a KV lock),
// and a workspace may run at most PREVIEW_MAX_PER_WORKSPACE live previews.
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getKv } from "@/lib/kv";
import { log } from "@/lib/log";
import type { SandboxInfo, SandboxProvider } from "@/lib/sandbox/types";
import { readVersionFiles } from "@/lib/versions/read-files";
import { getPreviewProvider } from "./provider";
import {
  createSession,
  findActiveSession,
  findProject,
  getVersionManifest,
  listLiveSessions,
  type PreviewProject,
  type PreviewSessionRow,
  touchSession,
} from "./queries";
import { announcePreview, transitionSession } from "./status";
import { syncPreviewToVersion } from "./sync-version";
import { newPreviewId } from "./tokens";

const startLockKey = (projectId: string) => `lock:preview:${projectId}`;
const READY_TIMEOUT_MS = 60_000;

interface StartPreviewInput {
  workspaceId: string;
  projectId: string;
  /** Wait until the dev server serves the page (or fails) before returning. */
  wait?: boolean;
}

/** The preview's session, with the project row read to start it. */
export interface OpenedPreview {
  project: PreviewProject;
  session: PreviewSessionRow;
}

/** The session only, for callers that do not render a view (the gateway, jobs, benches). */
export async function startOrResumePreview(input: StartPreviewInput): Promise<PreviewSessionRow> {
  return (await openPreview(input)).session;
}

/**
 * Starts, resumes or reuses the project's preview. The project row comes back with the session so
 * that the route renders its view (toPreviewView) without reading the project a second time.
 */
export async function openPreview(input: StartPreviewInput): Promise<OpenedPreview> {
  const project = await findProject(input);
  const session = await getKv().withLock(
    startLockKey(project.id),
    120_000,
    async () => {
      const provider = await getPreviewProvider();
      const existing = await findActiveSession(project.id);
      const revived = existing ? await revive(existing, provider, input.workspaceId) : null;
      if (revived) return revived;
      await assertUnderLimit(input.workspaceId, project.id);
      return create(provider, {
        workspaceId: input.workspaceId,
        projectId: project.id,
        templateId: project.templateId,
        versionId: project.currentVersionId,
      });
    },
    { waitMs: 60_000 },
  );
  if (input.wait && session.status === "booting") return { project, session: await awaitReady(session) };
  return { project, session };
}

/** A session still usable (touched, and on the current version), or null when a new one is needed. */
async function revive(
  session: PreviewSessionRow,
  provider: SandboxProvider,
  workspaceId: string,
): Promise<PreviewSessionRow | null> {
  const info = await provider.status(session.sandboxId).catch(() => null);
  if (!info || info.status === "stopped" || info.status === "error") {
    if (info?.status === "error") await provider.kill(session.sandboxId).catch(() => undefined);
    await transitionSession(session, "stopped");
    return null;
  }
  let current = session;
  if (info.status === "paused") {
    await assertUnderLimit(workspaceId, session.projectId);
    let resumed: SandboxInfo;
    try {
      resumed = await provider.resume(session.sandboxId);
    } catch (error) {
      log.info("preview could not be resumed; starting a new one", { previewId: session.id, error });
      await transitionSession(session, "stopped");
      return null;
    }
    current = await transitionSession(session, resumed.status === "ready" ? "ready" : "booting");
    if (current.status === "booting") watchReady(current);
  } else if (info.status !== session.status) {
    current = await transitionSession(session, info.status);
    if (current.status === "booting") watchReady(current);
  }
  await touchSession(current.id);
  // Versions committed while it was paused reach it now.
  await syncPreviewToVersion({ workspaceId, projectId: current.projectId });
  return (await findActiveSession(current.projectId)) ?? current;
}

async function assertUnderLimit(workspaceId: string, projectId: string): Promise<void> {
  const others = (await listLiveSessions(workspaceId)).filter((s) => s.projectId !== projectId);
  const max = env.PREVIEW_MAX_PER_WORKSPACE;
  if (others.length < max) return;
  const oldest = others[0];
  throw new AppError(
    "conflict:preview_limit",
    `This workspace already runs ${max} live ${max === 1 ? "preview" : "previews"}, the most it may. ` +
      `Close the preview of “${oldest.project.name}” (or leave one idle for ${env.PREVIEW_IDLE_MINUTES} minutes so it pauses) and try again.`,
    { details: { limit: max, live: others.map((s) => ({ projectId: s.projectId, name: s.project.name })) } },
  );
}

async function create(
  provider: SandboxProvider,
  input: { workspaceId: string; projectId: string; templateId: string; versionId: string | null },
): Promise<PreviewSessionRow> {
  if (!input.versionId) throw new AppError("conflict:project", "This project has no version to preview yet.");
  const files = await readVersionFiles(input.workspaceId, await getVersionManifest(input.versionId));
  let info: SandboxInfo;
  try {
    info = await provider.create({
      metadata: { workspaceId: input.workspaceId, projectId: input.projectId },
      templateId: input.templateId,
      files: [...files].map(([path, content]) => ({ path, content })),
    });
  } catch (error) {
    log.error("preview sandbox could not be created", { projectId: input.projectId, error });
    throw new AppError("unavailable:preview", "The preview could not be started. Try again in a moment.", {
      cause: error,
    });
  }
  // No URL is stored: every driver's previews are served by the gateway, at an origin derived
  // from the id (status.ts's publicUrl).
  const session = await createSession({
    id: newPreviewId(),
    projectId: input.projectId,
    provider: provider.driver,
    sandboxId: info.id,
    status: info.status === "ready" ? "ready" : info.status === "error" ? "error" : "booting",
    error: info.status === "error" ? (info.error ?? "The preview failed to start.") : null,
    versionId: input.versionId,
  });
  await announcePreview(session);
  if (session.status === "booting") watchReady(session);
  return session;
}

const globalForReady = globalThis as unknown as {
  pagecraftPreviewReady?: Map<string, Promise<PreviewSessionRow>>;
};
const waiting = () => {
  globalForReady.pagecraftPreviewReady ??= new Map();
  return globalForReady.pagecraftPreviewReady;
};

/** Follows a booting preview until it is ready or failed, once per session. */
function awaitReady(session: PreviewSessionRow): Promise<PreviewSessionRow> {
  const known = waiting().get(session.id);
  if (known) return known;
  const promise = (async () => {
    let info: Pick<SandboxInfo, "status" | "error">;
    try {
      info = await (await getPreviewProvider()).waitUntilReady(session.sandboxId, READY_TIMEOUT_MS);
    } catch (error) {
      info = { status: "error", error: error instanceof Error ? error.message : String(error) };
    }
    const latest = await findActiveSession(session.projectId);
    if (!latest || latest.id !== session.id || latest.status !== "booting") return latest ?? session;
    if (info.status === "ready") return transitionSession(latest, "ready");
    if (info.status === "booting")
      return transitionSession(latest, "error", { error: "The preview took too long to start." });
    return transitionSession(latest, info.status, { error: info.error });
  })().finally(() => waiting().delete(session.id));
  waiting().set(session.id, promise);
  return promise;
}

function watchReady(session: PreviewSessionRow): void {
  void awaitReady(session).catch((error) =>
    log.warn("preview readiness watch failed", { previewId: session.id, error }),
  );
}
