// Builds what a model sees for one chat turn, within a token budget counted with a real
// tokenizer (o200k): the system prompt, the file tree, the most relevant files, recent messages
// verbatim and a summary of older ones. The same numbers feed the meter next to the input.
import type { ModelMessage } from "ai";
import { countTokens } from "gpt-tokenizer";
import { type Reason, rankFiles } from "./relevance";
import { buildSystemPrompt } from "./system-prompt";

export const DEFAULT_CONTEXT_BUDGET = 24_000;
/** Messages kept word for word; older ones are summarized. */
export const RECENT_MESSAGES = 8;

export interface HistoryMessage {
  role: "user" | "assistant";
  content: string;
  /** Paths the assistant's turn changed, for the summary of older turns. */
  paths?: string[];
}

export interface ContextInput {
  files: Map<string, string>;
  recentlyChanged: string[];
  history: HistoryMessage[];
  message: string;
  budget?: number;
}

export interface ContextUsage {
  budget: number;
  system: number;
  files: number;
  history: number;
  message: number;
  total: number;
  includedFiles: Array<{ path: string; tokens: number; reason: Reason }>;
  omittedFiles: number;
}

export interface ChatContext {
  system: string;
  messages: ModelMessage[];
  usage: ContextUsage;
}

function summarize(older: HistoryMessage[]): string {
  const lines = older.map((m) => {
    const text = m.content.replace(/\s+/g, " ").trim().slice(0, 160);
    return m.role === "user"
      ? `- The person asked: ${text}`
      : `- You answered: ${text}${m.paths?.length ? ` (changed ${m.paths.slice(0, 6).join(", ")})` : ""}`;
  });
  return `Summary of the earlier conversation:\n${lines.join("\n")}`;
}

export function buildChatContext(input: ContextInput): ChatContext {
  const budget = input.budget ?? DEFAULT_CONTEXT_BUDGET;
  const system = buildSystemPrompt();
  const systemTokens = countTokens(system);
  const messageTokens = countTokens(input.message);

  const recent = input.history.slice(-RECENT_MESSAGES);
  const older = input.history.slice(0, -RECENT_MESSAGES);
  const historyMessages: ModelMessage[] = [];
  if (older.length > 0) historyMessages.push({ role: "user", content: summarize(older) });
  for (const m of recent) historyMessages.push({ role: m.role, content: m.content });
  const historyTokens = historyMessages.reduce((n, m) => n + countTokens(String(m.content)), 0);

  const tree = [...input.files.keys()].sort().join("\n");
  let fileBudget = budget - systemTokens - messageTokens - historyTokens - countTokens(tree) - 200;
  const included: ContextUsage["includedFiles"] = [];
  const blocks: string[] = [];
  const ranked = rankFiles(input.files, input.message, input.recentlyChanged);
  for (const { path, reason } of ranked) {
    const content = input.files.get(path) ?? "";
    const block = `<file path="${path}">\n${content}\n</file>`;
    const tokens = countTokens(block);
    if (tokens > fileBudget) continue;
    fileBudget -= tokens;
    included.push({ path, tokens, reason });
    blocks.push(block);
  }
  const filesText = `The project's files:\n${tree}\n\nCurrent content of the most relevant files:\n${blocks.join("\n\n")}`;
  const filesTokens = countTokens(filesText);

  return {
    system,
    messages: [
      { role: "user", content: filesText },
      { role: "assistant", content: "<response>\nI have read the files.\n</response>" },
      ...historyMessages,
      { role: "user", content: input.message },
    ],
    usage: {
      budget,
      system: systemTokens,
      files: filesTokens,
      history: historyTokens,
      message: messageTokens,
      total: systemTokens + filesTokens + historyTokens + messageTokens,
      includedFiles: included,
      omittedFiles: ranked.length - included.length,
    },
  };
}
