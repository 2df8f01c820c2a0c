// The two signatures of the Pusher protocol, checked by the embedded server:
// subscriptions (`key:HMAC(socket_id:channel[:channel_data])`) and HTTP API requests
// (HMAC of `METHOD\npath\nsorted query`, with body_md5 and a fresh auth_timestamp).
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const hmacHex = (secret: string, data: string) =>
  createHmac("sha256", secret).update(data, "utf8").digest("hex");

export const md5Hex = (body: string | Buffer) => createHash("md5").update(body).digest("hex");

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

export interface AppCredentials {
  appId: string;
  key: string;
  secret: string;
}

/** True when `auth` is `key:signature` for this socket, channel and (presence) channel data. */
export function verifyChannelAuth(
  app: AppCredentials,
  input: { socketId: string; channel: string; auth: unknown; channelData?: string },
): boolean {
  if (typeof input.auth !== "string") return false;
  const separator = input.auth.indexOf(":");
  if (separator < 0) return false;
  const key = input.auth.slice(0, separator);
  const signature = input.auth.slice(separator + 1);
  const signed = [input.socketId, input.channel];
  if (input.channelData !== undefined) signed.push(input.channelData);
  return safeEqual(key, app.key) && safeEqual(signature, hmacHex(app.secret, signed.join(":")));
}

/** How far an API request's auth_timestamp may be from our clock (Pusher allows 600 s). */
const MAX_CLOCK_SKEW_SECONDS = 600;

/** Null when the request is correctly signed, else the reason it is refused. */
export function apiRequestProblem(
  app: AppCredentials,
  input: { method: string; path: string; query: URLSearchParams; body: Buffer; now?: number },
): string | null {
  const params = new Map<string, string>();
  for (const [name, value] of input.query) params.set(name.toLowerCase(), value);
  const signature = params.get("auth_signature");
  if (!signature) return "Missing auth_signature";
  if (params.get("auth_key") !== app.key) return "Unknown auth_key";
  if (params.get("auth_version") !== "1.0") return "auth_version must be 1.0";
  const timestamp = Number(params.get("auth_timestamp"));
  const now = (input.now ?? Date.now()) / 1000;
  if (!Number.isInteger(timestamp) || Math.abs(now - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
    return "Timestamp expired: auth_timestamp must be within 600 seconds of the server time";
  }
  if (input.body.length > 0 || params.has("body_md5")) {
    if (!safeEqual(params.get("body_md5") ?? "", md5Hex(input.body)))
      return "body_md5 does not match the body";
  }
  params.delete("auth_signature");
  const query = [...params.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
  const expected = hmacHex(app.secret, [input.method.toUpperCase(), input.path, query].join("\n"));
  return safeEqual(signature, expected) ? null : "Invalid signature";
}
