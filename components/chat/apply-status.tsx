"use client";

import {
  BanIcon,
  CheckCircle2Icon,
  ClockIcon,
  Loader2Icon,
  WandSparklesIcon,
  XCircleIcon,
} from "lucide-react";
import { type ApplyStatusData, reasonWithoutPath } from "@/components/chat/types";
import { Button } from "@/components/ui/button";

interface ApplyStatusProps {
  apply: ApplyStatusData;
  onOpenHistory: () => void;
  /** Sends the refusals back to the model; null hides the button. */
  onAskToFix: (() => void) | null;
  askToFixDisabled?: boolean;
  /** The fix was already asked for automatically. */
  autoFixSent?: boolean;
}

/** Under an answer: what happened to its changes — queued, applying, applied as vN, or refused. */
export function ApplyStatus({
  apply,
  onOpenHistory,
  onAskToFix,
  askToFixDisabled,
  autoFixSent,
}: ApplyStatusProps) {
  const common = { "data-testid": "apply-status", "data-status": apply.status } as const;
  switch (apply.status) {
    case "queued":
      return (
        <p {...common} className="flex items-center gap-1.5 text-xs text-muted-foreground">
          <ClockIcon className="size-3.5" aria-hidden />
          Queued — the changes are applied next…
        </p>
      );
    case "running":
      return (
        <p {...common} className="flex items-center gap-1.5 text-xs text-muted-foreground">
          <Loader2Icon className="size-3.5 animate-spin" aria-hidden />
          Applying the changes…
        </p>
      );
    case "succeeded":
      return (
        <p {...common} className="flex items-center gap-1.5 text-xs text-muted-foreground">
          <CheckCircle2Icon className="size-3.5 text-emerald-600 dark:text-emerald-400" aria-hidden />
          <span>
            Applied as{" "}
            <button
              type="button"
              onClick={onOpenHistory}
              data-testid="apply-version-link"
              aria-label={`Applied as version ${apply.versionNumber ?? ""}, open History`}
              className="rounded-sm font-mono font-medium text-foreground underline underline-offset-2 outline-none hover:text-primary focus-visible:ring-[3px] focus-visible:ring-ring/50"
            >
              v{apply.versionNumber ?? "?"}
            </button>
          </span>
        </p>
      );
    case "cancelled":
      return (
        <p {...common} className="flex items-center gap-1.5 text-xs text-muted-foreground">
          <BanIcon className="size-3.5" aria-hidden />
          Not applied — the apply was cancelled. The previous version stays current.
        </p>
      );
    case "failed": {
      const errors = apply.errors ?? [];
      return (
        <div
          {...common}
          className="grid gap-2 rounded-lg border border-destructive/30 bg-destructive/5 p-2.5 text-xs"
        >
          <p className="flex items-center gap-1.5 font-medium">
            <XCircleIcon className="size-3.5 shrink-0 text-destructive" aria-hidden />
            Changes refused — nothing was applied; the previous version stays current.
          </p>
          {errors.length > 0 && (
            <ul data-testid="apply-errors" className="grid gap-1 pl-5">
              {errors.map((error, i) => (
                <li key={i} className="list-disc break-words">
                  {error.path && <span className="font-mono">{error.path}</span>}
                  {error.path && ": "}
                  <span className="text-muted-foreground">{reasonWithoutPath(error)}</span>
                </li>
              ))}
            </ul>
          )}
          {onAskToFix && (
            <div className="flex flex-wrap items-center gap-2">
              <Button
                type="button"
                size="sm"
                variant="outline"
                className="h-7 bg-background text-xs"
                onClick={onAskToFix}
                disabled={askToFixDisabled}
                data-testid="ask-to-fix"
              >
                <WandSparklesIcon aria-hidden />
                Ask to fix these
              </Button>
              {autoFixSent && (
                <span className="text-muted-foreground">Already asked automatically, once.</span>
              )}
            </div>
          )}
        </div>
      );
    }
  }
}
