import type { ErrorPayload } from "@/lib/errors";
import { cn } from "@/lib/utils";

/** An action's failure in words, announced when it appears; the request id is for support. */
export function ErrorText({
  error,
  className,
  testId,
}: {
  error: ErrorPayload;
  className?: string;
  testId?: string;
}) {
  return (
    <div role="alert" data-testid={testId} className={cn("text-sm text-destructive", className)}>
      <p>{error.message}</p>
      {error.requestId && (
        <p className="mt-0.5 font-mono text-xs text-muted-foreground">Request id: {error.requestId}</p>
      )}
    </div>
  );
}

export const networkError: ErrorPayload = {
  code: "internal:client",
  message: "The request did not reach the server. Check your connection and try again.",
};
