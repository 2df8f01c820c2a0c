"use client";

import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { ContextUsageState } from "@/lib/hooks/use-context-usage";
import { cn } from "@/lib/utils";

const formatTokens = (n: number) =>
  n >= 10_000 ? `${Math.round(n / 1000)}k` : n >= 1000 ? `${(n / 1000).toFixed(1)}k` : String(n);

const reasonLabel: Record<string, string> = {
  named: "named",
  recent: "recently changed",
  imported: "imported",
  core: "core",
  other: "other",
};

const MAX_FILES_LISTED = 8;

/**
 * How much of the model's token budget the next turn would use: a small ring and a percentage,
 * with the breakdown and the files included in the tooltip (which opens on focus too).
 */
export function ContextMeter({ state }: { state: ContextUsageState }) {
  const { usage, error } = state;
  const ratio = usage ? Math.min(1, usage.total / Math.max(1, usage.budget)) : 0;
  const percent = Math.round(ratio * 100);
  const r = 6;
  const circumference = 2 * Math.PI * r;
  const tone =
    ratio >= 0.9 ? "text-destructive" : ratio >= 0.75 ? "text-amber-600 dark:text-amber-400" : "text-primary";
  const label = usage
    ? `Context: ${usage.total.toLocaleString()} of ${usage.budget.toLocaleString()} tokens (${percent}%)`
    : error
      ? "Context size unavailable"
      : "Measuring the context";

  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <button
          type="button"
          data-testid="context-meter"
          data-total={usage?.total}
          data-budget={usage?.budget}
          aria-label={label}
          className="inline-flex h-7 shrink-0 items-center gap-1.5 rounded-md px-1.5 text-xs tabular-nums text-muted-foreground outline-none transition-colors hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          <svg viewBox="0 0 16 16" className="size-3.5 -rotate-90" aria-hidden>
            <circle cx="8" cy="8" r={r} fill="none" strokeWidth="2.5" className="stroke-current opacity-20" />
            {usage && (
              <circle
                cx="8"
                cy="8"
                r={r}
                fill="none"
                strokeWidth="2.5"
                strokeLinecap="round"
                strokeDasharray={`${ratio * circumference} ${circumference}`}
                className={cn("stroke-current transition-[stroke-dasharray] duration-300", tone)}
              />
            )}
          </svg>
          <span>{usage ? `${percent}%` : error ? "—" : "…"}</span>
        </button>
      </TooltipTrigger>
      <TooltipContent side="top" align="start" className="max-w-72 text-left">
        {usage ? (
          <div className="grid gap-1.5 py-0.5">
            <p className="font-medium">
              Next message: {formatTokens(usage.total)} of {formatTokens(usage.budget)} tokens
            </p>
            <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-0.5 tabular-nums">
              <dt className="opacity-70">Instructions</dt>
              <dd>{usage.system.toLocaleString()}</dd>
              <dt className="opacity-70">Files</dt>
              <dd>{usage.files.toLocaleString()}</dd>
              <dt className="opacity-70">Conversation</dt>
              <dd>{usage.history.toLocaleString()}</dd>
              <dt className="opacity-70">Your message</dt>
              <dd>{usage.message.toLocaleString()}</dd>
            </dl>
            {usage.includedFiles.length > 0 && (
              <div className="grid gap-0.5 border-t border-background/20 pt-1.5">
                <p className="opacity-70">Files the model sees</p>
                <ul className="grid gap-0.5">
                  {usage.includedFiles.slice(0, MAX_FILES_LISTED).map((file) => (
                    <li key={file.path} className="flex justify-between gap-3">
                      <span className="truncate font-mono">{file.path}</span>
                      <span className="shrink-0 opacity-70">
                        {reasonLabel[file.reason] ?? file.reason} · {formatTokens(file.tokens)}
                      </span>
                    </li>
                  ))}
                </ul>
                {usage.includedFiles.length > MAX_FILES_LISTED && (
                  <p className="opacity-70">and {usage.includedFiles.length - MAX_FILES_LISTED} more</p>
                )}
                {usage.omittedFiles > 0 && (
                  <p className="opacity-70">
                    {usage.omittedFiles} file{usage.omittedFiles === 1 ? "" : "s"} left out to fit the budget
                  </p>
                )}
              </div>
            )}
          </div>
        ) : error ? (
          <span>
            The context size could not be measured: {error.message}
            {error.requestId ? ` (request ${error.requestId})` : ""}
          </span>
        ) : (
          <span>Measuring how much the next message uses…</span>
        )}
      </TooltipContent>
    </Tooltip>
  );
}
