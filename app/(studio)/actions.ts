"use server";
// Server actions for the studio's own forms. Thin: validate, resolve the session's workspace, call lib.
import { z } from "zod";
import { runWorkspaceAction } from "@/lib/api/action";
import type { ActionResult } from "@/lib/api/action-result";
import { signOut } from "@/lib/auth/auth";
import { createProject } from "@/lib/projects/create-project";
import { deleteProject } from "@/lib/projects/delete-project";
import { duplicateProject } from "@/lib/projects/duplicate-project";
import { renameProject } from "@/lib/projects/rename-project";
import { createProjectBodySchema, type ProjectSummary, projectNameSchema } from "@/lib/projects/schemas";

const projectRefSchema = z.strictObject({ projectId: z.string().min(1).max(64) });
// Creating a project counts against the write limit and the stricter project-creation limit.
const projectCreateLimits = { rateLimits: ["writePerUser", "projectCreatePerUser"] } as const;

export async function createProjectAction(input: {
  name: string;
  templateId: string;
}): Promise<ActionResult<ProjectSummary>> {
  return runWorkspaceAction(({ workspace, user, requestId }) => {
    const body = createProjectBodySchema.parse(input);
    return createProject({ ...body, workspaceId: workspace.id, userId: user.id, requestId });
  }, projectCreateLimits);
}

export async function renameProjectAction(input: {
  projectId: string;
  name: string;
}): Promise<ActionResult<ProjectSummary>> {
  return runWorkspaceAction(({ workspace, user, requestId }) => {
    const body = projectRefSchema.extend({ name: projectNameSchema }).parse(input);
    return renameProject({ ...body, workspaceId: workspace.id, userId: user.id, requestId });
  });
}

export async function duplicateProjectAction(input: {
  projectId: string;
}): Promise<ActionResult<ProjectSummary>> {
  return runWorkspaceAction(({ workspace, user, requestId }) => {
    const body = projectRefSchema.parse(input);
    return duplicateProject({ ...body, workspaceId: workspace.id, userId: user.id, requestId });
  }, projectCreateLimits);
}

export async function deleteProjectAction(input: { projectId: string }): Promise<ActionResult<null>> {
  return runWorkspaceAction(async ({ workspace, user, requestId }) => {
    const body = projectRefSchema.parse(input);
    await deleteProject({ ...body, workspaceId: workspace.id, userId: user.id, requestId });
    return null;
  });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
