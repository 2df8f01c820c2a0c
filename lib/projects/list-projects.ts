import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { projectSummarySelect, toProjectSummary } from "./queries";
import { type ListProjectsQuery, listProjectsQuerySchema, type ProjectList } from "./schemas";

const orderBy: Record<string, Prisma.ProjectOrderByWithRelationInput[]> = {
  updated: [{ updatedAt: "desc" }, { id: "desc" }],
  created: [{ createdAt: "desc" }, { id: "desc" }],
  name: [{ name: "asc" }, { id: "asc" }],
};

/** A page of the workspace's projects. The cursor is the id of the last project of the page. */
export async function listProjects(input: ListProjectsQuery & { workspaceId: string }): Promise<ProjectList> {
  const { workspaceId, ...rest } = input;
  const query = listProjectsQuerySchema.parse(rest);
  const db = getDb();
  const where: Prisma.ProjectWhereInput = {
    workspaceId,
    ...(query.search ? { name: { contains: query.search, mode: "insensitive" } } : {}),
  };
  // An unknown or foreign cursor simply starts from the beginning rather than leaking anything.
  const cursorRow = query.cursor
    ? await db.project.findFirst({ where: { id: query.cursor, workspaceId }, select: { id: true } })
    : null;
  const rows = await db.project.findMany({
    where,
    orderBy: orderBy[query.sort],
    take: query.limit + 1,
    ...(cursorRow ? { cursor: { id: cursorRow.id }, skip: 1 } : {}),
    select: projectSummarySelect,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toProjectSummary),
    nextCursor: rows.length > query.limit ? page[page.length - 1].id : null,
  };
}
