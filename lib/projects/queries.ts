// The only place the projects domain touches Prisma.
import type { Db, DbTransaction } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { getTemplate } from "@/lib/templates/registry";
import type { ProjectSummary } from "./schemas";

export const projectSummarySelect = {
  id: true,
  workspaceId: true,
  name: true,
  templateId: true,
  currentVersionId: true,
  createdAt: true,
  updatedAt: true,
  currentVersion: { select: { number: true } },
} as const;

export interface ProjectSummaryRow {
  id: string;
  workspaceId: string;
  name: string;
  templateId: string;
  currentVersionId: string | null;
  createdAt: Date;
  updatedAt: Date;
  currentVersion: { number: number } | null;
}

export function toProjectSummary(row: ProjectSummaryRow): ProjectSummary {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    templateId: row.templateId,
    templateName: getTemplate(row.templateId)?.name ?? row.templateId,
    currentVersionId: row.currentVersionId,
    currentVersionNumber: row.currentVersion?.number ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Finds a project of the workspace, or throws not_found (also for other workspaces' projects). */
export async function findProjectRow(db: Db | DbTransaction, workspaceId: string, projectId: string) {
  const row = await db.project.findFirst({
    where: { id: projectId, workspaceId },
    select: projectSummarySelect,
  });
  if (!row) throw notFound("project");
  return row;
}

/** A project in any workspace the user is a member of (for checks outside one workspace's scope). */
export async function findProjectForMember(db: Db | DbTransaction, userId: string, projectId: string) {
  const row = await db.project.findFirst({
    where: { id: projectId, workspace: { memberships: { some: { userId } } } },
    select: { id: true, workspaceId: true },
  });
  if (!row) throw notFound("project");
  return row;
}
