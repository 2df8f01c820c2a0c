"use client";

import type { ErrorPayload } from "@/lib/errors";

export type JsonResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; error: ErrorPayload };

/** The API's `{ error }` body as an ErrorPayload, or a message built from the status when there is none. */
export async function readErrorPayload(response: Response, what = "The request"): Promise<ErrorPayload> {
  const requestId = response.headers.get("x-request-id") ?? undefined;
  try {
    const body = (await response.json()) as { error?: Partial<ErrorPayload> };
    if (body.error?.message) {
      return {
        code: body.error.code ?? `http:${response.status}`,
        message: body.error.message,
        field: body.error.field,
        requestId: body.error.requestId ?? requestId,
        details: body.error.details,
      };
    }
  } catch {
    // Not JSON (a proxy page, an empty body): fall through to a message built from the status.
  }
  return { code: `http:${response.status}`, message: `${what} failed (HTTP ${response.status}).`, requestId };
}

/**
 * A same-origin JSON request that never throws: failures (HTTP or network) come back as an
 * ErrorPayload whose message can be shown as is. An aborted request rejects, so callers can ignore it.
 */
export async function requestJson<T>(
  url: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal; what?: string } = {},
): Promise<JsonResult<T>> {
  const { method = "GET", body, signal, what } = init;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      signal,
      cache: "no-store",
      ...(body === undefined
        ? {}
        : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    return {
      ok: false,
      status: 0,
      error: {
        code: "internal:client",
        message: "The request did not reach the server. Check your connection and try again.",
      },
    };
  }
  if (!response.ok)
    return { ok: false, status: response.status, error: await readErrorPayload(response, what) };
  try {
    return { ok: true, status: response.status, data: (await response.json()) as T };
  } catch {
    return {
      ok: false,
      status: response.status,
      error: {
        code: "internal:client",
        message: "The server's answer could not be read.",
        requestId: response.headers.get("x-request-id") ?? undefined,
      },
    };
  }
}

/** `/api/projects/{id}` followed by `suffix`. */
export function projectApi(projectId: string, suffix = ""): string {
  return `/api/projects/${encodeURIComponent(projectId)}${suffix}`;
}
