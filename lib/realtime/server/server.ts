// The embedded realtime server: a small Pusher Channels (protocol 7) server on the `ws`
// package, so the studio uses the real `pusher` and `pusher-js` clients with no vendor account.
// WebSocket clients connect to /app/{key}; the `pusher` server client publishes through the
// signed HTTP API under /apps/{appId}/. One process, memory only.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { type ConnectionLimits, PusherConnection } from "./connection";
import { createHttpApi } from "./http-api";
import { ChannelHub, encodeMessage } from "./hub";
import type { AppCredentials } from "./signing";

export interface PusherProtocolServerOptions extends AppCredentials {
  host?: string;
  /** 0 picks a free port. */
  port: number;
  limits?: Partial<ConnectionLimits> & { maxConnections?: number; maxFrameBytes?: number };
}

export interface PusherProtocolServer {
  readonly host: string;
  readonly port: number;
  connectionCount(): number;
  close(): Promise<void>;
}

const defaultLimits: ConnectionLimits = {
  activityTimeoutSeconds: 120,
  pongTimeoutSeconds: 30,
  maxChannelsPerSocket: 100,
  maxChannelDataBytes: 1024,
  maxBufferedBytes: 4 * 1024 * 1024,
};

const SUPPORTED_PROTOCOLS = new Set([5, 6, 7]);

export async function startPusherProtocolServer(
  options: PusherProtocolServerOptions,
): Promise<PusherProtocolServer> {
  const app: AppCredentials = { appId: options.appId, key: options.key, secret: options.secret };
  const limits: ConnectionLimits = { ...defaultLimits, ...options.limits };
  const maxConnections = options.limits?.maxConnections ?? 10_000;
  const hub = new ChannelHub();
  const connections = new Set<PusherConnection>();
  const handleHttp = createHttpApi(app, hub);

  const http = createServer((request, response) => void handleHttp(request, response));
  // Client frames are small (subscribe with a signature and ≤1 KB of presence data).
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.limits?.maxFrameBytes ?? 16 * 1024 });

  http.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    const url = new URL(request.url ?? "/", "http://embedded");
    const match = /^\/app\/([^/]+)$/.exec(url.pathname);
    if (!match) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      ws.on("error", () => ws.terminate());
      // Refusals travel as pusher:error + a 4xxx close code so pusher-js knows not to retry.
      const refuse = (code: number, message: string) => {
        ws.send(encodeMessage("pusher:error", { code, message }));
        ws.close(code, message);
      };
      if (decodeURIComponent(match[1]) !== app.key) return refuse(4001, "App key not found");
      if (!SUPPORTED_PROTOCOLS.has(Number(url.searchParams.get("protocol") ?? 7))) {
        return refuse(4007, "Unsupported protocol version");
      }
      if (connections.size >= maxConnections) return refuse(4100, "Over connection limit");
      const connection = new PusherConnection(ws, app, hub, limits);
      connections.add(connection);
      ws.on("close", () => connections.delete(connection));
    });
  });

  const sweepMs = Math.max(250, Math.min(limits.activityTimeoutSeconds, limits.pongTimeoutSeconds) * 250);
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const connection of connections) connection.checkActivity(now);
  }, sweepMs);
  sweep.unref();

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port, host, () => {
      http.off("error", reject);
      resolve();
    });
  });
  http.on("error", () => {});

  return {
    host,
    port: (http.address() as AddressInfo).port,
    connectionCount: () => connections.size,
    async close() {
      clearInterval(sweep);
      for (const connection of connections) connection.close(4200, "Server shutting down");
      wss.close();
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
    },
  };
}
