// The embedded server's HTTP API: the subset of Pusher's REST API the `pusher` server client
// uses — trigger (events, batch_events) and channel queries — each request signed with the
// app secret exactly as Pusher checks it.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { CHANNEL_NAME_PATTERN } from "../channels";
import { MAX_BATCH_EVENTS, MAX_EVENT_BYTES } from "../types";
import type { ChannelHub } from "./hub";
import { type AppCredentials, apiRequestProblem } from "./signing";

/** A full batch of maximal events, with room for JSON overhead. */
const MAX_BODY_BYTES = 256 * 1024;

const channelName = z.string().regex(CHANNEL_NAME_PATTERN, "Invalid channel name");
const eventName = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !name.startsWith("pusher:") && !name.startsWith("pusher_internal:"), {
    message: "Event names starting with pusher: are reserved",
  });
const socketId = z.string().regex(/^\d+\.\d+$/, "Invalid socket_id");

const triggerSchema = z
  .object({
    name: eventName,
    data: z.string(),
    channels: z.array(channelName).min(1).max(100).optional(),
    channel: channelName.optional(),
    socket_id: socketId.optional(),
    info: z.string().optional(),
  })
  .refine((body) => body.channels || body.channel, { message: "Give channels or channel" });

const batchSchema = z.object({
  batch: z
    .array(
      z.object({
        channel: channelName,
        name: eventName,
        data: z.string(),
        socket_id: socketId.optional(),
        info: z.string().optional(),
      }),
    )
    .max(MAX_BATCH_EVENTS, `A batch has at most ${MAX_BATCH_EVENTS} events`),
});

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Stop buffering; the rest is drained and discarded while the 413 goes out.
        request.removeAllListeners("data");
        request.resume();
        reject(new HttpError(413, "Request body too large"));
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

function parseJson<T>(body: Buffer, schema: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(body.toString("utf8"));
  } catch {
    throw new HttpError(400, "Body is not valid JSON");
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(400, `${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  return parsed.data;
}

function assertEventSize(data: string): void {
  if (Buffer.byteLength(data, "utf8") > MAX_EVENT_BYTES) {
    throw new HttpError(413, `Event data is larger than ${MAX_EVENT_BYTES} bytes`);
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  response.writeHead(status, {
    ...(status >= 400 ? { connection: "close" } : {}),
    "content-type": typeof body === "string" ? "text/plain; charset=utf-8" : "application/json",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}

export function createHttpApi(app: AppCredentials, hub: ChannelHub) {
  const prefix = `/apps/${app.appId}/`;

  async function route(method: string, path: string, url: URL, body: Buffer): Promise<unknown> {
    if (method === "POST" && path === `${prefix}events`) {
      const event = parseJson(body, triggerSchema);
      assertEventSize(event.data);
      for (const channel of event.channels ?? [event.channel as string]) {
        hub.broadcast(channel, event.name, event.data, event.socket_id);
      }
      return {};
    }
    if (method === "POST" && path === `${prefix}batch_events`) {
      const { batch } = parseJson(body, batchSchema);
      for (const event of batch) assertEventSize(event.data);
      for (const event of batch) hub.broadcast(event.channel, event.name, event.data, event.socket_id);
      return {};
    }
    if (method === "GET" && path === `${prefix}channels`) {
      const filter = url.searchParams.get("filter_by_prefix") ?? "";
      const names = hub.channelNames(filter);
      return { channels: Object.fromEntries(names.map((name) => [name, {}])) };
    }
    const channelMatch = /^channels\/([^/]+)(\/users)?$/.exec(path.slice(prefix.length));
    if (method === "GET" && path.startsWith(prefix) && channelMatch) {
      const name = decodeURIComponent(channelMatch[1]);
      if (channelMatch[2]) {
        if (!name.startsWith("presence-")) throw new HttpError(400, "Only presence channels have users");
        return { users: [...hub.members(name).keys()].map((id) => ({ id })) };
      }
      const count = hub.subscriptionCount(name);
      return {
        occupied: count > 0,
        subscription_count: count,
        ...(name.startsWith("presence-") ? { user_count: hub.members(name).size } : {}),
      };
    }
    throw new HttpError(404, "Not found");
  }

  return async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const url = new URL(request.url ?? "/", "http://embedded");
      const method = request.method ?? "GET";
      if (method === "GET" && url.pathname === "/") return send(response, 200, { ok: true });
      if (!url.pathname.startsWith(prefix)) throw new HttpError(404, "Unknown app");
      const body = await readBody(request);
      const problem = apiRequestProblem(app, { method, path: url.pathname, query: url.searchParams, body });
      if (problem) throw new HttpError(401, problem);
      send(response, 200, await route(method, url.pathname, url, body));
    } catch (error) {
      if (error instanceof HttpError) send(response, error.status, error.message);
      else send(response, 500, "Internal error");
    }
  };
}
