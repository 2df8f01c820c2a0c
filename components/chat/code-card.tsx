"use client";

import { AlertTriangleIcon, ArrowRightIcon, CheckCircle2Icon, Loader2Icon, XCircleIcon } from "lucide-react";
import { type CodeCardData, reasonWithoutPath } from "@/components/chat/types";
import { FileIcon } from "@/components/editor/file-icon";
import { cn } from "@/lib/utils";

const actionStyles: Record<CodeCardData["action"], string> = {
  write: "border-sky-500/30 text-sky-700 dark:text-sky-300",
  patch: "border-amber-500/30 text-amber-700 dark:text-amber-300",
  delete: "border-red-500/30 text-red-700 dark:text-red-300",
  rename: "border-violet-500/30 text-violet-700 dark:text-violet-300",
};

/** Keyframes for the streaming shimmer; React hoists the tag into <head> once. */
export function ChatStyles() {
  return (
    <style href="pagecraft-chat-shimmer" precedence="default">
      {"@keyframes chat-shimmer{0%{transform:translateX(-100%)}100%{transform:translateX(250%)}}"}
    </style>
  );
}

/**
 * One `<code>` block of an answer: the file, what happens to it, and how it went — a live line
 * count with a shimmer while it streams, then +added −removed and the validation result.
 * `interrupted`: the answer stopped while this block was still open.
 */
export function CodeCard({ card, interrupted = false }: { card: CodeCardData; interrupted?: boolean }) {
  const status = card.status === "streaming" && interrupted ? "truncated" : card.status;
  const streaming = status === "streaming";
  const reason = card.reason
    ? reasonWithoutPath({ path: card.path, reason: card.reason })
    : status === "truncated"
      ? "The answer ended before this block was complete."
      : undefined;
  return (
    <div
      data-testid="code-card"
      data-path={card.path}
      data-status={status}
      className={cn(
        "relative overflow-hidden rounded-lg border bg-card text-card-foreground shadow-xs",
        status === "invalid" && "border-destructive/40",
        status === "truncated" && "border-amber-500/40",
      )}
    >
      <div className="flex min-w-0 items-center gap-2 px-2.5 py-2">
        <FileIcon path={card.to ?? card.path} />
        <span
          className="min-w-0 flex-1 truncate font-mono text-xs"
          title={card.to ? `${card.path} → ${card.to}` : card.path}
        >
          {card.path}
          {card.to && (
            <>
              <ArrowRightIcon className="mx-1 inline size-3 align-[-2px] text-muted-foreground" aria-hidden />
              <span className="sr-only"> renamed to </span>
              {card.to}
            </>
          )}
        </span>
        <span
          className={cn(
            "shrink-0 rounded border px-1.5 py-px font-mono text-[10px] font-medium uppercase tracking-wide",
            actionStyles[card.action],
          )}
        >
          {card.action}
        </span>
        <span className="shrink-0 font-mono text-xs tabular-nums text-muted-foreground">
          {streaming || status === "truncated" || status === "invalid" ? (
            <span aria-live="off">
              {card.lines} line{card.lines === 1 ? "" : "s"}
            </span>
          ) : card.action === "rename" && card.linesAdded === 0 && card.linesRemoved === 0 ? null : (
            <>
              <span className="text-emerald-700 dark:text-emerald-400">+{card.linesAdded}</span>{" "}
              <span className="text-red-700 dark:text-red-400">−{card.linesRemoved}</span>
            </>
          )}
        </span>
        <StatusIcon status={status} />
      </div>
      {reason && status !== "valid" && (
        <p
          className={cn(
            "border-t px-2.5 py-1.5 text-xs",
            status === "invalid" ? "text-destructive" : "text-amber-700 dark:text-amber-300",
          )}
        >
          {reason}
        </p>
      )}
      {streaming && (
        <div aria-hidden className="absolute inset-x-0 bottom-0 h-0.5 overflow-hidden bg-primary/10">
          <div className="h-full w-2/5 bg-gradient-to-r from-transparent via-primary/70 to-transparent motion-safe:animate-[chat-shimmer_1.2s_ease-in-out_infinite]" />
        </div>
      )}
    </div>
  );
}

function StatusIcon({ status }: { status: CodeCardData["status"] }) {
  switch (status) {
    case "streaming":
      return (
        <>
          <Loader2Icon className="size-3.5 shrink-0 animate-spin text-muted-foreground" aria-hidden />
          <span className="sr-only">Writing</span>
        </>
      );
    case "valid":
      return (
        <>
          <CheckCircle2Icon className="size-4 shrink-0 text-emerald-600 dark:text-emerald-400" aria-hidden />
          <span className="sr-only">Valid</span>
        </>
      );
    case "invalid":
      return (
        <>
          <XCircleIcon className="size-4 shrink-0 text-destructive" aria-hidden />
          <span className="sr-only">Refused</span>
        </>
      );
    default:
      return (
        <>
          <AlertTriangleIcon className="size-4 shrink-0 text-amber-600 dark:text-amber-400" aria-hidden />
          <span className="sr-only">Incomplete</span>
        </>
      );
  }
}
