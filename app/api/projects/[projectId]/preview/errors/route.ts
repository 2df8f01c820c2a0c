// POST /api/projects/[projectId]/preview/errors – a build or runtime error seen in the preview (flags the version broken)
import { json, withWorkspace } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/read-json";
import { reportPreviewFailure } from "@/lib/preview/report-failure";
import { previewFailureSchema } from "@/lib/preview/schemas";

export const POST = withWorkspace<{ projectId: string }>(
  async ({ request, params, workspace, requestId }) => {
    const failure = previewFailureSchema.parse(await readJsonBody(request));
    const result = await reportPreviewFailure({
      workspaceId: workspace.id,
      projectId: params.projectId,
      failure,
    });
    return json(result, { requestId });
  },
);
