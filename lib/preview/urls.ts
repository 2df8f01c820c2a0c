// Where a preview is served. The local driver's previews go through the gateway on PREVIEW_PORT,
// one origin per preview (`http://<id>.preview.localhost:<port>`): never the studio's origin, so
// the page's scripts cannot read the studio's cookies or storage.
import { env } from "@/lib/env";
import { BOOT_TOKEN_PARAM, PREVIEW_ID_PATTERN, signPreviewToken } from "./tokens";

export const PREVIEW_HOST_SUFFIX = "preview.localhost";

export function gatewayOrigin(previewId: string): string {
  return `http://${previewId}.${PREVIEW_HOST_SUFFIX}:${env.PREVIEW_PORT}`;
}

/** The preview id a gateway request is for, from its Host header (null for any other host). */
export function previewIdFromHost(host: string | undefined): string | null {
  if (!host) return null;
  const name = host.replace(/:\d+$/, "").toLowerCase();
  const dot = name.indexOf(".");
  if (dot < 0 || name.slice(dot + 1) !== PREVIEW_HOST_SUFFIX) return null;
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
