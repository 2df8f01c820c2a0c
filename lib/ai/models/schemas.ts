import { z } from "zod";

export const providerIdSchema = z.enum(["designer", "openai", "anthropic", "openai-compatible", "gateway"]);
export type ProviderId = z.infer<typeof providerIdSchema>;

export const PROVIDERS: Record<
  ProviderId,
  { name: string; defaultModel: string; needsKey: boolean; needsBaseURL: boolean }
> = {
  designer: {
    name: "Offline designer (rule-based)",
    defaultModel: "offline-designer-1",
    needsKey: false,
    needsBaseURL: false,
  },
  openai: { name: "OpenAI", defaultModel: "gpt-5-mini", needsKey: true, needsBaseURL: false },
  anthropic: { name: "Anthropic", defaultModel: "claude-sonnet-4-5", needsKey: true, needsBaseURL: false },
  "openai-compatible": {
    name: "OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio)",
    defaultModel: "qwen2.5-coder:14b",
    needsKey: false,
    needsBaseURL: true,
  },
  gateway: {
    name: "Vercel AI Gateway",
    defaultModel: "openai/gpt-5-mini",
    needsKey: true,
    needsBaseURL: false,
  },
};

/** What a workspace stores in `settings.ai` (keys live encrypted in `secrets`, never here). */
export const workspaceAiSettingsSchema = z.object({
  provider: providerIdSchema.optional(),
  model: z.string().trim().min(1).max(120).optional(),
  baseURL: z.url().optional(),
  /** Ask the model once, automatically, to correct refused operations. */
  autoFix: z.boolean().default(true),
});
export type WorkspaceAiSettings = z.infer<typeof workspaceAiSettingsSchema>;

export const updateAiSettingsBodySchema = z.strictObject({
  provider: providerIdSchema,
  model: z.string().trim().min(1, "Name a model.").max(120),
  baseURL: z
    .url("Enter a URL such as http://127.0.0.1:11434/v1")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** A new key to store (encrypted); omit to keep the stored one, null to delete it. */
  apiKey: z.string().trim().min(1).max(500).nullable().optional(),
  autoFix: z.boolean().default(true),
});
export type UpdateAiSettingsBody = z.infer<typeof updateAiSettingsBodySchema>;

/** What the browser may see: never the key itself. */
export interface AiSettingsView {
  provider: ProviderId;
  model: string;
  baseURL: string | null;
  autoFix: boolean;
  hasWorkspaceKey: boolean;
  /** A key from the server's environment exists for this provider. */
  hasEnvironmentKey: boolean;
}

/** POST /api/workspace/ai-settings/test: test these instead of the saved settings (a key typed but not saved yet). */
export const testConnectionBodySchema = z.strictObject({
  provider: providerIdSchema.optional(),
  model: z.string().trim().min(1).max(120).optional(),
  baseURL: z
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  apiKey: z.string().trim().min(1).max(500).optional(),
});

export const testConnectionResultSchema = z.union([
  z.object({ ok: z.literal(true), latencyMs: z.number(), reply: z.string() }),
  z.object({ ok: z.literal(false), latencyMs: z.number(), message: z.string() }),
]);
