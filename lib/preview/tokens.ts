// Access to a preview origin: the studio hands the iframe a short-lived boot token in the URL
// (`?__pagecraft_token=`); the gateway checks it and trades it for a longer session token in a cookie on the
// preview origin. Both are HMAC-signed for one preview id and expire; nothing is stored.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { deriveSecret } from "@/lib/secrets";

export type PreviewTokenKind = "boot" | "session";

/** The boot token only has to survive the iframe's first request. */
export const BOOT_TOKEN_TTL_MS = 5 * 60_000;
/** The cookie lasts a working day; an editor open longer gets a new one on its next reload. */
export const SESSION_TOKEN_TTL_MS = 12 * 60 * 60_000;
export const PREVIEW_COOKIE = "__pagecraft_preview";
/**
 * The query parameter carrying the boot token. Not `t`: Vite stamps hot-updated module URLs with
 * `?t=<time>`, and those must reach the dev server untouched.
 */
export const BOOT_TOKEN_PARAM = "__pagecraft_token";

let cachedKey: string | undefined;
const key = () => {
  cachedKey ??= deriveSecret("preview-tokens:v1");
  return cachedKey;
};

function signature(kind: PreviewTokenKind, previewId: string, expires: string): string {
  return createHmac("sha256", key())
    .update(`${kind}:${previewId}:${expires}`)
    .digest("base64url")
    .slice(0, 32);
}

export function signPreviewToken(
  previewId: string,
  kind: PreviewTokenKind,
  options: { ttlMs?: number; now?: number } = {},
): string {
  const ttl = options.ttlMs ?? (kind === "boot" ? BOOT_TOKEN_TTL_MS : SESSION_TOKEN_TTL_MS);
  const expires = Math.floor(((options.now ?? Date.now()) + ttl) / 1000).toString(36);
  return `${expires}.${signature(kind, previewId, expires)}`;
}

export function verifyPreviewToken(
  previewId: string,
  kind: PreviewTokenKind,
  token: string | null | undefined,
  now = Date.now(),
): boolean {
  if (!token || token.length > 100) return false;
  const [expires, sig] = token.split(".");
  if (!expires || !sig || !/^[0-9a-z]{1,12}$/.test(expires)) return false;
  if (Number.parseInt(expires, 36) * 1000 < now) return false;
  const expected = Buffer.from(signature(kind, previewId, expires));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const base32 = "abcdefghijklmnopqrstuvwxyz234567";

/** An unguessable preview id (128 random bits), usable as a DNS label: `p` + 26 base32 characters. */
export function newPreviewId(): string {
  const bytes = randomBytes(17);
  let bits = 0;
  let value = 0;
  let out = "p";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 27) {
      out += base32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

export const PREVIEW_ID_PATTERN = /^p[a-z2-7]{26}$/;
