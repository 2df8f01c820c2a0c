// POST /api/projects/[projectId]/duplicate – copy the current version into a new project
// (`?async=1`: as a durable job instead — 202 with the new project's id, listed under /jobs)
import { requestProjectDuplicate } from "@/inngest/request-duplicate";
import { json, withWorkspace } from "@/lib/api/handler";
import { readOptionalJsonBody } from "@/lib/api/read-json";
import { duplicateProject } from "@/lib/projects/duplicate-project";
import { duplicateProjectBodySchema } from "@/lib/projects/schemas";

export const POST = withWorkspace<{ projectId: string }>(
  async ({ request, params, workspace, user, requestId }) => {
    // The body is optional ({ name }); an empty body duplicates with a default name.
    const sent = await readOptionalJsonBody(request);
    const body = sent === undefined ? {} : duplicateProjectBodySchema.parse(sent);
    if (new URL(request.url).searchParams.get("async") === "1") {
      const queued = await requestProjectDuplicate({
        workspaceId: workspace.id,
        projectId: params.projectId,
        userId: user.id,
        name: body.name,
        requestId,
      });
      return json(queued, { status: 202, requestId });
    }
    const project = await duplicateProject({
      workspaceId: workspace.id,
      projectId: params.projectId,
      userId: user.id,
      name: body.name,
      requestId,
    });
    return json(project, { status: 201, requestId });
  },
  { rateLimits: ["writePerUser", "projectCreatePerUser"] },
);
