// Where things live in object storage, and which keys and options are acceptable.
// Keys never contain user-chosen text.
import { AppError } from "@/lib/errors";

export function blobKey(workspaceId: string, projectId: string, sha256: string): string {
  return `workspaces/${workspaceId}/projects/${projectId}/blobs/${sha256}`;
}

export function exportKey(workspaceId: string, projectId: string, exportId: string, file: string): string {
  return `workspaces/${workspaceId}/projects/${projectId}/exports/${exportId}/${file}`;
}

const keyPattern = /^[A-Za-z0-9!_.*'()/-]+$/;
const sha256Pattern = /^[0-9a-f]{64}$/;
/** S3 refuses presigned URLs valid for longer than a week; the local driver follows suit. */
export const maxLinkSeconds = 7 * 24 * 60 * 60;

/** Rejects keys that could escape a prefix or a folder (`..`, empty segments, odd characters). */
export function assertValidKey(key: string): void {
  if (
    key.length === 0 ||
    key.length > 1024 ||
    !keyPattern.test(key) ||
    key.startsWith("/") ||
    key.split("/").some((s) => s === "" || s === "." || s === "..")
  ) {
    throw new AppError("bad_request:storage_key", `Invalid storage key: ${JSON.stringify(key)}`);
  }
}

/** A list prefix is a key, or the start of one (it may end with `/`), or empty. */
export function assertValidPrefix(prefix: string): void {
  if (prefix === "") return;
  assertValidKey(prefix.endsWith("/") ? prefix.slice(0, -1) : prefix);
}

export function assertValidSha256(sha256: string | undefined): void {
  if (sha256 !== undefined && !sha256Pattern.test(sha256)) {
    throw new AppError("bad_request:checksum", "A sha256 checksum is 64 lowercase hex characters.");
  }
}

export function assertValidExpiry(expiresIn: number): void {
  if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > maxLinkSeconds) {
    throw new AppError("bad_request:expiry", `Link expiry must be 1–${maxLinkSeconds} whole seconds.`);
  }
}

export function checksumMismatch(key: string): AppError {
  return new AppError("validation:checksum", `The content for ${key} does not match its sha256 checksum.`);
}

/** content-disposition for a download, safe for any file name (RFC 6266 / RFC 5987). */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(filename)}`;
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
