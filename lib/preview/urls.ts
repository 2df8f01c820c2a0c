// Where a preview is served. Every preview, on every sandbox driver, goes through the preview
// gateway, one origin per preview: `http://<id>.preview.localhost:<PREVIEW_PORT>` by default,
// `PREVIEW_ORIGIN` (e.g. `https://{id}.preview.example.com`, wildcard DNS to the gateway) in
// production. Never the studio's origin, so the page's scripts cannot read the studio's cookies
// or storage.
import { env, type PreviewOrigin } from "@/lib/env";
import { BOOT_TOKEN_PARAM, PREVIEW_ID_PATTERN, signPreviewToken } from "./tokens";

export type { PreviewOrigin };

/** The configured preview origin (read on each call: tests and benchmarks change the port). */
export function previewOrigin(): PreviewOrigin {
  return env.PREVIEW_ORIGIN ?? { scheme: "http", domain: "preview.localhost", port: env.PREVIEW_PORT };
}

/** The origin a preview is served from. */
export function gatewayOrigin(previewId: string, origin: PreviewOrigin = previewOrigin()): string {
  return `${origin.scheme}://${previewId}.${origin.domain}${origin.port ? `:${origin.port}` : ""}`;
}

/** `*.preview.localhost:3001`: what the gateway answers for, in logs. */
export function gatewayOriginPattern(origin: PreviewOrigin = previewOrigin()): string {
  return gatewayOrigin("*", origin);
}

/**
 * The preview id a gateway request is for, from its Host header (null for any other host). The
 * port is not compared: behind a proxy that terminates TLS the gateway's own port is not the
 * public one.
 */
export function previewIdFromHost(
  host: string | undefined,
  origin: PreviewOrigin = previewOrigin(),
): string | null {
  if (!host) return null;
  const name = host.replace(/:\d+$/, "").replace(/\.$/, "").toLowerCase();
  const dot = name.indexOf(".");
  if (dot < 0 || name.slice(dot + 1) !== origin.domain) return null;
  const id = name.slice(0, dot);
  return PREVIEW_ID_PATTERN.test(id) ? id : null;
}

/** The URL the studio's iframe (or a new tab) opens: the origin plus a fresh boot token. */
export function bootUrl(origin: string, previewId: string, path = "/"): string {
  const url = new URL(path, origin);
  url.searchParams.set(BOOT_TOKEN_PARAM, signPreviewToken(previewId, "boot"));
  return url.toString();
}

/** The studio's origin, the only one allowed to frame previews. */
export function studioOrigin(): string {
  return new URL(env.APP_URL).origin;
}
