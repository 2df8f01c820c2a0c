// POST /api/workspace/ai-settings/test – send a tiny request to a model and report the result
import { testConnectionBodySchema } from "@/lib/ai/models/schemas";
import { resolveWorkspaceModel, testModelConnection } from "@/lib/ai/models/workspace-models";
import { json, withWorkspace } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/read-json";

export const POST = withWorkspace(async ({ request, workspace, requestId }) => {
  const body = testConnectionBodySchema.parse(await readJsonBody(request));
  const saved = await resolveWorkspaceModel(workspace.id);
  const sameProvider = !body.provider || body.provider === saved.provider;
  const choice = {
    provider: body.provider ?? saved.provider,
    model: body.model ?? saved.model,
    baseURL: body.baseURL ?? (sameProvider ? saved.baseURL : null),
    apiKey: body.apiKey ?? (sameProvider ? saved.apiKey : null),
  };
  return json(await testModelConnection(choice), { requestId });
});
