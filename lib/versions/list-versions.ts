import { getDb } from "@/lib/db/client";
import { findProjectRow } from "@/lib/projects/queries";
import { versionSummarySelect } from "./queries";
import { listVersionsQuerySchema, type VersionSummary } from "./schemas";
import { toVersionSummary } from "./to-summary";

/** A page of a project's versions, newest first. The cursor is the last version's id. */
export async function listVersions(input: {
  workspaceId: string;
  projectId: string;
  cursor?: string;
  limit?: number;
}): Promise<{ items: VersionSummary[]; nextCursor: string | null }> {
  const query = listVersionsQuerySchema.parse({ cursor: input.cursor, limit: input.limit });
  const db = getDb();
  const project = await findProjectRow(db, input.workspaceId, input.projectId);
  const cursorRow = query.cursor
    ? await db.version.findFirst({ where: { id: query.cursor, projectId: project.id }, select: { id: true } })
    : null;
  const rows = await db.version.findMany({
    where: { projectId: project.id },
    orderBy: { number: "desc" },
    take: query.limit + 1,
    ...(cursorRow ? { cursor: { id: cursorRow.id }, skip: 1 } : {}),
    select: versionSummarySelect,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toVersionSummary),
    nextCursor: rows.length > query.limit ? page[page.length - 1].id : null,
  };
}
