import { json, withWorkspace } from "@/lib/api/handler";
import { readOptionalJsonBody } from "@/lib/api/read-json";
import { getPreview, toPreviewView } from "@/lib/preview/get-preview";
import { startPreviewBodySchema } from "@/lib/preview/schemas";
import { openPreview } from "@/lib/preview/start-preview";
import { stopPreview } from "@/lib/preview/stop-preview";

// POST /api/projects/[projectId]/preview – start the project's preview, or resume or reuse it
export const POST = withWorkspace<{ projectId: string }>(
  async ({ request, params, workspace, requestId }) => {
    const body = startPreviewBodySchema.parse(await readOptionalJsonBody(request));
    const { project, session } = await openPreview({
      workspaceId: workspace.id,
      projectId: params.projectId,
      wait: body?.wait,
    });
    return json(await toPreviewView(project, session), { requestId });
  },
);

// GET /api/projects/[projectId]/preview – the preview's state and a fresh URL for the iframe
export const GET = withWorkspace<{ projectId: string }>(async ({ params, workspace, requestId }) => {
  return json(await getPreview({ workspaceId: workspace.id, projectId: params.projectId }), { requestId });
});

// DELETE /api/projects/[projectId]/preview – stop the preview (opening the project starts a new one)
export const DELETE = withWorkspace<{ projectId: string }>(async ({ params, workspace, requestId }) => {
  return json(await stopPreview({ workspaceId: workspace.id, projectId: params.projectId }), { requestId });
});
