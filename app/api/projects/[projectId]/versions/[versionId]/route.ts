import { json, withWorkspace } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/read-json";
import { getVersion } from "@/lib/versions/get-version";
import { checkpointBodySchema, nameCheckpoint } from "@/lib/versions/name-checkpoint";

type P = { projectId: string; versionId: string };

// GET /api/projects/[projectId]/versions/[versionId] – one version with its file list
export const GET = withWorkspace<P>(async ({ params, workspace, requestId }) => {
  return json(await getVersion({ workspaceId: workspace.id, ...params }), { requestId });
});

// PATCH /api/projects/[projectId]/versions/[versionId] – name (or unname) a checkpoint
export const PATCH = withWorkspace<P>(async ({ request, params, workspace, requestId }) => {
  const body = checkpointBodySchema.parse(await readJsonBody(request));
  await nameCheckpoint({ workspaceId: workspace.id, ...params, checkpointName: body.checkpointName });
  return json(await getVersion({ workspaceId: workspace.id, ...params }), { requestId });
});
