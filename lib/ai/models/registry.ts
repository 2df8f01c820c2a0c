// One registry builds every model on the AI SDK: the offline designer (the embedded default),
// OpenAI, Anthropic, any OpenAI-compatible server and the Vercel AI Gateway. The choice comes
// from the workspace's settings, falling back to the environment.
import { createAnthropic } from "@ai-sdk/anthropic";
import { createGateway } from "@ai-sdk/gateway";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import { createOfflineDesigner } from "@/lib/ai/designer/offline-designer";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { PROVIDERS, type ProviderId } from "./schemas";

export interface ModelChoice {
  provider: ProviderId;
  model: string;
  baseURL?: string | null;
  /** The workspace's own key, decrypted; undefined falls back to the environment's key. */
  apiKey?: string | null;
}

export interface ModelContext {
  /** The project's current files, for the offline designer (real models get them in the prompt). */
  loadFiles: () => Promise<Map<string, string>>;
}

export function environmentKey(provider: ProviderId): string | undefined {
  switch (provider) {
    case "openai":
      return env.OPENAI_API_KEY;
    case "anthropic":
      return env.ANTHROPIC_API_KEY;
    case "gateway":
      return env.AI_GATEWAY_API_KEY;
    case "openai-compatible":
      return env.OPENAI_COMPATIBLE_API_KEY;
    default:
      return undefined;
  }
}

/** The environment's default choice: AI_PROVIDER / AI_MODEL, else the offline designer. */
export function defaultModelChoice(): ModelChoice {
  const provider = env.AI_PROVIDER ?? "designer";
  return { provider, model: env.AI_MODEL ?? PROVIDERS[provider].defaultModel };
}

function missingKey(provider: ProviderId): AppError {
  return new AppError(
    "bad_request:model_key",
    `${PROVIDERS[provider].name} needs an API key. Add one in workspace settings, or set it on the server.`,
  );
}

export function buildModel(choice: ModelChoice, context: ModelContext): Exclude<LanguageModel, string> {
  const apiKey = choice.apiKey ?? environmentKey(choice.provider);
  switch (choice.provider) {
    case "designer":
      return createOfflineDesigner({ loadFiles: context.loadFiles, modelId: choice.model });
    case "openai":
      if (!apiKey) throw missingKey("openai");
      return createOpenAI({ apiKey, ...(choice.baseURL ? { baseURL: choice.baseURL } : {}) })(choice.model);
    case "anthropic":
      if (!apiKey) throw missingKey("anthropic");
      return createAnthropic({ apiKey })(choice.model);
    case "gateway":
      if (!apiKey) throw missingKey("gateway");
      return createGateway({ apiKey })(choice.model);
    case "openai-compatible": {
      const baseURL = choice.baseURL ?? env.OPENAI_COMPATIBLE_BASE_URL;
      if (!baseURL) {
        throw new AppError(
          "bad_request:model_url",
          "Set the server's base URL (for Ollama: http://127.0.0.1:11434/v1) in workspace settings.",
        );
      }
      return createOpenAICompatible({ name: "openai-compatible", baseURL, ...(apiKey ? { apiKey } : {}) })(
        choice.model,
      );
    }
  }
}
