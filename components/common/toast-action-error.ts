import { toast } from "sonner";
import type { ErrorPayload } from "@/lib/errors";

/** A background action's failure as a toast, with the request id as its detail for support. */
export function toastActionError(title: string, error: ErrorPayload) {
  toast.error(title, {
    description: error.requestId ? `${error.message} (request id ${error.requestId})` : error.message,
  });
}
