"use client";

import { RotateCcwIcon, SquareIcon, WandSparklesIcon } from "lucide-react";
import { memo } from "react";
import { ApplyStatus } from "@/components/chat/apply-status";
import { CodeCard } from "@/components/chat/code-card";
import { ChatMarkdown } from "@/components/chat/markdown";
import type { ApplyStatusData, ChatUIMessage } from "@/components/chat/types";
import { Button } from "@/components/ui/button";

export function ThinkingDots({ label = "Thinking…" }: { label?: string }) {
  return (
    <span className="inline-flex items-center gap-2 text-muted-foreground">
      <span aria-hidden className="inline-flex gap-1">
        {[0, 150, 300].map((delay) => (
          <span
            key={delay}
            className="size-1.5 rounded-full bg-current motion-safe:animate-pulse"
            style={{ animationDelay: `${delay}ms` }}
          />
        ))}
      </span>
      {label}
    </span>
  );
}

interface ChatMessageProps {
  message: ChatUIMessage;
  /** This answer is streaming in right now. */
  streaming: boolean;
  /** The person stopped this answer before it finished. */
  stopped: boolean;
  /** The apply status to show: the stream's, or a later one from realtime or polling. */
  apply: ApplyStatusData | undefined;
  onOpenHistory: () => void;
  onAskToFix: (messageId: string) => void;
  busy: boolean;
  autoFixSent: boolean;
  /** Answer again (the last answer only). */
  onRetry: (() => void) | null;
}

/** One message: the person's as a bubble on the right, the assistant's as markdown and code cards. */
export const ChatMessage = memo(function ChatMessage({
  message,
  streaming,
  stopped,
  apply,
  onOpenHistory,
  onAskToFix,
  busy,
  autoFixSent,
  onRetry,
}: ChatMessageProps) {
  if (message.role === "user") {
    const text = message.parts.map((p) => (p.type === "text" ? p.text : "")).join("");
    return (
      <div data-testid="chat-message" data-role="user" className="grid justify-items-end gap-1">
        {message.metadata?.autoFix && (
          <span className="flex items-center gap-1 text-xs text-muted-foreground">
            <WandSparklesIcon className="size-3" aria-hidden />
            Sent automatically to fix refused changes
          </span>
        )}
        <div className="max-w-[85%] rounded-2xl rounded-br-md bg-secondary px-3 py-2 whitespace-pre-wrap break-words text-secondary-foreground">
          <span className="sr-only">You: </span>
          {text}
        </div>
        {stopped && onRetry && (
          <div className="flex items-center gap-2 text-xs text-muted-foreground" data-testid="chat-stopped">
            <SquareIcon className="size-3" aria-hidden />
            Stopped before the answer started.
            <AnswerAgainButton onClick={onRetry} disabled={busy} />
          </div>
        )}
      </div>
    );
  }

  const visible = message.parts.filter(
    (p) => (p.type === "text" && p.text.trim() !== "") || p.type === "data-code",
  );
  const failed = message.metadata?.status === "error";
  const wasStopped = stopped || message.metadata?.status === "stopped";
  const interrupted = !streaming;
  return (
    <div data-testid="chat-message" data-role="assistant" className="grid min-w-0 gap-2.5">
      <span className="sr-only">Assistant: </span>
      {visible.map((part, i) =>
        part.type === "text" ? (
          <ChatMarkdown key={i} text={part.text} />
        ) : part.type === "data-code" ? (
          <CodeCard key={part.id ?? i} card={part.data} interrupted={interrupted} />
        ) : null,
      )}
      {streaming && visible.length === 0 && <ThinkingDots />}
      {!streaming && visible.length === 0 && !wasStopped && (
        <p className="text-muted-foreground">
          {failed ? "This answer failed before it said anything." : "No answer."}
        </p>
      )}
      {wasStopped && !streaming && (
        <p className="flex items-center gap-1.5 text-xs text-muted-foreground" data-testid="chat-stopped">
          <SquareIcon className="size-3" aria-hidden />
          {/* The server never applies a stopped answer, not even its finished blocks. */}
          Stopped — nothing from this answer was applied.
        </p>
      )}
      {apply && (
        <ApplyStatus
          apply={apply}
          onOpenHistory={onOpenHistory}
          onAskToFix={() => onAskToFix(message.id)}
          askToFixDisabled={busy}
          autoFixSent={autoFixSent}
        />
      )}
      {onRetry && !streaming && (wasStopped || failed) && (
        <div>
          <AnswerAgainButton onClick={onRetry} disabled={busy} />
        </div>
      )}
    </div>
  );
});

function AnswerAgainButton({ onClick, disabled }: { onClick: () => void; disabled: boolean }) {
  return (
    <Button
      type="button"
      size="sm"
      variant="ghost"
      className="h-7 text-xs"
      onClick={onClick}
      disabled={disabled}
    >
      <RotateCcwIcon aria-hidden />
      Answer again
    </Button>
  );
}
