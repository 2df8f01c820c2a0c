import { json, withWorkspace } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/read-json";
import { listProjectFiles } from "@/lib/projects/files";
import { saveChangeSet } from "@/lib/versions/save-change-set";
import { changeSetBodySchema } from "@/lib/versions/schemas";

// GET /api/projects/[projectId]/files – the current version's file list
export const GET = withWorkspace<{ projectId: string }>(async ({ params, workspace, requestId }) => {
  return json(await listProjectFiles({ workspaceId: workspace.id, projectId: params.projectId }), {
    requestId,
  });
});

// POST /api/projects/[projectId]/files – a manual change set, validated and committed like an AI turn
export const POST = withWorkspace<{ projectId: string }>(
  async ({ request, params, workspace, user, requestId }) => {
    const body = changeSetBodySchema.parse(await readJsonBody(request));
    const version = await saveChangeSet({
      workspaceId: workspace.id,
      projectId: params.projectId,
      userId: user.id,
      body,
      requestId,
    });
    return json({ version }, { status: 201, requestId });
  },
);
