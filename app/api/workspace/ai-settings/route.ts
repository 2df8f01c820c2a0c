import { PROVIDERS, updateAiSettingsBodySchema } from "@/lib/ai/models/schemas";
import { getAiSettingsView, updateAiSettings } from "@/lib/ai/models/workspace-models";
import { json, withWorkspace } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/read-json";

// GET /api/workspace/ai-settings – the workspace's model choice (never its keys)
export const GET = withWorkspace(async ({ workspace, requestId }) => {
  return json({ settings: await getAiSettingsView(workspace.id), providers: PROVIDERS }, { requestId });
});

// PUT /api/workspace/ai-settings – choose provider and model; store (or delete) a key, encrypted
export const PUT = withWorkspace(async ({ request, workspace, requestId }) => {
  const body = updateAiSettingsBodySchema.parse(await readJsonBody(request));
  const settings = await updateAiSettings({ workspaceId: workspace.id, role: workspace.role, body });
  return json({ settings }, { requestId });
});
