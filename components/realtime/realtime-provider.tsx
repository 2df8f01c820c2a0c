"use client";

import { useEffect, useState } from "react";
import { RealtimeContext } from "@/lib/hooks/use-realtime";
import { createRealtimeConnection, type RealtimeConnection } from "@/lib/realtime/client";
import type { RealtimeClientConfig } from "@/lib/realtime/types";

/**
 * Opens the tab's realtime connection with the configuration the server passed down (so one
 * build works against the embedded server and Pusher alike) and shares it with the hooks.
 */
export function RealtimeProvider({
  config,
  children,
}: {
  config: RealtimeClientConfig;
  children: React.ReactNode;
}) {
  const [connection, setConnection] = useState<RealtimeConnection | null>(null);
  // A refreshed layout passes an equal config as a new object; reconnect only when it changes.
  const configKey = JSON.stringify(config);

  useEffect(() => {
    const next = createRealtimeConnection(JSON.parse(configKey) as RealtimeClientConfig);
    setConnection(next);
    return () => {
      setConnection(null);
      next.disconnect();
    };
  }, [configKey]);

  return <RealtimeContext.Provider value={connection}>{children}</RealtimeContext.Provider>;
}
