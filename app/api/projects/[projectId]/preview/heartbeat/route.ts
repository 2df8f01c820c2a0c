// POST /api/projects/[projectId]/preview/heartbeat – an open editor is viewing the preview (keeps it from idling)
import { json, withWorkspace } from "@/lib/api/handler";
import { heartbeatPreview } from "@/lib/preview/get-preview";

export const POST = withWorkspace<{ projectId: string }>(
  async ({ params, workspace, requestId }) => {
    return json(await heartbeatPreview({ workspaceId: workspace.id, projectId: params.projectId }), {
      requestId,
    });
  },
  { rateLimits: [] },
);
