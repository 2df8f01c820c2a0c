import { json, withWorkspace } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse-query";
import { readJsonBody } from "@/lib/api/read-json";
import { createProject } from "@/lib/projects/create-project";
import { listProjects } from "@/lib/projects/list-projects";
import { createProjectBodySchema, listProjectsQuerySchema } from "@/lib/projects/schemas";

// GET /api/projects – the workspace's projects, a page at a time
export const GET = withWorkspace(async ({ request, workspace, requestId }) => {
  const query = parseQuery(request, listProjectsQuerySchema);
  return json(await listProjects({ ...query, workspaceId: workspace.id }), { requestId });
});

// POST /api/projects – create a project from a template (its files become version 1)
export const POST = withWorkspace(
  async ({ request, workspace, user, requestId }) => {
    const body = createProjectBodySchema.parse(await readJsonBody(request));
    const project = await createProject({ ...body, workspaceId: workspace.id, userId: user.id, requestId });
    return json(project, { status: 201, requestId });
  },
  { rateLimits: ["writePerUser", "projectCreatePerUser"] },
);
