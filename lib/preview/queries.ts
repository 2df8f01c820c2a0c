// The only place the preview domain touches Prisma: PreviewSession rows (one per sandbox a
// project's preview has run in; the newest not stopped is the project's preview), the project a
// preview belongs to, and the few Version columns the preview reads and writes (the manifest it
// syncs, the check verdict it records, the versions the studio offers to restore).
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { findProjectRow } from "@/lib/projects/queries";
import { type Manifest, parseManifest } from "@/lib/versions/manifest";
import type { PreviewStatus, VersionProblem } from "./schemas";

const sessionSelect = {
  id: true,
  projectId: true,
  provider: true,
  sandboxId: true,
  status: true,
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
  versionId: string | null;
  error: string | null;
  startedAt: Date;
  lastSeenAt: Date;
}

export const LIVE_STATUSES: PreviewStatus[] = ["booting", "ready"];

type ProjectScope = { workspaceId: string; projectId: string };

// ── Projects ─────────────────────────────────────────────────────────────────────────────────

/** The project of the workspace (not_found otherwise), as the projects domain reads it. */
export function findProject(scope: ProjectScope) {
  return findProjectRow(getDb(), scope.workspaceId, scope.projectId);
}

export type PreviewProject = Awaited<ReturnType<typeof findProject>>;

/** The project and its preview session, if any. */
export async function findProjectSession(
  scope: ProjectScope,
): Promise<{ project: PreviewProject; session: PreviewSessionRow | null }> {
  const project = await findProject(scope);
  return { project, session: await findActiveSession(project.id) };
}

/**
 * The project's current version, read fresh: syncs run one after another and each must aim at
 * the version current when it runs, not when it was queued. Null also for a project outside the
 * workspace (a sync never throws for that).
 */
export async function findCurrentVersionId(scope: ProjectScope): Promise<string | null> {
  const project = await getDb().project.findFirst({
    where: { id: scope.projectId, workspaceId: scope.workspaceId },
    select: { currentVersionId: true },
  });
  return project?.currentVersionId ?? null;
}

/** The workspace a project belongs to (the gateway knows only a preview's project). */
export async function findProjectWorkspaceId(projectId: string): Promise<string | null> {
  const project = await getDb().project.findUnique({
    where: { id: projectId },
    select: { workspaceId: true },
  });
  return project?.workspaceId ?? null;
}

// ── Sessions ─────────────────────────────────────────────────────────────────────────────────

/** The project's preview: its newest session that is not stopped. */
export function findActiveSession(projectId: string): Promise<PreviewSessionRow | null> {
  return getDb().previewSession.findFirst({
    where: { projectId, stoppedAt: null, status: { not: "stopped" } },
    orderBy: { startedAt: "desc" },
    select: sessionSelect,
  });
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

export function createSession(data: {
  id: string;
  projectId: string;
  provider: string;
  sandboxId: string;
  status: PreviewStatus;
  error: string | null;
  versionId: string;
}): Promise<PreviewSessionRow> {
  return getDb().previewSession.create({ data, select: sessionSelect });
}

/**
 * Writes a session's new state (status.ts's transitionSession is the only caller: it also tells
 * the gateway's cache and the studio). A stopped session is stamped, which takes it out of every
 * "not stopped" lookup for good.
 */
export function updateSessionState(
  previewId: string,
  state: { status: PreviewStatus; error: string | null; versionId?: string },
): Promise<PreviewSessionRow> {
  return getDb().previewSession.update({
    where: { id: previewId },
    data: {
      status: state.status,
      error: state.error,
      ...(state.versionId ? { versionId: state.versionId } : {}),
      ...(state.status === "stopped" ? { stoppedAt: new Date() } : {}),
    },
    select: sessionSelect,
  });
}

/** The session now runs `versionId` (its files were written to the sandbox). */
export function setSessionVersion(previewId: string, versionId: string): Promise<PreviewSessionRow> {
  return getDb().previewSession.update({
    where: { id: previewId },
    data: { versionId },
    select: sessionSelect,
  });
}

export async function touchSession(previewId: string, at = new Date()): Promise<void> {
  await getDb().previewSession.updateMany({ where: { id: previewId }, data: { lastSeenAt: at } });
}

// ── Versions ─────────────────────────────────────────────────────────────────────────────────

/** Version.problems as stored (a JSON array written by markVersionBroken), or none. */
function problemsOf(value: Prisma.JsonValue | null): VersionProblem[] {
  return Array.isArray(value) ? (value as unknown as VersionProblem[]) : [];
}

/** A version's files, or null when the version is gone. */
export async function findVersionManifest(versionId: string): Promise<Manifest | null> {
  const row = await getDb().version.findUnique({ where: { id: versionId }, select: { manifest: true } });
  return row ? parseManifest(row.manifest) : null;
}

/** A version's files; a version that is gone is Prisma's record-not-found (a 404 from routes). */
export async function getVersionManifest(versionId: string): Promise<Manifest> {
  const row = await getDb().version.findUniqueOrThrow({
    where: { id: versionId },
    select: { manifest: true },
  });
  return parseManifest(row.manifest);
}

/** A version of the workspace's project and its check verdict so far, or null. */
export async function findVersionVerdict(scope: ProjectScope & { versionId: string }) {
  const row = await getDb().version.findFirst({
    where: { id: scope.versionId, projectId: scope.projectId, project: { workspaceId: scope.workspaceId } },
    select: { status: true, problems: true },
  });
  return row ? { status: row.status, problems: problemsOf(row.problems) } : null;
}

export async function markVersionBroken(versionId: string, problems: VersionProblem[]): Promise<void> {
  await getDb().version.update({
    where: { id: versionId },
    data: { status: "broken", problems: problems as unknown as Prisma.InputJsonArray },
  });
}

export async function markVersionOk(versionId: string): Promise<void> {
  await getDb().version.update({ where: { id: versionId }, data: { status: "ok" } });
}

/** The version the studio shows as current, with what its check found. */
export async function findVersionWithProblems(versionId: string) {
  const row = await getDb().version.findUnique({
    where: { id: versionId },
    select: { id: true, number: true, status: true, problems: true },
  });
  return row ? { ...row, problems: problemsOf(row.problems) } : null;
}

/**
 * The newest version before `beforeNumber` not known to be broken: a version whose check is
 * still running is a better guess than an older checked one (it is what the person last saw
 * working).
 */
export function findLastGoodVersion(
  projectId: string,
  beforeNumber: number,
): Promise<{ id: string; number: number } | null> {
  return getDb().version.findFirst({
    where: { projectId, number: { lt: beforeNumber }, status: { not: "broken" } },
    orderBy: { number: "desc" },
    select: { id: true, number: true },
  });
}
