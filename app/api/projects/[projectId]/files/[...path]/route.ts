// GET /api/projects/[projectId]/files/[...path] – one file's raw content at the current version
import { withWorkspace } from "@/lib/api/handler";
import { contentTypeForPath } from "@/lib/projects/content-type";
import { readProjectFile } from "@/lib/projects/files";

export const GET = withWorkspace<{ projectId: string; path: string[] }>(
  async ({ params, workspace, requestId }) => {
    const file = await readProjectFile({
      workspaceId: workspace.id,
      projectId: params.projectId,
      path: params.path.join("/"),
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
