// The preview gateway: one HTTP server on PREVIEW_PORT that serves every preview, on every sandbox
// driver, from its own origin — `http://<preview-id>.preview.localhost:<port>` by default,
// PREVIEW_ORIGIN's (`https://{id}.preview.example.com`) in production — by Host header, and
// forwards to that preview's dev server, websocket upgrades (Vite's HMR channel) included. The
// dev server is local (a Unix socket or a loopback port) or remote (E2B: an https URL that only
// answers requests carrying the sandbox's traffic access token, which the gateway adds and the
// browser never sees); upstream.ts speaks to both.
//
// Plain node:http + node:net rather than a proxy library: every HTML answer is rewritten anyway
// (frame-ancestors; the client script where the dev server has not put it already), upstreams
// are Unix sockets as often as URLs, and the whole job — hop-by-hop headers, keep-alive agents,
// raw upgrade piping — is short.
//
// Access: the preview id is unguessable, and a request also needs a signed token — `?__pagecraft_token=<boot
// token>` once (answered with a cookie and a redirect to the same URL without it), then the
// cookie. Neither the cookie nor the token is passed on to the dev server (it runs project code).
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import type { SandboxUpstream } from "@/lib/sandbox/types";
import {
  BOOT_TOKEN_PARAM,
  PREVIEW_COOKIE,
  SESSION_TOKEN_TTL_MS,
  signPreviewToken,
  verifyPreviewToken,
} from "../tokens";
import { type PreviewOrigin, previewIdFromHost, previewOrigin } from "../urls";
import { CLIENT_SCRIPT_PATH, renderClientScript } from "./client-script";
import { gatewayPage } from "./pages";
import {
  createUpstreamClient,
  type ForwardedFor,
  isHopByHop,
  resolveTarget,
  type UpstreamOptions,
  type UpstreamTarget,
  upgradeRequestHead,
  upstreamHeaders,
} from "./upstream";

/** A local dev server (`kind: "local"`: socket or port) or a remote one (`kind: "remote"`: URL + headers). */
export type GatewayUpstream = SandboxUpstream;

export type GatewayLookup =
  | { kind: "ok"; upstream: GatewayUpstream }
  /** Booting, resuming or restarting: the page says so and refreshes itself. */
  | { kind: "starting"; message?: string }
  | { kind: "unavailable"; message: string }
  | { kind: "not_found" };

export interface PreviewGatewayOptions extends UpstreamOptions {
  port: number;
  /** Default 127.0.0.1 (browsers resolve every *.localhost name to loopback). */
  host?: string;
  /** The only origin allowed to frame previews and to receive the client script's messages. */
  studioOrigin: string;
  /** Where browsers reach previews: the Host names answered for. Default: PREVIEW_ORIGIN's. */
  origin?: PreviewOrigin;
  lookup(previewId: string): Promise<GatewayLookup>;
  /** A page was opened (document request or websocket): someone is viewing this preview. */
  onView?(previewId: string): void;
  /** The dev server did not answer (crashed, restarting, unreachable, or too slow). */
  onUpstreamError?(previewId: string, error: Error, upstream: GatewayUpstream): void;
}

export interface PreviewGateway {
  readonly port: number;
  readonly host: string;
  close(): Promise<void>;
}

function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}

function isDocumentRequest(req: IncomingMessage): boolean {
  const dest = req.headers["sec-fetch-dest"];
  if (dest) return dest === "document" || dest === "iframe";
  return (req.headers.accept ?? "").includes("text/html");
}

/** A request without a body (a GET or HEAD, as every page and module request is): safe to send again. */
function bodyless(req: IncomingMessage): boolean {
  return (
    (req.method === "GET" || req.method === "HEAD") &&
    req.headers["content-length"] === undefined &&
    req.headers["transfer-encoding"] === undefined
  );
}

const isReset = (error: NodeJS.ErrnoException) => error.code === "ECONNRESET" || error.code === "EPIPE";

function decode(body: Buffer, encoding: string | undefined): Buffer | null {
  if (!encoding || encoding === "identity") return body;
  try {
    if (encoding === "gzip" || encoding === "x-gzip") return gunzipSync(body);
    if (encoding === "deflate") return inflateSync(body);
    if (encoding === "br") return brotliDecompressSync(body);
  } catch {
    return null;
  }
  return null;
}

const scriptTag = `<script src="${CLIENT_SCRIPT_PATH}"></script>`;

/**
 * Puts the client script first in <head>, so it runs before any of the page's module scripts —
 * unless the page has it already: the dev server injects it itself (every driver), so this only
 * covers HTML Vite does not transform (files under public/, say).
 */
export function injectClientScript(html: string): string {
  if (html.includes(`src="${CLIENT_SCRIPT_PATH}"`)) return html;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head)
    return html.slice(0, head.index + head[0].length) + scriptTag + html.slice(head.index + head[0].length);
  const root = /<html(\s[^>]*)?>/i.exec(html);
  if (root)
    return html.slice(0, root.index + root[0].length) + scriptTag + html.slice(root.index + root[0].length);
  return scriptTag + html;
}

export function startPreviewGateway(options: PreviewGatewayOptions): Promise<PreviewGateway> {
  const upstreams = createUpstreamClient(options);
  const origin = options.origin ?? previewOrigin();
  const frameAncestors = `frame-ancestors ${options.studioOrigin}`;
  const clientScript = renderClientScript(options.studioOrigin);
  const sockets = new Set<Duplex>();

  function sendPage(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    title: string,
    body: string,
    refreshSeconds?: number,
  ) {
    if (res.headersSent) return res.destroy();
    const headers: OutgoingHttpHeaders = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
    if (isDocumentRequest(req)) {
      headers["content-type"] = "text/html; charset=utf-8";
      headers["content-security-policy"] = frameAncestors;
      res.writeHead(status, headers).end(gatewayPage({ title, body, refreshSeconds }));
    } else {
      headers["content-type"] = "text/plain; charset=utf-8";
      res.writeHead(status, headers).end(`${title}. ${body}`);
    }
  }

  function authorized(req: IncomingMessage, previewId: string): boolean {
    return verifyPreviewToken(previewId, "session", parseCookies(req.headers.cookie).get(PREVIEW_COOKIE));
  }

  const forwardedFor = (req: IncomingMessage): ForwardedFor => ({
    host: req.headers.host ?? "",
    proto: origin.scheme,
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const previewId = previewIdFromHost(req.headers.host, origin);
    const url = new URL(req.url ?? "/", "http://gateway");
    if (!previewId) {
      return sendPage(req, res, 404, "No preview here", "This address does not belong to a preview.");
    }
    if (url.pathname === CLIENT_SCRIPT_PATH) {
      res.writeHead(200, {
        "content-type": "text/javascript; charset=utf-8",
        "cache-control": "no-cache",
        "x-content-type-options": "nosniff",
      });
      return res.end(req.method === "HEAD" ? undefined : clientScript);
    }

    const bootToken = url.searchParams.get(BOOT_TOKEN_PARAM);
    if (bootToken !== null) {
      const valid = verifyPreviewToken(previewId, "boot", bootToken);
      if (!valid && !authorized(req, previewId)) {
        return sendPage(
          req,
          res,
          403,
          "This preview link has expired",
          "Open the preview again from the studio.",
        );
      }
      url.searchParams.delete(BOOT_TOKEN_PARAM);
      const headers: OutgoingHttpHeaders = {
        location: url.pathname + url.search,
        "cache-control": "no-store",
      };
      if (valid) {
        const token = signPreviewToken(previewId, "session");
        // SameSite=None: the preview is framed by the studio, another site. Partitioned keeps it
        // working where third-party cookies are blocked. Browsers accept Secure on *.localhost.
        headers["set-cookie"] =
          `${PREVIEW_COOKIE}=${token}; Path=/; Max-Age=${SESSION_TOKEN_TTL_MS / 1000}; HttpOnly; Secure; SameSite=None; Partitioned`;
      }
      return res.writeHead(302, headers).end();
    }
    if (!authorized(req, previewId)) {
      return sendPage(
        req,
        res,
        403,
        "Open this preview from the studio",
        "This preview needs a link from the studio to be viewed.",
      );
    }

    const found = await options.lookup(previewId);
    if (found.kind === "not_found") {
      return sendPage(
        req,
        res,
        404,
        "This preview is gone",
        "Open the project in the studio to start a new one.",
      );
    }
    if (found.kind === "starting") {
      return sendPage(
        req,
        res,
        503,
        "Starting preview…",
        found.message ?? "The page appears here in a moment.",
        1,
      );
    }
    if (found.kind === "unavailable") {
      return sendPage(req, res, 502, "The preview is not running", found.message, 3);
    }
    if (isDocumentRequest(req)) options.onView?.(previewId);
    forward(req, res, previewId, found.upstream);
  }

  function forward(
    req: IncomingMessage,
    res: ServerResponse,
    previewId: string,
    upstream: GatewayUpstream,
    retry = true,
  ) {
    const target = resolveTarget(upstream);
    const headers = upstreamHeaders(req, target, forwardedFor(req));
    // HTML is rewritten here, so ask for it uncompressed.
    if (isDocumentRequest(req)) headers["accept-encoding"] = "identity";
    const outgoing = upstreams.request(target, { method: req.method, path: req.url ?? "/", headers });
    outgoing.on("response", (answer) => respond(req, res, answer, target));
    outgoing.on("error", (error: NodeJS.ErrnoException) => {
      // A kept-alive connection the dev server closed just as it was reused: ask once more.
      if (retry && outgoing.reusedSocket && !res.headersSent && bodyless(req) && isReset(error)) {
        forward(req, res, previewId, upstream, false);
        return;
      }
      options.onUpstreamError?.(previewId, error, upstream);
      sendPage(
        req,
        res,
        502,
        "The preview's dev server is restarting",
        "The page comes back by itself in a moment.",
        1,
      );
    });
    if (bodyless(req)) outgoing.end();
    else req.pipe(outgoing);
  }

  function respond(
    req: IncomingMessage,
    res: ServerResponse,
    answer: IncomingMessage,
    target: UpstreamTarget,
  ) {
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      // The headers that let us in (a traffic token) never travel back to the browser.
      if (value !== undefined && !isHopByHop(name) && !Object.hasOwn(target.headers, name))
        headers[name] = value;
    }
    const type = String(answer.headers["content-type"] ?? "");
    // A dev server that goes away mid-answer leaves a cut answer, not a hanging one.
    answer.on("error", () => res.destroy());
    if (!type.startsWith("text/html") || req.method === "HEAD") {
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, headers);
      answer.pipe(res);
      return;
    }
    const chunks: Buffer[] = [];
    answer.on("data", (chunk: Buffer) => chunks.push(chunk));
    answer.on("end", () => {
      const encoding = answer.headers["content-encoding"];
      const decoded = decode(Buffer.concat(chunks), encoding);
      if (decoded === null) {
        // An encoding we cannot read: pass it on untouched rather than break the page.
        res.writeHead(answer.statusCode ?? 502, headers).end(Buffer.concat(chunks));
        return;
      }
      const body = Buffer.from(injectClientScript(decoded.toString("utf8")), "utf8");
      delete headers["content-length"];
      delete headers["content-encoding"];
      delete headers.etag;
      headers["content-length"] = String(body.length);
      headers["cache-control"] = "no-store";
      const csp = answer.headers["content-security-policy"];
      // A comma separates policies: the page's own stays enforced beside ours.
      headers["content-security-policy"] = csp ? `${csp}, ${frameAncestors}` : frameAncestors;
      res.writeHead(answer.statusCode ?? 200, headers).end(body);
    });
  }

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    const previewId = previewIdFromHost(req.headers.host, origin);
    if (!previewId) return refuse("404 Not Found");
    if (!authorized(req, previewId)) return refuse("403 Forbidden");
    const found = await options.lookup(previewId);
    if (found.kind !== "ok")
      return refuse(found.kind === "not_found" ? "404 Not Found" : "503 Service Unavailable");
    options.onView?.(previewId);
    const { upstream } = found;
    const target = resolveTarget(upstream);
    let answered = false;
    const upstreamSocket = upstreams.open(target, () => {
      upstreamSocket.write(upgradeRequestHead(req, target, forwardedFor(req)));
      if (head.length) upstreamSocket.write(head);
      upstreamSocket.once("data", () => {
        answered = true;
      });
      upstreamSocket.pipe(socket, { end: false });
      socket.pipe(upstreamSocket);
    });
    sockets.add(upstreamSocket);
    upstreamSocket.on("error", (error) => options.onUpstreamError?.(previewId, error, upstream));
    upstreamSocket.on("close", () => {
      sockets.delete(upstreamSocket);
      if (socket.destroyed) return;
      // Unanswered, the browser can still be told why; once answered, its socket just ends.
      if (answered) socket.end();
      else refuse("502 Bad Gateway");
    });
    socket.on("close", () => upstreamSocket.destroy());
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() =>
      sendPage(req, res, 500, "The preview could not be served", "Try reloading."),
    );
  });
  server.on("upgrade", (req, socket, head) => {
    upgrade(req, socket, head).catch(() => socket.destroy());
  });
  // Module requests come in bursts of dozens: keep browser connections open.
  server.keepAliveTimeout = 30_000;

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      const address = server.address() as AddressInfo;
      resolve({
        port: address.port,
        host: address.address,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            upstreams.destroy();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
