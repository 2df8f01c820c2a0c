// A workspace's model choice: settings.ai holds provider/model/baseURL, secrets holds the
// provider keys it brings, sealed (lib/crypto/secret-box). Keys never leave the server.
import { generateText } from "ai";
import { open, seal } from "@/lib/crypto/secret-box";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { buildModel, defaultModelChoice, environmentKey, type ModelChoice } from "./registry";
import {
  type AiSettingsView,
  PROVIDERS,
  type UpdateAiSettingsBody,
  updateAiSettingsBodySchema,
  workspaceAiSettingsSchema,
} from "./schemas";

async function loadWorkspace(workspaceId: string) {
  const row = await getDb().workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { settings: true, secrets: true },
  });
  const settings = (row.settings ?? {}) as Prisma.JsonObject;
  const secrets = (row.secrets ?? {}) as Record<string, string>;
  const ai = workspaceAiSettingsSchema.safeParse(settings.ai ?? {});
  return { settings, secrets, ai: ai.success ? ai.data : workspaceAiSettingsSchema.parse({}) };
}

const keyName = (provider: string) => `ai:${provider}`;

export async function resolveWorkspaceModel(
  workspaceId: string,
): Promise<ModelChoice & { autoFix: boolean }> {
  const { ai, secrets } = await loadWorkspace(workspaceId);
  const fallback = defaultModelChoice();
  const provider = ai.provider ?? fallback.provider;
  const sealed = secrets[keyName(provider)];
  return {
    provider,
    model: ai.model ?? (ai.provider ? PROVIDERS[provider].defaultModel : fallback.model),
    baseURL: ai.baseURL ?? null,
    apiKey: sealed ? open(sealed) : null,
    autoFix: ai.autoFix,
  };
}

export async function getAiSettingsView(workspaceId: string): Promise<AiSettingsView> {
  const { secrets } = await loadWorkspace(workspaceId);
  const choice = await resolveWorkspaceModel(workspaceId);
  return {
    provider: choice.provider,
    model: choice.model,
    baseURL: choice.baseURL ?? null,
    autoFix: choice.autoFix,
    hasWorkspaceKey: Boolean(secrets[keyName(choice.provider)]),
    hasEnvironmentKey: Boolean(environmentKey(choice.provider)),
  };
}

export async function updateAiSettings(input: {
  workspaceId: string;
  role: string;
  body: UpdateAiSettingsBody;
}): Promise<AiSettingsView> {
  if (input.role !== "owner" && input.role !== "admin") {
    throw new AppError("forbidden:settings", "Only workspace owners and admins can change the model.");
  }
  const body = updateAiSettingsBodySchema.parse(input.body);
  const { settings, secrets } = await loadWorkspace(input.workspaceId);
  const nextSecrets = { ...secrets };
  if (body.apiKey === null) delete nextSecrets[keyName(body.provider)];
  else if (body.apiKey) nextSecrets[keyName(body.provider)] = seal(body.apiKey);
  const ai = {
    provider: body.provider,
    model: body.model,
    autoFix: body.autoFix,
    ...(body.baseURL ? { baseURL: body.baseURL } : {}),
  };
  await getDb().workspace.update({
    where: { id: input.workspaceId },
    data: { settings: { ...settings, ai }, secrets: nextSecrets },
  });
  return getAiSettingsView(input.workspaceId);
}

/** Sends the smallest possible request to the chosen model and says how it went, in words. */
export async function testModelConnection(
  choice: ModelChoice,
): Promise<
  { ok: true; latencyMs: number; reply: string } | { ok: false; latencyMs: number; message: string }
> {
  const started = performance.now();
  try {
    const model = buildModel(choice, { loadFiles: async () => new Map() });
    const { text } = await generateText({
      model,
      prompt: "Reply with the single word OK.",
      maxOutputTokens: 16,
      maxRetries: 0,
      abortSignal: AbortSignal.timeout(20_000),
    });
    return { ok: true, latencyMs: Math.round(performance.now() - started), reply: text.slice(0, 200) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, latencyMs: Math.round(performance.now() - started), message: message.slice(0, 500) };
  }
}
