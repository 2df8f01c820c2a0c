import type { ErrorPayload } from "@/lib/errors";

/** What every server action returns: never throws to the client, errors are values. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };
