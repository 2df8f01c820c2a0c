// The local driver's "presigned" links: `/api/storage/<key>?expires=…&sig=…`, where sig is an
// HMAC-SHA256 over the method, the key, the expiry and every option the link carries, so none of
// them can be changed without invalidating it.
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { deriveSecret } from "@/lib/secrets";
import { assertValidKey } from "./keys";

/**
 * STORAGE_SIGNING_SECRET, or a key derived from AUTH_SECRET (or the development secret) — derived
 * rather than reused so a leaked link key says nothing about the session key.
 */
export function storageSigningSecret(): string {
  if (env.STORAGE_SIGNING_SECRET) return env.STORAGE_SIGNING_SECRET;
  return deriveSecret("storage-links:v1");
}

export const storageRoutePrefix = "/api/storage/";

export interface LinkClaims {
  method: "GET" | "PUT";
  key: string;
  /** Unix seconds. */
  expires: number;
  contentType?: string;
  filename?: string;
}

function signature(claims: LinkClaims, secret: string): Buffer {
  const payload = [
    claims.method,
    claims.key,
    String(claims.expires),
    claims.contentType ?? "",
    claims.filename ?? "",
  ].join("\n");
  return createHmac("sha256", secret).update(payload).digest();
}

/** An absolute URL under APP_URL (or `baseUrl`) that carries the claims and their signature. */
export function signLink(claims: LinkClaims, secret: string, baseUrl: string): string {
  assertValidKey(claims.key);
  const path = claims.key.split("/").map(encodeURIComponent).join("/");
  const url = new URL(`${storageRoutePrefix}${path}`, baseUrl);
  url.searchParams.set("expires", String(claims.expires));
  if (claims.contentType) url.searchParams.set("type", claims.contentType);
  if (claims.filename) url.searchParams.set("filename", claims.filename);
  url.searchParams.set("sig", signature(claims, secret).toString("base64url"));
  return url.toString();
}

/** Reads the claims from a request for `key` and checks them; throws a 403 AppError otherwise. */
export function verifyLink(
  method: "GET" | "PUT",
  key: string,
  url: URL,
  secret: string,
  now = Date.now(),
): LinkClaims {
  assertValidKey(key);
  const q = url.searchParams;
  const expires = Number(q.get("expires"));
  const given = Buffer.from(q.get("sig") ?? "", "base64url");
  const claims: LinkClaims = {
    method,
    key,
    expires,
    contentType: q.get("type") ?? undefined,
    filename: q.get("filename") ?? undefined,
  };
  const expected = signature(claims, secret);
  if (
    !Number.isSafeInteger(expires) ||
    given.length !== expected.length ||
    !timingSafeEqual(given, expected)
  ) {
    throw new AppError("forbidden:storage_link", "This link is not valid. Ask for a new one.");
  }
  if (expires * 1000 <= now) {
    throw new AppError(
      "forbidden:storage_link_expired",
      `This link expired at ${new Date(expires * 1000).toISOString()}. Ask for a new one.`,
    );
  }
  return claims;
}
