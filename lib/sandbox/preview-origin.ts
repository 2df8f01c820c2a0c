import { gatewayOrigin } from "@/lib/preview/urls";

/**
 * A browser-style URL for a sandbox under the preview domain (`*.preview.localhost`, or
 * PREVIEW_ORIGIN's). Browsers are handed the preview session's origin instead (the gateway routes
 * preview ids, not sandbox ids): see lib/preview/urls.ts.
 */
export function localPreviewUrl(sandboxId: string): string {
  return gatewayOrigin(sandboxId);
}
