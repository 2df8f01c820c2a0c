// POST /api/projects/[projectId]/versions/[versionId]/restore – a new version with that version's files
import { json, withWorkspace } from "@/lib/api/handler";
import { getVersion } from "@/lib/versions/get-version";
import { restoreVersion } from "@/lib/versions/restore-version";

export const POST = withWorkspace<{ projectId: string; versionId: string }>(
  async ({ params, workspace, user, requestId }) => {
    const committed = await restoreVersion({
      workspaceId: workspace.id,
      ...params,
      userId: user.id,
      requestId,
    });
    const version = await getVersion({
      workspaceId: workspace.id,
      projectId: params.projectId,
      versionId: committed.id,
    });
    return json(version, { status: 201, requestId });
  },
);
