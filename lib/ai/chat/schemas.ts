// The chat's wire types: the request body, and the UI message (AI SDK) with our data parts —
// a card per `<code>` block and the turn's apply status.
import type { UIMessage } from "ai";
import { z } from "zod";
import type { CodeAction } from "@/lib/ai/protocol/types";

export const chatBodySchema = z.strictObject({
  /** The person's message. */
  text: z.string().trim().min(1, "Write a message first.").max(8000, "Keep messages under 8,000 characters."),
  /** `regenerate` answers the last message again instead of adding a new one; the new answer
   *  replaces the earlier ones in the history (they are kept, marked superseded). */
  trigger: z.enum(["submit", "regenerate"]).default("submit"),
  /** Marks an automatic correction turn, so it is never corrected automatically again. */
  autoFix: z.boolean().default(false),
});
export type ChatBody = z.infer<typeof chatBodySchema>;

export type CodeCardStatus = "streaming" | "valid" | "invalid" | "truncated";

export interface CodeCardData {
  index: number;
  path: string;
  action: CodeAction;
  to?: string;
  status: CodeCardStatus;
  /** Lines received so far while streaming; the final count when it closes. */
  lines: number;
  linesAdded: number;
  linesRemoved: number;
  reason?: string;
}

export interface ApplyStatusData {
  runId: string;
  status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
  versionId: string | null;
  versionNumber: number | null;
  errors?: Array<{ index: number | null; path: string | null; reason: string }>;
}

export interface ChatMetadata {
  createdAt?: string;
  model?: string;
  autoFix?: boolean;
  status?: "complete" | "stopped" | "error";
}

export type ChatUIMessage = UIMessage<ChatMetadata, { code: CodeCardData; apply: ApplyStatusData }>;

export const listMessagesQuerySchema = z.strictObject({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const contextQuerySchema = z.strictObject({
  draft: z.string().max(8000).default(""),
});
