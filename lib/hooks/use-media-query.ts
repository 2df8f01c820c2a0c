"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * Whether `query` matches. `null` during server rendering and hydration, so callers can render a
 * neutral placeholder instead of guessing the wrong layout.
 */
export function useMediaQuery(query: string): boolean | null {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    [query],
  );
  return useSyncExternalStore<boolean | null>(
    subscribe,
    () => window.matchMedia(query).matches,
    () => null,
  );
}
