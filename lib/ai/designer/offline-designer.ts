import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3GenerateResult,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
  LanguageModelV3Usage,
} from "@ai-sdk/provider";
import { designTurn } from "./design-turn";
import { hashString } from "./text";

/**
 * The offline designer as an AI SDK language model (specification v3): the embedded default
 * model, so chat works with no keys and no network. It is a rule-based engine — see README.md —
 * that reads the last user message, loads the project's current files and answers in the edit
 * protocol, streamed in small text chunks like a hosted model. Same input, same output.
 */

export const OFFLINE_DESIGNER_PROVIDER = "pagecraft.offline-designer";
export const OFFLINE_DESIGNER_MODEL_ID = "offline-designer-1";

export type OfflineDesignerOptions = {
  /** The project's current files (path → text), read at the start of every call. */
  loadFiles: () => Promise<Map<string, string>>;
  /** Pause between chunks, to make streaming visible in demos. Default 0. */
  chunkDelayMs?: number;
  modelId?: string;
};

/** The text of the last user message (text parts joined; files ignored). */
export function lastUserMessage(prompt: LanguageModelV3Prompt): string {
  for (let i = prompt.length - 1; i >= 0; i--) {
    const message = prompt[i];
    if (message.role !== "user") continue;
    return message.content
      .map((part) => (part.type === "text" ? part.text : ""))
      .join("\n")
      .trim();
  }
  return "";
}

/** Deterministic chunks of 20–80 characters, seeded by the text itself. */
export function chunkText(text: string): string[] {
  const chunks: string[] = [];
  let seed = hashString(text) || 1;
  for (let at = 0; at < text.length; ) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    const size = 20 + (seed % 61);
    chunks.push(text.slice(at, at + size));
    at += size;
  }
  return chunks;
}

// A rough count (about four characters a token) — there is no tokenizer in a rule engine.
function usage(promptText: string, output: string): LanguageModelV3Usage {
  const input = Math.ceil(promptText.length / 4);
  const out = Math.ceil(output.length / 4);
  return {
    inputTokens: { total: input, noCache: input, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: out, text: out, reasoning: undefined },
  };
}

function promptLength(prompt: LanguageModelV3Prompt): string {
  return prompt
    .map((message) =>
      typeof message.content === "string"
        ? message.content
        : message.content
            .map((part) => ("text" in part && typeof part.text === "string" ? part.text : ""))
            .join(""),
    )
    .join("\n");
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });

export function createOfflineDesigner(options: OfflineDesignerOptions): LanguageModelV3 {
  const modelId = options.modelId ?? OFFLINE_DESIGNER_MODEL_ID;

  async function answer(call: LanguageModelV3CallOptions) {
    const message = lastUserMessage(call.prompt);
    const files = await options.loadFiles();
    const turn = await designTurn(message, files);
    return {
      text: turn.text,
      usage: usage(promptLength(call.prompt), turn.text),
      id: `designer-${hashString(message + turn.text).toString(36)}`,
    };
  }

  return {
    specificationVersion: "v3",
    provider: OFFLINE_DESIGNER_PROVIDER,
    modelId,
    supportedUrls: {},

    async doGenerate(call: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
      const { text, usage, id } = await answer(call);
      return {
        content: [{ type: "text", text }],
        finishReason: { unified: "stop", raw: "stop" },
        usage,
        response: { id, modelId },
        warnings: [],
      };
    },

    async doStream(call: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
      const { text, usage, id } = await answer(call);
      const chunks = chunkText(text);
      const delay = options.chunkDelayMs ?? 0;
      const signal = call.abortSignal;
      let index = 0;
      let phase: "start" | "text" | "done" = "start";

      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        async pull(controller) {
          if (phase === "start") {
            controller.enqueue({ type: "stream-start", warnings: [] });
            controller.enqueue({ type: "response-metadata", id, modelId });
            controller.enqueue({ type: "text-start", id: "text-0" });
            phase = "text";
            return;
          }
          if (phase === "text" && index < chunks.length && !signal?.aborted) {
            if (delay > 0 && index > 0) await sleep(delay, signal);
            controller.enqueue({ type: "text-delta", id: "text-0", delta: chunks[index++] });
            return;
          }
          if (phase === "text") {
            controller.enqueue({ type: "text-end", id: "text-0" });
            const aborted = signal?.aborted === true;
            controller.enqueue({
              type: "finish",
              usage,
              finishReason: aborted ? { unified: "other", raw: "aborted" } : { unified: "stop", raw: "stop" },
            });
            phase = "done";
            controller.close();
          }
        },
      });
      return { stream };
    },
  };
}
