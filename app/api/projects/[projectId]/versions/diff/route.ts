// GET /api/projects/[projectId]/versions/diff?from=&to= – what changed between two versions
import { json, withWorkspace } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse-query";
import { diffVersions } from "@/lib/versions/diff-versions";
import { diffQuerySchema } from "@/lib/versions/schemas";

export const GET = withWorkspace<{ projectId: string }>(async ({ request, params, workspace, requestId }) => {
  const query = parseQuery(request, diffQuerySchema);
  return json(await diffVersions({ workspaceId: workspace.id, projectId: params.projectId, ...query }), {
    requestId,
  });
});
