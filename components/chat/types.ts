import type { ApplyStatusData, ChatUIMessage, CodeCardData } from "@/lib/ai/chat/schemas";
import type { AiSettingsView, ProviderId } from "@/lib/ai/models/schemas";

export type { ApplyStatusData, ChatUIMessage, CodeCardData };

/** The model the workspace answers with, as the chat shows it. */
export interface ChatModelInfo {
  provider: ProviderId;
  providerName: string;
  model: string;
  /** Ask the model once, automatically, to correct refused operations. */
  autoFix: boolean;
}

/** What the editor page renders on the server so the chat opens with its history, no spinner. */
export interface ChatInitialData {
  messages: ChatUIMessage[];
  nextCursor: string | null;
  model: ChatModelInfo | null;
}

export interface AiSettingsResponse {
  settings: AiSettingsView;
  providers: Record<
    ProviderId,
    { name: string; defaultModel: string; needsKey: boolean; needsBaseURL: boolean }
  >;
}

export type ApplyStatus = ApplyStatusData["status"];

const rank: Record<ApplyStatus, number> = { queued: 0, running: 1, succeeded: 2, failed: 2, cancelled: 2 };

export const isApplyPending = (status: ApplyStatus) => rank[status] < 2;

/**
 * Of two reports on the same apply run (the stream, realtime, polling), the one further along:
 * events may arrive in any order, and a run never goes back.
 */
export function laterApply(a: ApplyStatusData | undefined, b: ApplyStatusData | undefined) {
  if (!a) return b;
  if (!b) return a;
  if (a.runId !== b.runId) return b;
  if (rank[b.status] > rank[a.status]) return b;
  if (rank[b.status] < rank[a.status]) return a;
  // Same stage: prefer the report with more detail (the run's full refusal list).
  return (b.errors?.length ?? 0) >= (a.errors?.length ?? 0) ? b : a;
}

/** The text of a message's text parts. */
export function messageText(message: ChatUIMessage): string {
  return message.parts
    .map((part) => (part.type === "text" ? part.text : ""))
    .join("")
    .trim();
}

/** The data-apply part of an assistant message, if the turn produced operations. */
export function applyPartOf(message: ChatUIMessage): ApplyStatusData | undefined {
  for (const part of message.parts) if (part.type === "data-apply") return part.data;
  return undefined;
}

/** A refusal's reason without the path in front when the reason already starts with it. */
export function reasonWithoutPath(error: { path: string | null; reason: string }): string {
  const { path, reason } = error;
  return path && reason.startsWith(`${path}: `) ? reason.slice(path.length + 2) : reason;
}

/** The message sent to ask the model to correct refused operations. */
export function fixRequestText(errors: NonNullable<ApplyStatusData["errors"]>): string {
  const lines = errors.map((e) => `- ${e.path ?? "(the whole turn)"}: ${reasonWithoutPath(e)}`);
  return [
    "Some of your changes were refused:",
    ...(lines.length ? lines : ["- (no reason was given)"]),
    "Please correct just those operations.",
  ].join("\n");
}
