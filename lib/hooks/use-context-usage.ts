"use client";

import { useEffect, useState } from "react";
import type { ContextUsage } from "@/lib/ai/context/build-context";
import type { ErrorPayload } from "@/lib/errors";
import { projectApi, requestJson } from "@/lib/hooks/fetch-json";
import { useDebouncedValue } from "@/lib/hooks/use-debounced-value";

export type { ContextUsage };

export interface ContextUsageState {
  usage: ContextUsage | null;
  loading: boolean;
  error: ErrorPayload | null;
}

/**
 * How much of the model's token budget the next turn would use with `draft` as the message:
 * asked again 400 ms after typing stops, and whenever `refreshKey` changes (after each turn).
 * The last answer stays on screen while a new one loads.
 */
export function useContextUsage(projectId: string, draft: string, refreshKey: unknown): ContextUsageState {
  const debounced = useDebouncedValue(draft.slice(0, 8000), 400);
  const [state, setState] = useState<ContextUsageState>({ usage: null, loading: true, error: null });

  // biome-ignore lint/correctness/useExhaustiveDependencies: `refreshKey` is the refresh trigger
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    const url = projectApi(projectId, `/chat/context?draft=${encodeURIComponent(debounced)}`);
    requestJson<ContextUsage>(url, { signal: controller.signal, what: "Measuring the context" }).then(
      (result) => {
        if (controller.signal.aborted) return;
        setState((s) =>
          result.ok
            ? { usage: result.data, loading: false, error: null }
            : { usage: s.usage, loading: false, error: result.error },
        );
      },
      () => {
        // Aborted: a newer draft took over.
      },
    );
    return () => controller.abort();
  }, [projectId, debounced, refreshKey]);

  return state;
}
