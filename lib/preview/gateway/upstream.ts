// How the preview gateway reaches a dev server, for either kind of upstream a sandbox driver
// names (lib/sandbox/types.ts): a local one (a Unix socket or a loopback port, spoken to as
// `Host: localhost`, which Vite accepts) or a remote one (E2B: an https base URL whose host name
// routes to the sandbox, so it is the Host header, plus headers that let a request in, such as the
// traffic access token). Both carry plain HTTP requests and raw websocket upgrades (Vite's HMR).
//
// Timeouts: connecting (TCP) may take CONNECT_TIMEOUT_MS; after that an upstream that stays silent
// for IDLE_TIMEOUT_MS (no bytes either way) is given up on. Either is reported like any other
// upstream error. A websocket, once answered, may stay idle for as long as it likes.
import {
  type ClientRequest,
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
} from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { isIP, connect as netConnect, type Socket } from "node:net";
import { type ConnectionOptions, connect as tlsConnect } from "node:tls";
import type { SandboxUpstream } from "@/lib/sandbox/types";
import { PREVIEW_COOKIE } from "../tokens";

export const CONNECT_TIMEOUT_MS = 10_000;
export const IDLE_TIMEOUT_MS = 60_000;

export interface UpstreamOptions {
  connectTimeoutMs?: number;
  idleTimeoutMs?: number;
  /** TLS settings for https upstreams beyond the system's (tests trust their own certificate). */
  tls?: Pick<ConnectionOptions, "ca" | "rejectUnauthorized">;
}

/** Where one request goes: resolved once from the driver's description of the upstream. */
export interface UpstreamTarget {
  secure: boolean;
  /** The Host header the upstream expects. */
  hostHeader: string;
  /** The base URL's path, prefixed to every request's (empty for a bare origin). */
  pathPrefix: string;
  /** A Unix socket; else host and port. */
  socketPath?: string;
  host: string;
  port: number;
  /** Added to every request and upgrade; lower-case names. */
  headers: Record<string, string>;
}

const hopByHop = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

export function isHopByHop(name: string): boolean {
  return hopByHop.has(name);
}

export function resolveTarget(upstream: SandboxUpstream): UpstreamTarget {
  if (upstream.kind === "local") {
    return {
      secure: false,
      // Vite refuses Host names it was not told about (DNS-rebinding protection); localhost it knows.
      hostHeader: "localhost",
      pathPrefix: "",
      socketPath: upstream.socketPath,
      host: upstream.host ?? "127.0.0.1",
      port: upstream.port ?? 80,
      headers: {},
    };
  }
  const base = new URL(upstream.url);
  if (base.protocol !== "https:" && base.protocol !== "http:")
    throw new Error(`unsupported upstream protocol ${base.protocol}`);
  const secure = base.protocol === "https:";
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(upstream.headers)) {
    // A value with a line break would end the header block of a raw upgrade request.
    if (!/[\r\n]/.test(value)) headers[name.toLowerCase()] = value;
  }
  return {
    secure,
    hostHeader: base.host,
    pathPrefix: base.pathname.replace(/\/+$/, ""),
    host: base.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: base.port ? Number(base.port) : secure ? 443 : 80,
    headers,
  };
}

/** The Cookie header without ours (the dev server runs project code and never sees the token). */
function stripOurCookie(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const kept = header
    .split(";")
    .map((p) => p.trim())
    .filter((p) => p && !p.startsWith(`${PREVIEW_COOKIE}=`));
  return kept.length ? kept.join("; ") : undefined;
}

export interface ForwardedFor {
  /** The preview's own host, as the browser sent it. */
  host: string;
  /** The scheme browsers use for previews. */
  proto: string;
}

/** Request headers for the upstream: the browser's, minus hop-by-hop and ours, plus the target's. */
export function upstreamHeaders(
  req: IncomingMessage,
  target: UpstreamTarget,
  forwarded: ForwardedFor,
): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || hopByHop.has(name) || name === "cookie" || name === "host") continue;
    if (Object.hasOwn(target.headers, name)) continue;
    headers[name] = value;
  }
  const cookie = stripOurCookie(req.headers.cookie);
  if (cookie) headers.cookie = cookie;
  headers.host = target.hostHeader;
  headers["x-forwarded-host"] = forwarded.host;
  headers["x-forwarded-proto"] = forwarded.proto;
  Object.assign(headers, target.headers);
  return headers;
}

/** The raw request that opens a websocket upstream (the browser's, rewritten the same way). */
export function upgradeRequestHead(req: IncomingMessage, target: UpstreamTarget, forwarded: ForwardedFor) {
  const lines = [`${req.method} ${target.pathPrefix}${req.url} HTTP/1.1`];
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    if (name === "host" || name === "cookie" || name === "x-forwarded-host" || name === "x-forwarded-proto")
      continue;
    if (Object.hasOwn(target.headers, name)) continue;
    lines.push(`${raw[i]}: ${raw[i + 1]}`);
  }
  lines.push(`Host: ${target.hostHeader}`);
  lines.push(`X-Forwarded-Host: ${forwarded.host}`, `X-Forwarded-Proto: ${forwarded.proto}`);
  for (const [name, value] of Object.entries(target.headers)) lines.push(`${name}: ${value}`);
  const cookie = stripOurCookie(req.headers.cookie);
  if (cookie) lines.push(`Cookie: ${cookie}`);
  return `${lines.join("\r\n")}\r\n\r\n`;
}

const timeoutError = (what: string) =>
  Object.assign(new Error(`The upstream ${what}`), { code: "ETIMEDOUT" as const });

export interface UpstreamClient {
  /** An HTTP request to the target, with the timeouts applied (not yet ended). */
  request(
    target: UpstreamTarget,
    init: { method?: string; path: string; headers: OutgoingHttpHeaders },
  ): ClientRequest;
  /** A raw connection for a websocket upgrade; `onReady` once it may be written to. */
  open(target: UpstreamTarget, onReady: () => void): Socket;
  destroy(): void;
}

export function createUpstreamClient(options: UpstreamOptions = {}): UpstreamClient {
  const connectTimeoutMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
  const idleTimeoutMs = options.idleTimeoutMs ?? IDLE_TIMEOUT_MS;
  // Module requests come in bursts of dozens: keep upstream connections open.
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 64 });
  const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 64, ...options.tls });

  return {
    request(target, init) {
      const common = {
        method: init.method,
        path: `${target.pathPrefix}${init.path}`,
        headers: init.headers,
        // Until the TCP connection is up; then the idle timeout below.
        timeout: connectTimeoutMs,
      };
      const outgoing = target.secure
        ? httpsRequest({
            ...common,
            agent: httpsAgent,
            host: target.host,
            port: target.port,
            servername: isIP(target.host) ? undefined : target.host,
          })
        : httpRequest({
            ...common,
            agent: httpAgent,
            socketPath: target.socketPath,
            host: target.socketPath ? undefined : target.host,
            port: target.socketPath ? undefined : target.port,
          });
      outgoing.setTimeout(idleTimeoutMs);
      outgoing.on("timeout", () => outgoing.destroy(timeoutError("did not answer in time")));
      return outgoing;
    },

    open(target, onReady) {
      let socket: Socket;
      if (target.socketPath) socket = netConnect({ path: target.socketPath });
      else if (target.secure)
        socket = tlsConnect({
          host: target.host,
          port: target.port,
          servername: isIP(target.host) ? undefined : target.host,
          ALPNProtocols: ["http/1.1"],
          ...options.tls,
        });
      else socket = netConnect({ host: target.host, port: target.port });
      socket.setNoDelay(true);
      socket.setTimeout(connectTimeoutMs, () => socket.destroy(timeoutError("could not be reached in time")));
      socket.once(target.secure ? "secureConnect" : "connect", () => {
        // Now until its first answer; an open websocket may then be quiet for as long as it likes.
        socket.setTimeout(idleTimeoutMs);
        socket.once("data", () => socket.setTimeout(0));
        onReady();
      });
      return socket;
    },

    destroy() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
