import { getDb } from "@/lib/db/client";
import { findProjectRow, toProjectSummary } from "./queries";
import type { ProjectSummary } from "./schemas";

export async function getProject(input: { workspaceId: string; projectId: string }): Promise<ProjectSummary> {
  return toProjectSummary(await findProjectRow(getDb(), input.workspaceId, input.projectId));
}
