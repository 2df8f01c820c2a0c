import type { ErrorPayload } from "@/lib/errors";
import { cn } from "@/lib/utils";

/** An action's failure, in words, announced to screen readers; the request id is there for support. */
export function AuthError({
  error,
  id,
  className,
}: {
  error: ErrorPayload;
  id?: string;
  className?: string;
}) {
  return (
    <div
      id={id}
      role="alert"
      data-testid="auth-error"
      className={cn(
        "rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-destructive",
        className,
      )}
    >
      <p>{error.message}</p>
      {error.requestId && (
        <p className="mt-1 font-mono text-xs text-muted-foreground">Request id: {error.requestId}</p>
      )}
    </div>
  );
}

/** The error a form shows when the action itself could not be reached (network, crash). */
export const unexpectedError: ErrorPayload = {
  code: "internal:client",
  message: "Something went wrong on our side. Check your connection and try again.",
};
