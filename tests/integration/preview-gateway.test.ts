// The preview gateway against a fake upstream (a tiny HTTP + websocket server standing in for a
// Vite dev server), reached the way the browser reaches it: 127.0.0.1 with the preview's Host.
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { CLIENT_SCRIPT_PATH } from "@/lib/preview/gateway/client-script";
import {
  type GatewayUpstream,
  injectClientScript,
  type PreviewGateway,
  startPreviewGateway,
} from "@/lib/preview/gateway/server";
import { newPreviewId, PREVIEW_COOKIE, signPreviewToken, verifyPreviewToken } from "@/lib/preview/tokens";
import { previewIdFromHost } from "@/lib/preview/urls";

const STUDIO = "http://localhost:3999";
const HTML = `<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>Site</title></head><body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>`;

interface Upstream {
  server: Server;
  seen: IncomingHttpHeaders[];
  close(): Promise<void>;
}

async function startUpstream(listen: { port: 0 } | { socketPath: string }): Promise<Upstream> {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    if (req.url === "/") return res.writeHead(200, { "content-type": "text/html" }).end(HTML);
    if (req.url?.startsWith("/src/main.tsx")) {
      return res.writeHead(200, { "content-type": "text/javascript" }).end("console.log('<head>')");
    }
    if (req.url === "/echo" && req.method === "POST") {
      req.pipe(res);
      return;
    }
    res.writeHead(404).end("missing");
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, socket, head) => {
    seen.push(req.headers);
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
    close: () =>
      new Promise((resolve) => {
        for (const client of wss.clients) client.terminate();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let gateway: PreviewGateway;
let tcpUpstream: Upstream;
let socketUpstream: Upstream;
let socketDir: string;
const tcpId = newPreviewId();
const socketId = newPreviewId();
const downId = newPreviewId();
const bootingId = newPreviewId();
const views: string[] = [];

beforeAll(async () => {
  socketDir = await mkdtemp(path.join(tmpdir(), "pagecraft-gateway-"));
  tcpUpstream = await startUpstream({ port: 0 });
  socketUpstream = await startUpstream({ socketPath: path.join(socketDir, "vite.sock") });
  const upstreams = new Map<string, GatewayUpstream>([
    [tcpId, { host: "127.0.0.1", port: (tcpUpstream.server.address() as AddressInfo).port }],
    [socketId, { socketPath: path.join(socketDir, "vite.sock") }],
    [downId, { host: "127.0.0.1", port: 1 }],
  ]);
  gateway = await startPreviewGateway({
    port: 0,
    studioOrigin: STUDIO,
    async lookup(previewId) {
      if (previewId === bootingId) return { kind: "starting" };
      const upstream = upstreams.get(previewId);
      return upstream ? { kind: "ok", upstream } : { kind: "not_found" };
    },
    onView: (id) => views.push(id),
  });
});

afterAll(async () => {
  await gateway?.close();
  await tcpUpstream?.close();
  await socketUpstream?.close();
  await rm(socketDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function get(
  previewId: string,
  pathname: string,
  options: { cookie?: string; accept?: string; method?: string; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: gateway.port,
        path: pathname,
        method: options.method ?? "GET",
        headers: {
          host: `${previewId}.preview.localhost:${gateway.port}`,
          accept: options.accept ?? "text/html",
          ...(options.cookie ? { cookie: options.cookie } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
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
  ] as const) {
    it(`carries the HMR websocket upgrade to a dev server on a ${label}`, async () => {
      const ws = new WebSocket(`ws://127.0.0.1:${gateway.port}/?token=abc`, "vite-hmr", {
        headers: { host: `${id}.preview.localhost:${gateway.port}`, cookie: sessionCookie(id) },
      });
      const messages: string[] = [];
      ws.on("message", (data) => messages.push(data.toString()));
      await new Promise<void>((resolve, reject) => {
        ws.on("open", () => resolve());
        ws.on("error", reject);
      });
      expect(ws.protocol).toBe("vite-hmr");
      ws.send("ping");
      await expect.poll(() => messages).toEqual([JSON.stringify({ type: "connected" }), "echo:ping"]);
      ws.close();
    });
  }

  it("refuses a websocket upgrade without the cookie", async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${gateway.port}/`, "vite-hmr", {
      headers: { host: `${tcpId}.preview.localhost:${gateway.port}` },
    });
    const status = await new Promise<number>((resolve) => {
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.on("error", () => resolve(-1));
    });
    expect(status).toBe(403);
  });
});
