// GET /api/projects/[projectId]/messages?cursor= – chat history, a page at a time (newest page first)

import { listMessages } from "@/lib/ai/chat/queries";
import { listMessagesQuerySchema } from "@/lib/ai/chat/schemas";
import { json, withWorkspace } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse-query";
import { getProject } from "@/lib/projects/get-project";

export const GET = withWorkspace<{ projectId: string }>(async ({ request, params, workspace, requestId }) => {
  const query = parseQuery(request, listMessagesQuerySchema);
  const project = await getProject({ workspaceId: workspace.id, projectId: params.projectId });
  return json(await listMessages(project.id, query), { requestId });
});
