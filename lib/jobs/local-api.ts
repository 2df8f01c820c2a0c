// The Inngest API as the local executor offers it to the SDK in this process. The client's
// `baseUrl` points at an origin that never resolves, and its `fetch` hands requests for that origin
// to the running executor: `POST /e/:key` (send events). Everything else goes to the real fetch.
import type { EventPayloadInput, LocalExecutorHandle } from "./types";

export const LOCAL_INNGEST_ORIGIN = "http://local-executor.pagecraft.invalid";

const globalForExecutor = globalThis as typeof globalThis & {
  __pagecraftLocalExecutor?: LocalExecutorHandle;
};

/** The executor started in this process, if any (one per process, shared by every bundle). */
export function getLocalExecutor(): LocalExecutorHandle | undefined {
  return globalForExecutor.__pagecraftLocalExecutor;
}

export function setLocalExecutor(executor: LocalExecutorHandle | undefined): void {
  globalForExecutor.__pagecraftLocalExecutor = executor;
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

async function handle(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (request.method === "POST" && /^\/e\/[^/]+$/.test(url.pathname)) {
    const executor = getLocalExecutor();
    if (!executor) {
      return jsonResponse(503, { status: 503, error: "The local job executor is not running." });
    }
    const body: unknown = await request.json();
    const events = (Array.isArray(body) ? body : [body]) as EventPayloadInput[];
    const ids = await executor.ingest(events);
    return jsonResponse(200, { ids, status: 200 });
  }
  return jsonResponse(404, {
    status: 404,
    error: `The local executor has no ${request.method} ${url.pathname}.`,
  });
}

export const localInngestFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  if (new URL(request.url).origin !== LOCAL_INNGEST_ORIGIN) return fetch(request);
  return handle(request);
};
