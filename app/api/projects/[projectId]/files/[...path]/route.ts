// GET /api/projects/[projectId]/files/[...path]?versionId= – one file's raw content (current version by default)
import { withWorkspace } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse-query";
import { contentTypeForPath } from "@/lib/projects/content-type";
import { readProjectFile } from "@/lib/projects/files";
import { fileQuerySchema } from "@/lib/versions/schemas";

export const GET = withWorkspace<{ projectId: string; path: string[] }>(
  async ({ request, params, workspace, requestId }) => {
    const { versionId } = parseQuery(request, fileQuerySchema);
    const file = await readProjectFile({
      workspaceId: workspace.id,
      projectId: params.projectId,
      path: params.path.join("/"),
      versionId,
    });
    return new Response(new Uint8Array(file.content), {
      headers: {
        "content-type": contentTypeForPath(file.path),
        etag: `"${file.sha256}"`,
        "x-content-type-options": "nosniff",
        "content-security-policy": "sandbox",
        "x-request-id": requestId,
      },
    });
  },
);
