// Request signatures as Inngest makes them (docs/SDK_SPEC.md §4.1.3): `t=<unix seconds>&s=<hex
// HMAC-SHA256 of body + t>`, keyed by the signing key without its `signkey-<env>-` prefix.
// In local mode the key is random per process: the executor and the serve handler share the
// process, and nobody else can forge a call to /api/inngest.
import { createHmac, randomBytes } from "node:crypto";

const globalForSigning = globalThis as typeof globalThis & { __pagecraftLocalSigningKey?: string };

/** The signing key the local executor and the served functions share in this process. */
export function localSigningKey(): string {
  globalForSigning.__pagecraftLocalSigningKey ??= `signkey-local-${randomBytes(32).toString("hex")}`;
  return globalForSigning.__pagecraftLocalSigningKey;
}

function stripPrefix(key: string): string {
  return key.replace(/^signkey-\w+-/, "");
}

export function signBody(body: string, signingKey: string, now = Date.now()): string {
  const t = Math.floor(now / 1000).toString();
  const s = createHmac("sha256", stripPrefix(signingKey)).update(body).update(t).digest("hex");
  return `t=${t}&s=${s}`;
}
