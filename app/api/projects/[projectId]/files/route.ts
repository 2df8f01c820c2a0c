// GET /api/projects/[projectId]/files – the current version's file list
import { json, withWorkspace } from "@/lib/api/handler";
import { listProjectFiles } from "@/lib/projects/files";

export const GET = withWorkspace<{ projectId: string }>(async ({ params, workspace, requestId }) => {
  return json(await listProjectFiles({ workspaceId: workspace.id, projectId: params.projectId }), {
    requestId,
  });
});
