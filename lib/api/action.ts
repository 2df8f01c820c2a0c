// The wrapper for server actions: same session/workspace resolution and error mapping as routes,
// returning errors as values so the form can show them in words.
import "server-only";
import { headers } from "next/headers";
import { getSessionContext, type SessionContext } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { RateLimitName } from "@/lib/kv/limits";
import { enforceRateLimit } from "@/lib/kv/rate-limit";
import type { ActionResult } from "./action-result";
import { toAppError } from "./errors-to-response";

async function requestId(): Promise<string> {
  return (await headers()).get("x-request-id") ?? crypto.randomUUID();
}

export async function runPublicAction<T>(
  fn: (ctx: { requestId: string }) => Promise<T>,
): Promise<ActionResult<T>> {
  const id = await requestId();
  try {
    return { ok: true, data: await fn({ requestId: id }) };
  } catch (error) {
    const e = toAppError(error, id);
    return {
      ok: false,
      error: { code: e.code, message: e.message, field: e.field, details: e.details, requestId: id },
    };
  }
}

export interface WorkspaceActionOptions {
  /**
   * Per-user limits (lib/kv/limits.ts) counted before `fn` runs. Default: the write limit, since
   * actions serve forms that change things. Add "projectCreatePerUser" where projects are created;
   * [] for read-only actions.
   */
  rateLimits?: readonly RateLimitName[];
}

export function runWorkspaceAction<T>(
  fn: (ctx: SessionContext & { requestId: string }) => Promise<T>,
  options: WorkspaceActionOptions = {},
): Promise<ActionResult<T>> {
  return runPublicAction(async ({ requestId }) => {
    const session = await getSessionContext();
    if (!session) throw new AppError("unauthorized:session", "Your session has ended. Sign in again.");
    await enforceRateLimit(options.rateLimits ?? ["writePerUser"], session.user.id);
    return fn({ ...session, requestId });
  });
}
