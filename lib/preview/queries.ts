// The only place the preview domain touches Prisma: PreviewSession rows (one per sandbox a
// project's preview has run in; the newest not stopped is the project's preview).
import { getDb } from "@/lib/db/client";
import { findProjectRow } from "@/lib/projects/queries";
import type { PreviewStatus } from "./schemas";

export const sessionSelect = {
  id: true,
  projectId: true,
  provider: true,
  sandboxId: true,
  status: true,
  url: true,
  versionId: true,
  error: true,
  startedAt: true,
  lastSeenAt: true,
} as const;

export interface PreviewSessionRow {
  id: string;
  projectId: string;
  provider: string;
  sandboxId: string;
  status: string;
  url: string | null;
  versionId: string | null;
  error: string | null;
  startedAt: Date;
  lastSeenAt: Date;
}

export const LIVE_STATUSES: PreviewStatus[] = ["booting", "ready"];

/** The project's preview: its newest session that is not stopped. */
export function findActiveSession(projectId: string): Promise<PreviewSessionRow | null> {
  return getDb().previewSession.findFirst({
    where: { projectId, stoppedAt: null, status: { not: "stopped" } },
    orderBy: { startedAt: "desc" },
    select: sessionSelect,
  });
}

/** The project (not_found outside the workspace) and its preview session, if any. */
export async function findProjectSession(input: { workspaceId: string; projectId: string }) {
  const project = await findProjectRow(getDb(), input.workspaceId, input.projectId);
  return { project, session: await findActiveSession(project.id) };
}

/** The workspace a project belongs to (the gateway knows only a preview's project). */
export async function findProjectWorkspaceId(projectId: string): Promise<string | null> {
  const project = await getDb().project.findUnique({
    where: { id: projectId },
    select: { workspaceId: true },
  });
  return project?.workspaceId ?? null;
}

export function findSessionById(previewId: string): Promise<PreviewSessionRow | null> {
  return getDb().previewSession.findUnique({ where: { id: previewId }, select: sessionSelect });
}

/** Live previews of a workspace (booting or ready), for the workspace limit. */
export function listLiveSessions(
  workspaceId: string,
): Promise<Array<PreviewSessionRow & { project: { name: string } }>> {
  return getDb().previewSession.findMany({
    where: { stoppedAt: null, status: { in: LIVE_STATUSES }, project: { workspaceId } },
    select: { ...sessionSelect, project: { select: { name: true } } },
    orderBy: { lastSeenAt: "asc" },
  });
}

/** Sessions not stopped, everywhere (the monitor reconciles them with the provider). */
export function listOpenSessions(): Promise<PreviewSessionRow[]> {
  return getDb().previewSession.findMany({
    where: { stoppedAt: null, status: { not: "stopped" } },
    select: sessionSelect,
  });
}

/** Live sessions nobody has viewed since `before`. */
export function listIdleSessions(before: Date): Promise<PreviewSessionRow[]> {
  return getDb().previewSession.findMany({
    where: { stoppedAt: null, status: { in: LIVE_STATUSES }, lastSeenAt: { lt: before } },
    select: sessionSelect,
  });
}

export async function touchSession(previewId: string, at = new Date()): Promise<void> {
  await getDb().previewSession.updateMany({ where: { id: previewId }, data: { lastSeenAt: at } });
}
