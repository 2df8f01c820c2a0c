"use client";

import { createContext, useContext } from "react";
import type { RealtimeConnection } from "@/lib/realtime/client";

/** The tab's realtime connection; null until the provider has connected (and during SSR). */
export const RealtimeContext = createContext<RealtimeConnection | null>(null);

export function useRealtime(): RealtimeConnection | null {
  return useContext(RealtimeContext);
}
