// Key names in one place, so two features never collide on a key by accident.

/**
 * The lock for cross-step work on one project (an AI apply run, a restore, an export snapshot):
 * `getKv().withLock(projectLockKey(id), ttlMs, fn)`. Committing a version needs no KV lock — its
 * transaction already holds the project's row lock (lib/versions/commit-version.ts).
 */
export function projectLockKey(projectId: string): string {
  return `lock:project:${projectId}`;
}

/** A rate-limit window: `rl:<limit name>:<who>` (an IP, `email|ip`, a user id). */
export function rateLimitKey(name: string, subject: string): string {
  return `rl:${name}:${subject}`;
}
