// The fix loop's brake. Each failure a version shows (type-check problems, a build error, a
// runtime error) is reduced to a fingerprint that ignores line numbers, hashes and query strings;
// when the same fingerprint has failed MAX_IDENTICAL_FAILURES versions of a project, fixing it
// with AI stops being offered and the studio says so.
import { createHash } from "node:crypto";
import { getKv } from "@/lib/kv";

export const MAX_IDENTICAL_FAILURES = 2;
const TTL_MS = 24 * 60 * 60_000;

const failureKey = (projectId: string, fingerprint: string) => `preview:failure:${projectId}:${fingerprint}`;

export function failureFingerprint(failure: { kind: string; message: string; file?: string | null }): string {
  const message = failure.message
    .split("\n")[0]
    .replace(/\?[^\s)'"]*/g, "") // ?t=… query strings on module URLs
    .replace(/\b[0-9a-f]{8,}\b/gi, "#") // hashes
    .replace(/[:(]\d+(?:[:,]\d+)?\)?/g, "") // :12:5 and (12,5)
    .replace(/\d+/g, "0")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
  const kind = failure.kind === "typecheck" ? "typecheck" : "page";
  return createHash("sha256")
    .update(`${kind}\n${failure.file ?? ""}\n${message}`)
    .digest("hex")
    .slice(0, 24);
}

/** The fingerprint of a set of problems (type-check output): all of them, in order. */
export function problemsFingerprint(problems: Array<{ file: string | null; message: string }>): string {
  return failureFingerprint({
    kind: "typecheck",
    message: problems.map((p) => `${p.file ?? ""} ${p.message}`).join(" | "),
  });
}

export interface FailureRecord {
  /** Versions of the project that failed this way. */
  occurrences: number;
  fixAllowed: boolean;
}

const recordOf = (versions: string[]): FailureRecord => ({
  occurrences: versions.length,
  fixAllowed: versions.length < MAX_IDENTICAL_FAILURES,
});

/** Counts `versionId` as failing with `fingerprint` (each version once). */
export async function recordFailure(
  projectId: string,
  versionId: string | null,
  fingerprint: string,
): Promise<FailureRecord> {
  const kv = getKv();
  const key = failureKey(projectId, fingerprint);
  const versions = (await kv.get<string[]>(key)) ?? [];
  const id = versionId ?? "unknown";
  if (!versions.includes(id)) {
    versions.push(id);
    await kv.set(key, versions.slice(-10), { ttlMs: TTL_MS });
  }
  return recordOf(versions);
}

export async function failureRecord(projectId: string, fingerprint: string): Promise<FailureRecord> {
  return recordOf((await getKv().get<string[]>(failureKey(projectId, fingerprint))) ?? []);
}
