// Where things are inside an E2B preview sandbox, and what lets a request in: the template image's
// paths (sandbox-template/e2b.Dockerfile) and, with public traffic off, the header E2B's proxy
// wants (a browser's iframe cannot send it, so only our gateway and our probes reach the sandbox).
import type { E2BSandboxHandle } from "../e2b-client";

/** Paths inside the template image (sandbox-template/e2b.Dockerfile). */
export const E2B_LAYOUT = {
  home: "/home/user/pagecraft",
  app: "/home/user/pagecraft/app",
  cache: "/home/user/pagecraft/cache",
  launcher: "/home/user/pagecraft/launcher.mjs",
  port: 5173,
} as const;

export const HMR_PATH = "/__vite_hmr";

/** With public traffic off, E2B's proxy lets a request into the sandbox only with this header. */
export const E2B_TRAFFIC_TOKEN_HEADER = "e2b-traffic-access-token";

export function accessHeaders(handle: E2BSandboxHandle): Record<string, string> {
  return handle.trafficAccessToken ? { [E2B_TRAFFIC_TOKEN_HEADER]: handle.trafficAccessToken } : {};
}

/** The sandbox's own base URL for `port` (the dev server's by default). */
export function sandboxBaseUrl(
  handle: E2BSandboxHandle,
  protocol: "https" | "http" = "https",
  port: number = E2B_LAYOUT.port,
): string {
  return `${protocol}://${handle.getHost(port)}`;
}
