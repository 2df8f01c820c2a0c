"use client";

import { APICallError } from "ai";
import { AlertCircleIcon, RotateCcwIcon } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

/** What the chat knows about the last request besides the error itself. */
export interface ResponseInfo {
  status: number;
  requestId: string | null;
  retryAfter: number | null;
  at: number;
}

export interface ChatErrorInfo {
  message: string;
  requestId: string | null;
  /** Seconds to wait before retrying (rate limit), counted from `at`. */
  retryAfter: number | null;
  at: number;
}

/** The error of a failed turn, in words, with the request id for support. */
export function describeChatError(error: Error, response: ResponseInfo | null): ChatErrorInfo {
  const at = response?.at ?? Date.now();
  let requestId = response?.requestId ?? null;
  let retryAfter = response?.retryAfter ?? null;
  if (APICallError.isInstance(error)) {
    // Refused before the answer started: the body is `{ error: { code, message, requestId } }`.
    let message = `The message could not be sent (HTTP ${error.statusCode ?? "error"}).`;
    try {
      const body = JSON.parse(error.responseBody ?? "") as {
        error?: { message?: string; requestId?: string; details?: { retryAfterSeconds?: number } };
      };
      if (body.error?.message) message = body.error.message;
      requestId = body.error?.requestId ?? requestId;
      retryAfter ??= body.error?.details?.retryAfterSeconds ?? null;
    } catch {
      // Not JSON (a proxy's page): keep the message built from the status.
    }
    if (error.statusCode === 429) {
      retryAfter ??= 30;
      message = "Too many messages in a short time.";
    }
    return { message, requestId, retryAfter: error.statusCode === 429 ? retryAfter : null, at };
  }
  if (error instanceof TypeError || /failed to fetch|network/i.test(error.message)) {
    return {
      message: "The message did not reach the server. Check your connection and try again.",
      requestId,
      retryAfter: null,
      at,
    };
  }
  // An error inside the stream: the server's own words.
  return { message: error.message || "The model failed to answer.", requestId, retryAfter: null, at };
}

function useSecondsLeft(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= until) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

/** A failed turn: what failed, the request id, and Retry (after the rate limit's wait). */
export function ChatErrorNotice({ info, onRetry }: { info: ChatErrorInfo; onRetry: () => void }) {
  const secondsLeft = useSecondsLeft(info.retryAfter === null ? null : info.at + info.retryAfter * 1000);
  const waiting = secondsLeft > 0;
  return (
    <div
      role="alert"
      data-testid="chat-error"
      className="grid gap-2 rounded-lg border border-destructive/30 bg-destructive/5 p-3 text-sm"
    >
      <div className="flex items-start gap-2">
        <AlertCircleIcon className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden />
        <div className="grid gap-1">
          <p className="font-medium">
            {info.message}
            {info.retryAfter !== null &&
              (waiting
                ? ` Try again in ${secondsLeft} second${secondsLeft === 1 ? "" : "s"}.`
                : " You can try again now.")}
          </p>
          {info.requestId && (
            <p className="text-xs text-muted-foreground">
              Request id: <span className="font-mono select-all">{info.requestId}</span>
            </p>
          )}
        </div>
      </div>
      <div>
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={onRetry}
          disabled={waiting}
          data-testid="chat-retry"
        >
          <RotateCcwIcon aria-hidden />
          {waiting ? `Retry in ${secondsLeft}s` : "Retry"}
        </Button>
      </div>
    </div>
  );
}
