// GET /api/projects/[projectId]/chat/context?draft= – how much of the token budget the next turn uses

import { buildTurnContext } from "@/lib/ai/chat/run-chat-turn";
import { contextQuerySchema } from "@/lib/ai/chat/schemas";
import { json, withWorkspace } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse-query";

export const GET = withWorkspace<{ projectId: string }>(async ({ request, params, workspace, requestId }) => {
  const { draft } = parseQuery(request, contextQuerySchema);
  const { context } = await buildTurnContext(
    { workspaceId: workspace.id, projectId: params.projectId },
    draft,
  );
  return json(context.usage, { requestId });
});
