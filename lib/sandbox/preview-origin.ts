import { env } from "@/lib/env";

/**
 * The browser-facing URL of a local sandbox's preview: its own origin under `*.preview.localhost`
 * (Chromium resolves every `*.localhost` name to loopback), served by the preview gateway.
 */
export function localPreviewUrl(sandboxId: string): string {
  return `http://${sandboxId}.preview.localhost:${env.PREVIEW_PORT}`;
}
