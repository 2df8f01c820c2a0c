// The one wrapper every route handler goes through: request id, session and workspace
// resolution, cross-site request refusal, and error mapping. Routes stay a few lines long.
import "server-only";
import { getSessionContext, type SessionContext } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { RateLimitName } from "@/lib/kv/limits";
import { enforceRateLimit } from "@/lib/kv/rate-limit";
import { log } from "@/lib/log";
import { errorResponse } from "./errors-to-response";

type Params = Record<string, string | string[] | undefined>;

interface RouteContext<P extends Params> {
  params: Promise<P>;
}

export interface PublicHandlerArgs<P extends Params> {
  request: Request;
  params: P;
  requestId: string;
}

export interface WorkspaceHandlerArgs<P extends Params> extends PublicHandlerArgs<P>, SessionContext {}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function requestIdOf(request: Request): string {
  return request.headers.get("x-request-id") ?? crypto.randomUUID();
}

/** A JSON response carrying the request id. */
export function json(
  data: unknown,
  init: { status?: number; requestId: string; headers?: HeadersInit },
): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json");
  headers.set("x-request-id", init.requestId);
  return new Response(JSON.stringify(data), { status: init.status ?? 200, headers });
}

function withRequestId(response: Response, requestId: string): Response {
  if (!response.headers.has("x-request-id")) response.headers.set("x-request-id", requestId);
  return response;
}

/** Session cookies must not be usable from other sites: refuse cross-origin writes. */
function assertSameOrigin(request: Request) {
  if (!unsafeMethods.has(request.method)) return;
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site") throw new AppError("forbidden:origin", "Cross-site requests are not allowed.");
  const origin = request.headers.get("origin");
  if (origin && origin !== "null") {
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    if (host && new URL(origin).host !== host) {
      throw new AppError("forbidden:origin", "Cross-site requests are not allowed.");
    }
  }
}

export function withPublic<P extends Params = Params>(
  handler: (args: PublicHandlerArgs<P>) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const requestId = requestIdOf(request);
    const started = performance.now();
    try {
      assertSameOrigin(request);
      const params = await context.params;
      return withRequestId(await handler({ request, params, requestId }), requestId);
    } catch (error) {
      return errorResponse(error, requestId);
    } finally {
      log.debug("request", {
        requestId,
        method: request.method,
        url: request.url,
        ms: performance.now() - started,
      });
    }
  };
}

export interface WorkspaceRouteOptions {
  /**
   * Per-user limits (lib/kv/limits.ts) counted on POST/PUT/PATCH/DELETE before the handler runs.
   * Default: the write limit. Add "projectCreatePerUser" where projects are created; [] for none.
   */
  rateLimits?: readonly RateLimitName[];
}

const defaultWriteLimits: readonly RateLimitName[] = ["writePerUser"];

/** Requires a signed-in user; resolves the workspace (`?workspaceId=` or the personal one). */
export function withWorkspace<P extends Params = Params>(
  handler: (args: WorkspaceHandlerArgs<P>) => Promise<Response>,
  options: WorkspaceRouteOptions = {},
) {
  return withPublic<P>(async ({ request, params, requestId }) => {
    const requested = new URL(request.url).searchParams.get("workspaceId");
    const session = await getSessionContext(requested);
    if (!session) throw new AppError("unauthorized:session", "Sign in to continue.");
    if (unsafeMethods.has(request.method)) {
      await enforceRateLimit(options.rateLimits ?? defaultWriteLimits, session.user.id);
    }
    return handler({ request, params, requestId, ...session });
  });
}
