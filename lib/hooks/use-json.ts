"use client";

import { useCallback, useEffect, useState } from "react";
import type { ErrorPayload } from "@/lib/errors";
import { requestJson } from "@/lib/hooks/fetch-json";

export type JsonState<T> =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "ready"; data: T }
  | { status: "error"; error: ErrorPayload };

// Answers that can never change (a diff between two versions) are kept for the session.
const immutableCache = new Map<string, unknown>();

/**
 * GETs `url` whenever it changes (nothing while it is null); `retry` asks again after a failure.
 * With `immutable`, an answer is cached by URL for the session.
 */
export function useJson<T>(url: string | null, options: { immutable?: boolean; what?: string } = {}) {
  const { immutable = false, what } = options;
  const [state, setState] = useState<JsonState<T>>({ status: "idle" });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger
  useEffect(() => {
    if (!url) {
      setState({ status: "idle" });
      return;
    }
    if (immutable && immutableCache.has(url)) {
      setState({ status: "ready", data: immutableCache.get(url) as T });
      return;
    }
    const controller = new AbortController();
    setState({ status: "loading" });
    requestJson<T>(url, { signal: controller.signal, what }).then(
      (result) => {
        if (controller.signal.aborted) return;
        if (!result.ok) {
          setState({ status: "error", error: result.error });
          return;
        }
        if (immutable) immutableCache.set(url, result.data);
        setState({ status: "ready", data: result.data });
      },
      () => {
        // Aborted: a newer request (or unmount) took over.
      },
    );
    return () => controller.abort();
  }, [url, immutable, what, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
