// The one root secret (AUTH_SECRET) and keys derived from it for each purpose, so a leaked
// purpose key (storage links, realtime) says nothing about the session key.
import { createHmac } from "node:crypto";
import { env, isBuildPhase, isProduction } from "@/lib/env";
import { log } from "@/lib/log";

// Development has a fixed secret so `npm run dev` needs no configuration; production must set one.
const DEV_SECRET = "pagecraft-development-secret-do-not-use-in-production";

let warned = false;

export function rootSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (isProduction && !isBuildPhase && !warned) {
    warned = true;
    log.warn("AUTH_SECRET is not set; using the development secret. Set AUTH_SECRET in production.");
  }
  return DEV_SECRET;
}

/** A key for one purpose, e.g. `deriveSecret("storage-links:v1")`. */
export function deriveSecret(purpose: string): string {
  return createHmac("sha256", rootSecret()).update(`pagecraft:${purpose}`).digest("base64url");
}
