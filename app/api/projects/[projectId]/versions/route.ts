// GET /api/projects/[projectId]/versions – the project's versions, newest first
import { json, withWorkspace } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse-query";
import { listVersions } from "@/lib/versions/list-versions";
import { listVersionsQuerySchema } from "@/lib/versions/schemas";

export const GET = withWorkspace<{ projectId: string }>(async ({ request, params, workspace, requestId }) => {
  const query = parseQuery(request, listVersionsQuerySchema);
  return json(await listVersions({ ...query, workspaceId: workspace.id, projectId: params.projectId }), {
    requestId,
  });
});
