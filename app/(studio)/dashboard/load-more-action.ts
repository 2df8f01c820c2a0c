"use server";
// "Load more" on the dashboard: the next page of the signed-in workspace's projects.
import { runWorkspaceAction } from "@/lib/api/action";
import type { ActionResult } from "@/lib/api/action-result";
import { listProjects } from "@/lib/projects/list-projects";
import { listProjectsQuerySchema, type ProjectList, type ProjectSort } from "@/lib/projects/schemas";

export async function loadMoreProjectsAction(input: {
  search?: string;
  sort: ProjectSort;
  cursor: string;
}): Promise<ActionResult<ProjectList>> {
  return runWorkspaceAction(({ workspace }) => {
    const query = listProjectsQuerySchema.parse({
      search: input.search || undefined,
      sort: input.sort,
      cursor: input.cursor,
    });
    return listProjects({ ...query, workspaceId: workspace.id });
  });
}
