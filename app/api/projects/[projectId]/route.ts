import { json, withWorkspace } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/read-json";
import { deleteProject } from "@/lib/projects/delete-project";
import { getProject } from "@/lib/projects/get-project";
import { renameProject } from "@/lib/projects/rename-project";
import { updateProjectBodySchema } from "@/lib/projects/schemas";

type P = { projectId: string };

// GET /api/projects/[projectId] – one project
export const GET = withWorkspace<P>(async ({ params, workspace, requestId }) => {
  return json(await getProject({ workspaceId: workspace.id, projectId: params.projectId }), { requestId });
});

// PATCH /api/projects/[projectId] – rename
export const PATCH = withWorkspace<P>(async ({ request, params, workspace, user, requestId }) => {
  const body = updateProjectBodySchema.parse(await readJsonBody(request));
  const project = await renameProject({
    workspaceId: workspace.id,
    projectId: params.projectId,
    userId: user.id,
    name: body.name,
    requestId,
  });
  return json(project, { requestId });
});

// DELETE /api/projects/[projectId] – delete the project and its history
export const DELETE = withWorkspace<P>(async ({ params, workspace, user, requestId }) => {
  await deleteProject({ workspaceId: workspace.id, projectId: params.projectId, userId: user.id, requestId });
  return new Response(null, { status: 204, headers: { "x-request-id": requestId } });
});
