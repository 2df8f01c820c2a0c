// Starts the embedded Pusher-protocol server inside the studio process (from
// lib/embedded/start.ts) unless Pusher is configured. Idempotent across hot reloads.
// Deliberately no "server-only": instrumentation.ts loads this outside the react-server layer.
import { log } from "@/lib/log";
import { embeddedRealtimeApp, pusherConfigured } from "./embedded-config";
import { type PusherProtocolServer, startPusherProtocolServer } from "./server/server";

const globalForServer = globalThis as unknown as {
  pagecraftRealtimeServer?: Promise<PusherProtocolServer | null>;
};

export function startEmbeddedRealtime(): Promise<void> {
  if (pusherConfigured) return Promise.resolve();
  globalForServer.pagecraftRealtimeServer ??= startPusherProtocolServer(embeddedRealtimeApp).then(
    (server) => {
      log.info("embedded realtime server listening", { url: `ws://${server.host}:${server.port}` });
      return server;
    },
    (error: NodeJS.ErrnoException) => {
      // Another studio on this machine may hold the port; the rest of the studio still works.
      log.error("embedded realtime server could not start", {
        port: embeddedRealtimeApp.port,
        hint: error.code === "EADDRINUSE" ? "The port is taken: set REALTIME_PORT to a free one." : undefined,
        error,
      });
      return null;
    },
  );
  return globalForServer.pagecraftRealtimeServer.then(() => undefined);
}
