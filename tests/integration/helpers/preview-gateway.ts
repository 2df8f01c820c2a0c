// Reaching a preview gateway the way a browser does: to its address (127.0.0.1 and its port), for
// a preview's host name. Shared by the gateway's own suite and the preview service's.
import { type IncomingHttpHeaders, request } from "node:http";
import { expect } from "vitest";
import { WebSocket } from "ws";

export interface GatewayAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One HTTP request to the gateway on `port` for `host`, answered in full. */
export function gatewayRequest(
  port: number,
  host: string,
  path: string,
  options: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<GatewayAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: options.method ?? "GET",
        headers: { host, ...options.headers },
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

/** Opens Vite's HMR socket through a gateway, has one message echoed, and closes it. */
export async function hmrEcho(
  port: number,
  host: string,
  cookie: string,
  path = "/?token=abc",
): Promise<string[]> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, "vite-hmr", { headers: { host, cookie } });
  const messages: string[] = [];
  ws.on("message", (data) => messages.push(data.toString()));
  await new Promise<void>((resolve, reject) => {
    ws.on("open", () => resolve());
    ws.on("error", reject);
  });
  expect(ws.protocol).toBe("vite-hmr");
  ws.send("ping");
  await expect.poll(() => messages.length).toBe(2);
  ws.close();
  return messages;
}

/** The status a refused HMR upgrade is answered with (-1 when the connection failed outright). */
export function refusedUpgradeStatus(
  port: number,
  headers: { host: string; cookie?: string },
): Promise<number> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/`, "vite-hmr", { headers });
  return new Promise<number>((resolve) => {
    ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    ws.on("error", () => resolve(-1));
  });
}
