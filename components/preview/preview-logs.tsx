"use client";

import { XIcon } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { projectApi, requestJson } from "@/lib/hooks/fetch-json";
import type { LogEntry } from "@/lib/sandbox/types";
import { cn } from "@/lib/utils";

const POLL_MS = 2_000;

/** The dev server's recent output, refreshed while open. */
export function PreviewLogs({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const [items, setItems] = useState<LogEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const bottom = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      const result = await requestJson<{ items: LogEntry[] }>(
        projectApi(projectId, "/preview/logs?limit=300"),
      );
      if (cancelled) return;
      if (result.ok) {
        setItems(result.data.items);
        setError(null);
      } else setError(result.error.message);
    };
    void load();
    const timer = setInterval(load, POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [projectId]);

  useEffect(() => {
    if (items?.length) bottom.current?.scrollIntoView({ block: "end" });
  }, [items]);

  return (
    <div className="flex h-56 shrink-0 flex-col border-t bg-background" data-testid="preview-logs-drawer">
      <div className="flex h-8 shrink-0 items-center border-b px-3 text-xs font-medium">
        Dev server logs
        <button
          type="button"
          onClick={onClose}
          aria-label="Close the logs"
          className="ml-auto rounded-sm text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          <XIcon className="size-3.5" aria-hidden />
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-auto px-3 py-2 font-mono text-xs leading-5">
        {error ? <p className="text-destructive">{error}</p> : null}
        {items === null && !error ? <p className="text-muted-foreground">Loading logs…</p> : null}
        {items?.length === 0 ? <p className="text-muted-foreground">No output yet.</p> : null}
        {items?.map((entry, i) => (
          <div
            key={i}
            className={cn(
              "whitespace-pre-wrap break-words",
              entry.stream === "stderr" && "text-destructive",
              entry.stream === "system" && "text-muted-foreground",
            )}
          >
            {entry.text}
          </div>
        ))}
        <div ref={bottom} />
      </div>
    </div>
  );
}
