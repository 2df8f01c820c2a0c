// Maps anything thrown by a handler to a JSON error response. Nothing internal leaks:
// unknown errors become a generic 500 with the request id, and the details go to the log.
import { ZodError } from "zod";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";

export function toAppError(error: unknown, requestId: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.join(".") || undefined;
    if (issue?.code === "unrecognized_keys") {
      const keys = issue.keys;
      return new AppError(
        "validation:body",
        `Unknown field${keys.length > 1 ? "s" : ""}: ${keys.join(", ")}.`,
        {
          field: keys[0],
        },
      );
    }
    return new AppError(
      "validation:body",
      field ? `${field}: ${issue.message}` : (issue?.message ?? "Invalid input."),
      {
        field,
      },
    );
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") {
    return new AppError("not_found:record", "That record does not exist.");
  }
  log.error("unhandled error", { requestId, error });
  return new AppError(
    "internal:server",
    "Something went wrong on our side. Try again, and quote the request id if it persists.",
  );
}

export function errorResponse(error: unknown, requestId: string): Response {
  const appError = toAppError(error, requestId);
  const headers = new Headers({ "content-type": "application/json", "x-request-id": requestId });
  if (appError.retryAfter !== undefined) headers.set("retry-after", String(Math.max(1, appError.retryAfter)));
  return new Response(JSON.stringify(appError.toJSON(requestId)), { status: appError.status, headers });
}
