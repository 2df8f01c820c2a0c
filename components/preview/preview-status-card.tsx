"use client";

import { AlertTriangleIcon, CodeIcon, Loader2Icon, PauseIcon, RotateCwIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { ErrorPayload } from "@/lib/errors";
import type { PreviewView } from "@/lib/preview/schemas";
import type { PreviewPhase } from "./use-live-preview";

/** What covers the frame until the page has rendered: never a blank white frame. */
export function PreviewStatusCard({
  phase,
  view,
  startError,
  onRetry,
  onShowCode,
}: {
  phase: PreviewPhase;
  view: PreviewView | null;
  startError: ErrorPayload | null;
  onRetry: () => void;
  onShowCode: () => void;
}) {
  let icon = <Loader2Icon className="size-5 animate-spin text-primary" aria-hidden />;
  let title = "Starting preview…";
  let body = "A dev server is starting for this project. The page appears here in a moment.";
  let action: React.ReactNode = null;

  if (phase === "broken") {
    icon = <AlertTriangleIcon className="size-5 text-destructive" aria-hidden />;
    title = "The page hit an error";
    body = "The error is shown below the preview, with ways to fix it.";
  } else if (phase === "loading") {
    title = "Loading the page…";
    body = "The dev server is up; the page is rendering.";
  } else if (phase === "paused") {
    icon = <PauseIcon className="size-5 text-muted-foreground" aria-hidden />;
    title = "Resuming the preview…";
    body = "It was paused while nobody was looking.";
  } else if (phase === "failed" || phase === "error" || phase === "stopped") {
    icon = <AlertTriangleIcon className="size-5 text-destructive" aria-hidden />;
    title = phase === "stopped" ? "The preview is not running" : "The preview could not start";
    body = startError?.message ?? view?.error ?? "Something went wrong while starting the dev server.";
    action = (
      <div className="flex flex-wrap justify-center gap-2">
        <Button size="sm" onClick={onRetry} data-testid="preview-retry">
          <RotateCwIcon aria-hidden />
          {phase === "stopped" ? "Start the preview" : "Try again"}
        </Button>
        <Button variant="outline" size="sm" onClick={onShowCode}>
          <CodeIcon aria-hidden />
          Browse the code
        </Button>
      </div>
    );
  }

  return (
    <div
      className="absolute inset-0 flex flex-col items-center justify-center gap-3 bg-background p-6 text-center"
      data-testid="preview-status-card"
    >
      <div
        aria-hidden
        className="absolute inset-0 bg-[radial-gradient(50%_60%_at_50%_35%,color-mix(in_oklch,var(--primary)_8%,transparent),transparent)]"
      />
      <div className="relative grid max-w-sm justify-items-center gap-3">
        <span className="grid size-10 place-items-center rounded-full border bg-card shadow-xs">{icon}</span>
        <p className="text-base font-medium">{title}</p>
        <p className="line-clamp-4 whitespace-pre-line break-words text-muted-foreground" title={body}>
          {body}
        </p>
        {phase === "starting" || phase === "booting" ? (
          <div className="h-1 w-40 overflow-hidden rounded-full bg-muted" aria-hidden>
            <div className="h-full w-1/3 animate-[preview-progress_1.2s_ease-in-out_infinite] rounded-full bg-primary" />
          </div>
        ) : null}
        {startError?.requestId ? (
          <p className="text-xs text-muted-foreground">Request id: {startError.requestId}</p>
        ) : null}
        {action}
      </div>
      <style>
        {"@keyframes preview-progress{0%{transform:translateX(-100%)}100%{transform:translateX(300%)}}"}
      </style>
    </div>
  );
}
