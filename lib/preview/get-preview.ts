// What the studio shows for a project's preview: its state, a fresh iframe URL, the current
// version's check result, the last good version to restore, and whether fixing is still offered.
import type { LogEntry } from "@/lib/sandbox/types";
import { failureRecord, problemsFingerprint } from "./failures";
import { getPreviewProvider, keepSandboxAlive } from "./provider";
import {
  findLastGoodVersion,
  findProjectSession,
  findVersionWithProblems,
  type PreviewProject,
  type PreviewSessionRow,
  touchSession,
} from "./queries";
import type { PreviewStatus, PreviewView } from "./schemas";
import { publicUrl, transitionSession } from "./status";
import { bootUrl } from "./urls";

/** Brings the row in line with the provider when they disagree (e.g. a sandbox that went away). */
async function reconcile(session: PreviewSessionRow): Promise<PreviewSessionRow | null> {
  const info = await (await getPreviewProvider()).status(session.sandboxId).catch(() => undefined);
  if (info === undefined) return session; // provider unreachable: keep what we know
  if (!info) {
    await transitionSession(session, "stopped");
    return null;
  }
  if (info.status !== session.status) {
    const next = await transitionSession(session, info.status, { error: info.error });
    return next.status === "stopped" ? null : next;
  }
  return session;
}

/**
 * The view of a project already found in its workspace (by whoever read it first: a request reads
 * its project once) with its preview session, if any.
 */
export async function toPreviewView(
  project: Pick<PreviewProject, "id" | "currentVersionId">,
  session: PreviewSessionRow | null,
): Promise<PreviewView> {
  const current = project.currentVersionId ? await findVersionWithProblems(project.currentVersionId) : null;
  const problems = current?.problems ?? [];
  const lastGood = current ? await findLastGoodVersion(project.id, current.number) : null;
  const fixAllowed =
    current?.status === "broken" && problems.length
      ? (await failureRecord(project.id, problemsFingerprint(problems))).fixAllowed
      : true;
  const origin = session ? publicUrl(session) : null;
  return {
    status: (session?.status as PreviewStatus | undefined) ?? "stopped",
    previewId: session?.id ?? null,
    url: session && origin ? bootUrl(origin, session.id) : null,
    origin: origin ? new URL(origin).origin : null,
    error: session?.error ?? null,
    versionId: session?.versionId ?? null,
    current: current ? { id: current.id, number: current.number, status: current.status, problems } : null,
    lastGood,
    fixAllowed,
    startedAt: session?.startedAt.toISOString() ?? null,
  };
}

export async function getPreview(input: { workspaceId: string; projectId: string }): Promise<PreviewView> {
  const { project, session } = await findProjectSession(input);
  return toPreviewView(project, session ? await reconcile(session) : null);
}

/** The open editor says it is still looking: the preview is not idle. */
export async function heartbeatPreview(input: {
  workspaceId: string;
  projectId: string;
}): Promise<PreviewView> {
  const { project, session } = await findProjectSession(input);
  if (session) {
    await touchSession(session.id);
    await keepSandboxAlive(session.sandboxId);
  }
  return toPreviewView(project, session);
}

export async function getPreviewLogs(input: {
  workspaceId: string;
  projectId: string;
  since?: string;
  limit?: number;
}): Promise<{ previewId: string | null; items: LogEntry[] }> {
  const { session } = await findProjectSession(input);
  if (!session) return { previewId: null, items: [] };
  const items = await (await getPreviewProvider()).logs(session.sandboxId, {
    since: input.since,
    limit: input.limit ?? 500,
  });
  return { previewId: session.id, items };
}
