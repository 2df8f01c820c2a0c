// What the studio shows for a project's preview: its state, a fresh iframe URL, the current
// version's check result, the last good version to restore, and whether fixing is still offered.
import { getDb } from "@/lib/db/client";
import { findProjectRow } from "@/lib/projects/queries";
import type { LogEntry } from "@/lib/sandbox/types";
import { failureRecord, problemsFingerprint } from "./failures";
import { getPreviewProvider, keepSandboxAlive } from "./provider";
import { findProjectSession, type PreviewSessionRow, touchSession } from "./queries";
import type { PreviewStatus, PreviewView, VersionProblem } from "./schemas";
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

/** The view of a project already found in its workspace. */
async function viewOf(
  project: { id: string; currentVersionId: string | null },
  session: PreviewSessionRow | null,
): Promise<PreviewView> {
  const db = getDb();
  const current = project.currentVersionId
    ? await db.version.findUnique({
        where: { id: project.currentVersionId },
        select: { id: true, number: true, status: true, problems: true },
      })
    : null;
  const problems = Array.isArray(current?.problems) ? (current.problems as unknown as VersionProblem[]) : [];
  // The newest earlier version not known to be broken: a version whose check is still running
  // is a better guess than an older checked one (it is what the person last saw working).
  const lastGood = current
    ? await db.version.findFirst({
        where: { projectId: project.id, number: { lt: current.number }, status: { not: "broken" } },
        orderBy: { number: "desc" },
        select: { id: true, number: true },
      })
    : null;
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

export async function toPreviewView(
  input: { workspaceId: string; projectId: string },
  session: PreviewSessionRow | null,
): Promise<PreviewView> {
  return viewOf(await findProjectRow(getDb(), input.workspaceId, input.projectId), session);
}

export async function getPreview(input: { workspaceId: string; projectId: string }): Promise<PreviewView> {
  const { project, session } = await findProjectSession(input);
  return viewOf(project, session ? await reconcile(session) : null);
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
  return viewOf(project, session);
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
