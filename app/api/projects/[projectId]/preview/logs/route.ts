// GET /api/projects/[projectId]/preview/logs – the dev server's recent output
import { json, withWorkspace } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse-query";
import { getPreviewLogs } from "@/lib/preview/get-preview";
import { logsQuerySchema } from "@/lib/preview/schemas";

export const GET = withWorkspace<{ projectId: string }>(async ({ request, params, workspace, requestId }) => {
  const query = parseQuery(request, logsQuerySchema);
  return json(await getPreviewLogs({ ...query, workspaceId: workspace.id, projectId: params.projectId }), {
    requestId,
  });
});
