// Serves one App Router route module over real HTTP on 127.0.0.1 (a random free port), adapting
// Node's request to the web Request the handlers take — so tests can fetch() signed URLs end to end.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

type Handler<K extends string> = (
  request: Request,
  context: { params: Promise<Record<K, string[]>> },
) => Promise<Response>;

export interface RouteServer {
  origin: string;
  close(): Promise<void>;
}

/** `prefix` is the route's static part, e.g. `/api/storage/` for `app/api/storage/[...key]`. */
export async function serveRoute<K extends string>(
  prefix: string,
  param: K,
  handlers: Partial<Record<string, Handler<K>>>,
): Promise<RouteServer> {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
      const handler = handlers[req.method ?? "GET"];
      if (!handler || !url.pathname.startsWith(prefix)) {
        res.writeHead(handler ? 404 : 405).end();
        return;
      }
      const segments = url.pathname.slice(prefix.length).split("/").map(decodeURIComponent);
      const response = await handler(toRequest(req, url), {
        params: Promise.resolve({ [param]: segments } as Record<K, string[]>),
      });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (response.body) {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
      }
      res.end();
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

function toRequest(req: IncomingMessage, url: URL): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>) : undefined,
    // @ts-expect-error Node's fetch needs this for streamed bodies; the DOM types do not know it.
    duplex: hasBody ? "half" : undefined,
  });
}
