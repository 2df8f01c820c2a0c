// POST /api/projects/[projectId]/chat – one chat turn, streamed as an AI SDK UI message stream
import { createUIMessageStreamResponse } from "ai";
import { runChatTurn } from "@/lib/ai/chat/run-chat-turn";
import { chatBodySchema } from "@/lib/ai/chat/schemas";
import { withWorkspace } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/read-json";

export const maxDuration = 300;

export const POST = withWorkspace<{ projectId: string }>(
  async ({ request, params, workspace, user, requestId }) => {
    const body = chatBodySchema.parse(await readJsonBody(request));
    const stream = await runChatTurn(
      { workspaceId: workspace.id, projectId: params.projectId, userId: user.id, requestId },
      body,
      request.signal,
    );
    return createUIMessageStreamResponse({ stream, headers: { "x-request-id": requestId } });
  },
  { rateLimits: ["writePerUser", "chatPerUser"] },
);
