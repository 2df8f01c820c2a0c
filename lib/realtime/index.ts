// Picks the realtime driver from the environment: Pusher when PUSHER_APP_ID/KEY/SECRET are set,
// else the embedded Pusher-protocol server (started by lib/embedded/start.ts). Both are spoken to
// with the same `pusher` client; only the address and credentials differ.
// Deliberately no "server-only": scripts (the seed) reach this through lib/projects.
import { env } from "@/lib/env";
import { embeddedRealtimeApp, pusherConfigured } from "./embedded-config";
import { createPusherRealtime } from "./pusher";
import type { RealtimeClientConfig, RealtimeServer } from "./types";

const globalForRealtime = globalThis as unknown as { pagecraftRealtime?: RealtimeServer };

function createFromEnv(): RealtimeServer {
  if (pusherConfigured) {
    return createPusherRealtime({
      appId: env.PUSHER_APP_ID as string,
      key: env.PUSHER_KEY as string,
      secret: env.PUSHER_SECRET as string,
      cluster: env.PUSHER_CLUSTER,
      host: env.PUSHER_HOST,
      port: env.PUSHER_PORT,
      useTLS: env.PUSHER_USE_TLS,
    });
  }
  return createPusherRealtime({
    ...embeddedRealtimeApp,
    useTLS: false,
    timeoutMs: 2000,
    driver: "embedded",
  });
}

export function getRealtime(): RealtimeServer {
  globalForRealtime.pagecraftRealtime ??= createFromEnv();
  return globalForRealtime.pagecraftRealtime;
}

/** Tests point the app at a realtime server of their own (undefined: back to the environment's). */
export function setRealtime(realtime: RealtimeServer | undefined): void {
  globalForRealtime.pagecraftRealtime = realtime;
}

/** What the browser's pusher-js needs, decided at run time (no build-time variables). */
export function getRealtimeClientConfig(): RealtimeClientConfig {
  const authEndpoint = "/api/realtime/auth";
  if (pusherConfigured) {
    return {
      key: env.PUSHER_KEY as string,
      cluster: env.PUSHER_CLUSTER ?? "mt1",
      wsHost: env.PUSHER_HOST ?? null,
      wsHostFromPage: false,
      wsPort: env.PUSHER_PORT ?? null,
      forceTLS: env.PUSHER_USE_TLS,
      authEndpoint,
    };
  }
  return {
    key: embeddedRealtimeApp.key,
    cluster: "embedded",
    wsHost: null,
    wsHostFromPage: true,
    wsPort: embeddedRealtimeApp.port,
    forceTLS: false,
    authEndpoint,
  };
}

export type { RealtimeServer } from "./types";
