"use client";

import { ChevronDown, ChevronRight } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { RelativeTime } from "@/components/common/relative-time";
import { Badge } from "@/components/ui/badge";
import { requestJson } from "@/lib/hooks/fetch-json";
import { useChannelEvent } from "@/lib/hooks/use-channel-event";
import type { JobRunSummary, JobStatus } from "@/lib/jobs/schemas";
import { projectChannel } from "@/lib/realtime/channels";

/** While a run is unfinished the list is refreshed this often, in case realtime is unavailable. */
const ACTIVE_POLL_MS = 2000;

const statusVariant: Record<JobStatus, "default" | "secondary" | "destructive" | "outline" | "accent"> = {
  queued: "outline",
  running: "accent",
  succeeded: "secondary",
  failed: "destructive",
  cancelled: "outline",
};

function formatDuration(ms: number | null): string {
  if (ms === null) return "–";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function JobsView({ projectId, initial }: { projectId: string; initial: JobRunSummary[] }) {
  const [runs, setRuns] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const inFlight = useRef(false);

  const refresh = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      const result = await requestJson<{ items: JobRunSummary[] }>(`/api/projects/${projectId}/jobs`, {
        what: "Loading jobs",
      });
      if (result.ok) {
        setRuns(result.data.items);
        setError(null);
      } else setError(result.error.message);
    } finally {
      inFlight.current = false;
    }
  }, [projectId]);

  // Progress arrives over realtime; each event (or a gap) refetches the list.
  useChannelEvent(projectChannel(projectId), "job.progress", () => void refresh(), {
    onGap: () => void refresh(),
  });

  const active = runs.some((r) => r.status === "queued" || r.status === "running");
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => void refresh(), ACTIVE_POLL_MS);
    return () => clearInterval(timer);
  }, [active, refresh]);

  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  if (runs.length === 0) {
    return (
      <p className="text-sm text-muted-foreground" data-testid="jobs-empty">
        No jobs have run for this project yet. Duplicates, exports and AI edits appear here.
      </p>
    );
  }

  return (
    <div className="space-y-2" data-testid="jobs-list">
      {error ? <p className="text-sm text-destructive">{error}</p> : null}
      {runs.map((run) => {
        const expanded = open.has(run.id);
        return (
          <div key={run.id} className="rounded-lg border" data-testid="job-run" data-status={run.status}>
            <button
              type="button"
              onClick={() => toggle(run.id)}
              className="flex w-full items-center gap-3 px-3 py-2 text-left text-sm"
              aria-expanded={expanded}
            >
              {expanded ? <ChevronDown className="size-4" /> : <ChevronRight className="size-4" />}
              <span className="font-medium" title={run.functionName}>
                {run.title}
              </span>
              <Badge variant={statusVariant[run.status]} data-testid="job-status">
                {run.status}
              </Badge>
              <span className="ml-auto flex items-center gap-3 text-xs text-muted-foreground">
                <span className="flex w-28 items-center gap-2" title={`${run.progress}%`}>
                  <span className="h-1.5 flex-1 overflow-hidden rounded bg-muted">
                    <span
                      className="block h-full bg-primary transition-[width]"
                      style={{ width: `${run.progress}%` }}
                      data-testid="job-progress"
                    />
                  </span>
                  {run.progress}%
                </span>
                <span className="w-16 text-right">{formatDuration(run.durationMs)}</span>
                <RelativeTime iso={run.createdAt} />
              </span>
            </button>
            {run.error ? (
              <p className="border-t px-3 py-2 font-mono text-xs text-destructive" data-testid="job-error">
                {run.error}
              </p>
            ) : null}
            {expanded ? (
              <ol className="border-t px-3 py-2 text-xs">
                {run.steps.length === 0 ? <li className="text-muted-foreground">No steps yet.</li> : null}
                {run.steps.map((step) => (
                  <li key={step.id} className="flex items-center gap-3 py-1">
                    <Badge variant={statusVariant[step.status]}>{step.status}</Badge>
                    <span className="font-mono">{step.name}</span>
                    {step.op !== "StepRun" ? <span className="text-muted-foreground">{step.op}</span> : null}
                    {step.attempts > 1 ? (
                      <span className="text-muted-foreground">{step.attempts} attempts</span>
                    ) : null}
                    {step.error ? <span className="truncate text-destructive">{step.error}</span> : null}
                    <span className="ml-auto text-muted-foreground">{formatDuration(step.durationMs)}</span>
                  </li>
                ))}
              </ol>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
