// A small server speaking Upstash's REST protocol in front of a real redis-server, so the
// @vercel/kv driver is tested through the real @vercel/kv client over HTTP. The protocol as the
// client uses it: POST / with one command as a JSON array, or POST /pipeline with an array of
// them; `Authorization: Bearer <token>`; replies `{ result }` or `{ error }` (400 for a single
// failed command); with `Upstash-Encoding: base64`, every string in a result is base64-encoded.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";

export interface RunningUpstashRest {
  url: string;
  token: string;
  /** Commands received, e.g. to show scripts ran as EVALSHA. */
  commands: string[];
  close(): Promise<void>;
}

type Reply = { result: unknown } | { error: string };

function encode(value: unknown): unknown {
  if (typeof value === "string") return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map(encode);
  return value;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

export async function startUpstashRest(redisUrl: string): Promise<RunningUpstashRest> {
  const redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
  const token = randomBytes(16).toString("hex");
  const commands: string[] = [];

  async function run(command: unknown, base64: boolean): Promise<Reply> {
    if (!Array.isArray(command) || command.length === 0) return { error: "ERR malformed command" };
    const [name, ...args] = command.map((part) => (typeof part === "string" ? part : JSON.stringify(part)));
    commands.push(name.toUpperCase());
    try {
      const result = await redis.call(name, ...args);
      return { result: base64 ? encode(result) : result };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  const server = createServer(async (request, response) => {
    const reply = (status: number, body: unknown) =>
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    try {
      if (request.method !== "POST") return reply(405, { error: "Method not allowed" });
      if (request.headers.authorization !== `Bearer ${token}`) return reply(401, { error: "Unauthorized" });
      const base64 = request.headers["upstash-encoding"] === "base64";
      const body = await readJson(request);
      const path = new URL(request.url ?? "/", "http://x").pathname;
      if (path === "/") {
        const result = await run(body, base64);
        return reply("error" in result ? 400 : 200, result);
      }
      if (path === "/pipeline" && Array.isArray(body)) {
        const results: Reply[] = [];
        for (const command of body) results.push(await run(command, base64));
        return reply(200, results);
      }
      return reply(404, { error: `Unsupported path ${path}` });
    } catch (error) {
      return reply(400, { error: error instanceof Error ? error.message : String(error) });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    commands,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await redis.quit();
    },
  };
}
