// The preview gateway against fake upstreams (tiny HTTP + websocket servers standing in for a Vite
// dev server: local on a port or a Unix socket, remote behind a token like E2B's, over http and
// https), reached the way the browser reaches it: 127.0.0.1 with the preview's Host.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import {
  type AddressInfo,
  createServer as createNetServer,
  type Server as NetServer,
  type Socket,
} from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import { CLIENT_SCRIPT_PATH } from "@/lib/preview/gateway/client-script";
import {
  type GatewayUpstream,
  injectClientScript,
  type PreviewGateway,
  startPreviewGateway,
} from "@/lib/preview/gateway/server";
import { newPreviewId, PREVIEW_COOKIE, signPreviewToken, verifyPreviewToken } from "@/lib/preview/tokens";
import { gatewayOrigin, type PreviewOrigin, previewIdFromHost } from "@/lib/preview/urls";
import { type GatewayAnswer, gatewayRequest, hmrEcho, refusedUpgradeStatus } from "./helpers/preview-gateway";

const STUDIO = "http://localhost:3999";
const HTML = `<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>Site</title></head><body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>`;

/** What E2B wants with public traffic off: a per-sandbox token in this header. */
const TOKEN_HEADER = "e2b-traffic-access-token";
const REMOTE_TOKEN = "remote-secret-token-0123456789";

interface Upstream {
  server: Server | HttpsServer;
  seen: IncomingHttpHeaders[];
  port: number;
  close(): Promise<void>;
}

async function startUpstream(
  listen: { port: 0 } | { socketPath: string },
  options: { token?: string; tls?: { key: string; cert: string } } = {},
): Promise<Upstream> {
  const seen: IncomingHttpHeaders[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    seen.push(req.headers);
    // Like E2B's proxy with public traffic off.
    if (options.token && req.headers[TOKEN_HEADER] !== options.token) return res.writeHead(403).end("no");
    if (req.url === "/") return res.writeHead(200, { "content-type": "text/html" }).end(HTML);
    if (req.url?.startsWith("/src/main.tsx")) {
      return res.writeHead(200, { "content-type": "text/javascript" }).end("console.log('<head>')");
    }
    if (req.url === "/echo" && req.method === "POST") {
      req.pipe(res);
      return;
    }
    res.writeHead(404).end("missing");
  };
  const server = options.tls ? createHttpsServer(options.tls, handler) : createServer(handler);
  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, socket, head) => {
    seen.push(req.headers);
    if (options.token && req.headers[TOKEN_HEADER] !== options.token) {
      socket.end("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on("message", (data) => ws.send(`echo:${data.toString()}`));
      ws.send(JSON.stringify({ type: "connected" }));
    });
  });
  await new Promise<void>((resolve) =>
    "socketPath" in listen
      ? server.listen(listen.socketPath, resolve)
      : server.listen(0, "127.0.0.1", resolve),
  );
  return {
    server,
    seen,
    port: "socketPath" in listen ? 0 : (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        for (const client of wss.clients) client.terminate();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A certificate for localhost from the openssl CLI (node:crypto cannot make one), or null. */
function selfSignedCertificate(): { key: string; cert: string } | null {
  const dir = mkdtempSync(path.join(tmpdir(), "pagecraft-cert-"));
  try {
    execFileSync(
      "openssl",
      [
        ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"],
        ...["-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem"), "-days", "1"],
        ...["-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
      ],
      { stdio: "ignore" },
    );
    return {
      key: readFileSync(path.join(dir, "key.pem"), "utf8"),
      cert: readFileSync(path.join(dir, "cert.pem"), "utf8"),
    };
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let gateway: PreviewGateway;
let tcpUpstream: Upstream;
let socketUpstream: Upstream;
let remoteUpstream: Upstream;
let socketDir: string;
const tcpId = newPreviewId();
const socketId = newPreviewId();
const downId = newPreviewId();
const bootingId = newPreviewId();
const remoteId = newPreviewId();
const remoteDownId = newPreviewId();
const views: string[] = [];
const upstreamErrors: Array<{ previewId: string; code?: string; kind: string }> = [];
/** previewId → upstream, for every gateway in this file (tests add their own). */
const upstreams = new Map<string, GatewayUpstream>();

async function lookup(previewId: string) {
  if (previewId === bootingId) return { kind: "starting" as const };
  const upstream = upstreams.get(previewId);
  return upstream ? { kind: "ok" as const, upstream } : { kind: "not_found" as const };
}

const onUpstreamError = (previewId: string, error: NodeJS.ErrnoException, upstream: GatewayUpstream) =>
  upstreamErrors.push({ previewId, code: error.code, kind: upstream.kind });

beforeAll(async () => {
  socketDir = await mkdtemp(path.join(tmpdir(), "pagecraft-gateway-"));
  tcpUpstream = await startUpstream({ port: 0 });
  socketUpstream = await startUpstream({ socketPath: path.join(socketDir, "vite.sock") });
  remoteUpstream = await startUpstream({ port: 0 }, { token: REMOTE_TOKEN });
  upstreams.set(tcpId, { kind: "local", host: "127.0.0.1", port: tcpUpstream.port });
  upstreams.set(socketId, { kind: "local", socketPath: path.join(socketDir, "vite.sock") });
  upstreams.set(downId, { kind: "local", host: "127.0.0.1", port: 1 });
  // E2B's shape: the sandbox's own base URL, and the header that lets a request in (any case).
  upstreams.set(remoteId, {
    kind: "remote",
    url: `http://127.0.0.1:${remoteUpstream.port}`,
    headers: { "E2B-Traffic-Access-Token": REMOTE_TOKEN },
  });
  upstreams.set(remoteDownId, { kind: "remote", url: "http://127.0.0.1:1", headers: {} });
  gateway = await startPreviewGateway({
    port: 0,
    studioOrigin: STUDIO,
    lookup,
    onView: (id) => views.push(id),
    onUpstreamError,
  });
});

afterAll(async () => {
  await gateway?.close();
  await tcpUpstream?.close();
  await socketUpstream?.close();
  await remoteUpstream?.close();
  await rm(socketDir, { recursive: true, force: true });
});

function get(
  previewId: string,
  pathname: string,
  options: {
    cookie?: string;
    accept?: string;
    method?: string;
    body?: string;
    headers?: Record<string, string>;
    /** Another gateway than the default one, and the Host name to send it. */
    via?: { port: number; host: string };
  } = {},
): Promise<GatewayAnswer> {
  return gatewayRequest(
    options.via?.port ?? gateway.port,
    options.via?.host ?? `${previewId}.preview.localhost:${gateway.port}`,
    pathname,
    {
      method: options.method,
      body: options.body,
      headers: {
        accept: options.accept ?? "text/html",
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...options.headers,
      },
    },
  );
}

const sessionCookie = (previewId: string) => `${PREVIEW_COOKIE}=${signPreviewToken(previewId, "session")}`;

describe("preview tokens", () => {
  it("accepts its own token only: right kind, right preview, not expired", () => {
    const id = newPreviewId();
    expect(id).toMatch(/^p[a-z2-7]{26}$/);
    const boot = signPreviewToken(id, "boot");
    expect(verifyPreviewToken(id, "boot", boot)).toBe(true);
    expect(verifyPreviewToken(id, "session", boot)).toBe(false);
    expect(verifyPreviewToken(newPreviewId(), "boot", boot)).toBe(false);
    expect(verifyPreviewToken(id, "boot", `${boot.slice(0, -1)}x`)).toBe(false);
    expect(verifyPreviewToken(id, "boot", signPreviewToken(id, "boot", { ttlMs: -1000 }))).toBe(false);
    expect(verifyPreviewToken(id, "boot", "")).toBe(false);
  });

  it("routes by Host: <preview id>.preview.localhost only", () => {
    const id = newPreviewId();
    expect(previewIdFromHost(`${id}.preview.localhost:3001`)).toBe(id);
    expect(previewIdFromHost(`${id}.PREVIEW.localhost`)).toBe(id);
    expect(previewIdFromHost(`${id}.example.com`)).toBeNull();
    expect(previewIdFromHost("localhost:3001")).toBeNull();
    expect(previewIdFromHost("nothex.preview.localhost")).toBeNull();
  });

  it("injects the client script first in <head>", () => {
    const out = injectClientScript(HTML);
    expect(out.indexOf(CLIENT_SCRIPT_PATH)).toBeLessThan(out.indexOf("<meta"));
    expect(injectClientScript("<p>bare</p>")).toMatch(/^<script src=/);
  });

  it("leaves a page alone that the dev server already gave the client script", () => {
    // What the launcher's reporter plugin serves (tests/integration/sandbox.contract.test.ts).
    const served = HTML.replace("<head>", `<head>\n<script src="${CLIENT_SCRIPT_PATH}"></script>`);
    expect(injectClientScript(served)).toBe(served);
  });
});

describe("preview gateway", () => {
  it("refuses a request without a token with a 403 page that only the studio may frame", async () => {
    const answer = await get(tcpId, "/");
    expect(answer.status).toBe(403);
    expect(answer.headers["content-type"]).toContain("text/html");
    expect(answer.headers["content-security-policy"]).toBe(`frame-ancestors ${STUDIO}`);
    expect(answer.body).toContain("Open this preview from the studio");
    expect(tcpUpstream.seen).toHaveLength(0);
  });

  it("refuses a wrong, expired or other preview's token", async () => {
    expect((await get(tcpId, "/?__pagecraft_token=nonsense")).status).toBe(403);
    expect((await get(tcpId, `/?__pagecraft_token=${signPreviewToken(socketId, "boot")}`)).status).toBe(403);
    expect(
      (await get(tcpId, `/?__pagecraft_token=${signPreviewToken(tcpId, "boot", { ttlMs: -1 })}`)).status,
    ).toBe(403);
    expect((await get(tcpId, "/", { cookie: sessionCookie(socketId) })).status).toBe(403);
    expect(
      (await get(tcpId, "/", { cookie: `${PREVIEW_COOKIE}=${signPreviewToken(tcpId, "boot")}` })).status,
    ).toBe(403);
  });

  it("trades a boot token for a cookie and redirects to the same URL without it", async () => {
    const answer = await get(tcpId, `/about?x=1&__pagecraft_token=${signPreviewToken(tcpId, "boot")}`);
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe("/about?x=1");
    const cookie = String(answer.headers["set-cookie"]);
    expect(cookie).toMatch(new RegExp(`^${PREVIEW_COOKIE}=`));
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=None");
    const token = cookie.split(";")[0].split("=")[1];
    expect(verifyPreviewToken(tcpId, "session", token)).toBe(true);
  });

  it("proxies the page with the client script injected, frame-ancestors set, and no token passed on", async () => {
    tcpUpstream.seen.length = 0;
    const answer = await get(tcpId, "/", { cookie: `theme=dark; ${sessionCookie(tcpId)}` });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain(`<head><script src="${CLIENT_SCRIPT_PATH}"></script><meta`);
    expect(answer.headers["content-security-policy"]).toBe(`frame-ancestors ${STUDIO}`);
    expect(Number(answer.headers["content-length"])).toBe(Buffer.byteLength(answer.body));
    expect(tcpUpstream.seen[0].host).toBe("localhost");
    expect(tcpUpstream.seen[0].cookie).toBe("theme=dark");
    expect(tcpUpstream.seen[0]["x-forwarded-host"]).toBe(`${tcpId}.preview.localhost:${gateway.port}`);
    expect(views).toContain(tcpId);
  });

  it("passes modules and request bodies through untouched", async () => {
    // Vite stamps hot-updated modules with ?t=<time>: never mistaken for a token.
    const js = await get(tcpId, "/src/main.tsx?t=1795312263177", {
      cookie: sessionCookie(tcpId),
      accept: "*/*",
    });
    expect(js.status).toBe(200);
    expect(js.headers["content-type"]).toBe("text/javascript");
    expect(js.body).toBe("console.log('<head>')");
    const echo = await get(tcpId, "/echo", {
      cookie: sessionCookie(tcpId),
      method: "POST",
      body: "hello",
      accept: "*/*",
    });
    expect(echo.body).toBe("hello");
    expect((await get(tcpId, "/missing", { cookie: sessionCookie(tcpId), accept: "*/*" })).status).toBe(404);
  });

  it("serves the client script at its fixed path", async () => {
    const answer = await get(tcpId, CLIENT_SCRIPT_PATH, { accept: "*/*" });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toContain("javascript");
    expect(answer.body).toContain(JSON.stringify(STUDIO));
    expect(answer.body).toContain("vite-hmr");
  });

  it("reaches a dev server on a Unix socket", async () => {
    const answer = await get(socketId, "/", { cookie: sessionCookie(socketId) });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain(CLIENT_SCRIPT_PATH);
  });

  it("says what is happening when the preview is unknown, starting, or its server is down", async () => {
    const unknown = await get("nohost", "/");
    expect(unknown.status).toBe(404);
    const gone = newPreviewId();
    expect((await get(gone, "/", { cookie: sessionCookie(gone) })).status).toBe(404);
    const starting = await get(bootingId, "/", { cookie: sessionCookie(bootingId) });
    expect(starting.status).toBe(503);
    expect(starting.body).toContain("Starting preview");
    expect(starting.body).toContain('http-equiv="refresh"');
    const down = await get(downId, "/", { cookie: sessionCookie(downId) });
    expect(down.status).toBe(502);
    expect(down.body).toContain("restarting");
  });

  for (const [label, id] of [
    ["port", tcpId],
    ["Unix socket", socketId],
    ["remote URL", remoteId],
  ] as const) {
    it(`carries the HMR websocket upgrade to a dev server on a ${label}`, async () => {
      const host = `${id}.preview.localhost:${gateway.port}`;
      expect(await hmrEcho(gateway.port, host, sessionCookie(id))).toEqual([
        JSON.stringify({ type: "connected" }),
        "echo:ping",
      ]);
    });
  }

  it("forwards to a remote upstream: its own Host, its access header (never the page's), nothing of ours", async () => {
    remoteUpstream.seen.length = 0;
    const cookie = sessionCookie(remoteId);
    const answer = await get(remoteId, "/", {
      cookie: `theme=dark; ${cookie}`,
      headers: { [TOKEN_HEADER]: "forged-by-the-page" },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain(`<head><script src="${CLIENT_SCRIPT_PATH}"></script><meta`);
    expect(answer.headers["content-security-policy"]).toBe(`frame-ancestors ${STUDIO}`);
    expect(JSON.stringify(answer.headers)).not.toContain(REMOTE_TOKEN);
    const [seen] = remoteUpstream.seen;
    expect(seen[TOKEN_HEADER]).toBe(REMOTE_TOKEN);
    // The remote proxy routes by Host: the upstream's own name, not the preview's nor "localhost".
    expect(seen.host).toBe(`127.0.0.1:${remoteUpstream.port}`);
    expect(seen.cookie).toBe("theme=dark");
    expect(seen["x-forwarded-host"]).toBe(`${remoteId}.preview.localhost:${gateway.port}`);
    expect(seen["x-forwarded-proto"]).toBe("http");

    const js = await get(remoteId, "/src/main.tsx?t=1", { cookie, accept: "*/*" });
    expect(js.body).toBe("console.log('<head>')");
    const echo = await get(remoteId, "/echo", { cookie, method: "POST", body: "over there", accept: "*/*" });
    expect(echo.body).toBe("over there");
    expect(remoteUpstream.seen.every((h) => h[TOKEN_HEADER] === REMOTE_TOKEN)).toBe(true);

    await hmrEcho(gateway.port, `${remoteId}.preview.localhost:${gateway.port}`, cookie);
    const upgrade = remoteUpstream.seen.find((h) => h.upgrade === "websocket")!;
    expect(upgrade[TOKEN_HEADER]).toBe(REMOTE_TOKEN);
    expect(upgrade.host).toBe(`127.0.0.1:${remoteUpstream.port}`);
    expect(upgrade.cookie).toBeUndefined();
    expect(upgrade["sec-websocket-protocol"]).toBe("vite-hmr");
  });

  it("reports an unreachable dev server the same way, local or remote", async () => {
    upstreamErrors.length = 0;
    for (const id of [downId, remoteDownId]) {
      const down = await get(id, "/", { cookie: sessionCookie(id) });
      expect(down.status).toBe(502);
      expect(down.body).toContain("restarting");
    }
    expect(upstreamErrors).toEqual([
      { previewId: downId, code: "ECONNREFUSED", kind: "local" },
      { previewId: remoteDownId, code: "ECONNREFUSED", kind: "remote" },
    ]);
    const status = await refusedUpgradeStatus(gateway.port, {
      host: `${remoteDownId}.preview.localhost:${gateway.port}`,
      cookie: sessionCookie(remoteDownId),
    });
    expect(status).toBe(502);
  });

  it("asks again when a kept-alive upstream connection was closed just as it was reused", async () => {
    // Answers one request per connection, then drops the connection when the next one arrives.
    let connections = 0;
    const flaky = createNetServer((socket) => {
      connections += 1;
      let served = false;
      socket.on("data", () => {
        if (served) return void socket.destroy();
        served = true;
        socket.write(
          "HTTP/1.1 200 OK\r\nContent-Type: text/javascript\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok",
        );
      });
    });
    await new Promise<void>((resolve) => flaky.listen(0, "127.0.0.1", resolve));
    const id = newPreviewId();
    upstreams.set(id, {
      kind: "remote",
      url: `http://127.0.0.1:${(flaky.address() as AddressInfo).port}`,
      headers: {},
    });
    upstreamErrors.length = 0;
    try {
      for (const attempt of [1, 2]) {
        const answer = await get(id, `/m.js?${attempt}`, { cookie: sessionCookie(id), accept: "*/*" });
        expect(answer.status).toBe(200);
        expect(answer.body).toBe("ok");
      }
      expect(connections).toBe(2);
      expect(upstreamErrors).toEqual([]);
    } finally {
      flaky.close();
    }
  });

  it("refuses a websocket upgrade without the cookie", async () => {
    const status = await refusedUpgradeStatus(gateway.port, {
      host: `${tcpId}.preview.localhost:${gateway.port}`,
    });
    expect(status).toBe(403);
  });
});

const tlsCertificate = selfSignedCertificate();

describe("preview gateway in production shape: its own domain, https upstreams, timeouts", () => {
  const origin: PreviewOrigin = { scheme: "https", domain: "preview.example.com" };
  let prod: PreviewGateway;
  let tlsUpstream: Upstream | undefined;
  let silent: NetServer;
  const silentSockets = new Set<Socket>();
  const tlsId = newPreviewId();
  const silentId = newPreviewId();
  const via = (id: string) => ({ port: prod.port, host: `${id}.preview.example.com` });

  beforeAll(async () => {
    // Accepts connections and never says a word.
    silent = createNetServer((socket) => {
      silentSockets.add(socket);
      socket.on("error", () => undefined);
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    upstreams.set(silentId, {
      kind: "remote",
      url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
      headers: {},
    });
    if (tlsCertificate) {
      tlsUpstream = await startUpstream({ port: 0 }, { token: REMOTE_TOKEN, tls: tlsCertificate });
      upstreams.set(tlsId, {
        kind: "remote",
        url: `https://localhost:${tlsUpstream.port}`,
        headers: { [TOKEN_HEADER]: REMOTE_TOKEN },
      });
    }
    prod = await startPreviewGateway({
      port: 0,
      studioOrigin: STUDIO,
      origin,
      lookup,
      onUpstreamError,
      idleTimeoutMs: 300,
      ...(tlsCertificate ? { tls: { ca: tlsCertificate.cert } } : {}),
    });
  });
  afterAll(async () => {
    await prod?.close();
    await tlsUpstream?.close();
    for (const socket of silentSockets) socket.destroy();
    silent?.close();
  });

  it("answers for the configured preview domain only, and tells the dev server the public scheme", async () => {
    expect(gatewayOrigin(tcpId, origin)).toBe(`https://${tcpId}.preview.example.com`);
    tcpUpstream.seen.length = 0;
    const answer = await get(tcpId, "/", { cookie: sessionCookie(tcpId), via: via(tcpId) });
    expect(answer.status).toBe(200);
    expect(tcpUpstream.seen[0]["x-forwarded-proto"]).toBe("https");
    expect(tcpUpstream.seen[0]["x-forwarded-host"]).toBe(`${tcpId}.preview.example.com`);
    const elsewhere = await get(tcpId, "/", {
      cookie: sessionCookie(tcpId),
      via: { port: prod.port, host: `${tcpId}.preview.localhost:${prod.port}` },
    });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body).toContain("does not belong to a preview");
  });

  it.runIf(tlsCertificate)(
    "reaches an https upstream by name (certificate checked) with its access header, HMR included",
    async () => {
      const upstream = tlsUpstream!;
      upstream.seen.length = 0;
      const cookie = sessionCookie(tlsId);
      const answer = await get(tlsId, "/", { cookie, via: via(tlsId) });
      expect(answer.status).toBe(200);
      expect(answer.body).toContain(CLIENT_SCRIPT_PATH);
      expect(upstream.seen[0].host).toBe(`localhost:${upstream.port}`);
      expect(upstream.seen[0][TOKEN_HEADER]).toBe(REMOTE_TOKEN);
      expect(await hmrEcho(prod.port, via(tlsId).host, cookie)).toEqual([
        JSON.stringify({ type: "connected" }),
        "echo:ping",
      ]);
      expect(upstream.seen.find((h) => h.upgrade === "websocket")?.[TOKEN_HEADER]).toBe(REMOTE_TOKEN);

      // A gateway that does not trust the certificate refuses to talk to it.
      upstreamErrors.length = 0;
      const untrusted = await get(tlsId, "/", { cookie });
      expect(untrusted.status).toBe(502);
      expect(upstreamErrors).toEqual([
        { previewId: tlsId, code: "DEPTH_ZERO_SELF_SIGNED_CERT", kind: "remote" },
      ]);
    },
  );

  it("gives up on a dev server that does not answer, page or websocket, and says so", async () => {
    upstreamErrors.length = 0;
    const cookie = sessionCookie(silentId);
    const started = Date.now();
    const answer = await get(silentId, "/", { cookie, via: via(silentId) });
    expect(answer.status).toBe(502);
    expect(answer.body).toContain("restarting");
    expect(Date.now() - started).toBeLessThan(5_000);

    const status = await refusedUpgradeStatus(prod.port, { host: via(silentId).host, cookie });
    expect(status).toBe(502);
    expect(upstreamErrors).toEqual([
      { previewId: silentId, code: "ETIMEDOUT", kind: "remote" },
      { previewId: silentId, code: "ETIMEDOUT", kind: "remote" },
    ]);
  });
});
