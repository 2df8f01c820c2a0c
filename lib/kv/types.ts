// Key-value: one interface for rate limits, locks, registries and caches. Drivers: Upstash REST
// (@vercel/kv), Redis (ioredis) and in-memory (the embedded default, one process). Every driver
// passes tests/integration/kv.contract.test.ts; the semantics below are that contract.

export type KvDriverName = "memory" | "redis" | "upstash";

export interface SetOptions {
  /** Expire the key this many milliseconds from now. Default: never. */
  ttlMs?: number;
  /** Only set when the key does not exist (Redis `SET … NX`). */
  nx?: boolean;
}

export interface IncrOptions {
  /**
   * Give the counter this time to live when it has none (i.e. when incr creates it): a fixed
   * window that starts at the first increment. An existing expiry is left alone.
   */
  ttlMs?: number;
}

export interface Lock {
  /** Proof of ownership: only a release with this token deletes the lock. */
  token: string;
}

export interface RateLimitOptions {
  /** Requests allowed within any window of `windowMs`. */
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  /** True when this request is within the limit (and was counted). Refused requests are not counted. */
  ok: boolean;
  /** Requests still allowed in the current window after this one. */
  remaining: number;
  /** Milliseconds until the oldest counted request leaves the window, i.e. until one more slot frees. */
  resetMs: number;
  /** Whole seconds the caller should wait before retrying: 0 when ok, else ≥ 1 (for Retry-After). */
  retryAfterSeconds: number;
}

export interface WithLockOptions {
  /** How long to keep trying to acquire a held lock before giving up. Default: 0 (one attempt). */
  waitMs?: number;
}

/** What each driver implements. */
export interface KvDriver {
  readonly driver: KvDriverName;
  /** The stored value (JSON round-trip), or null when the key is missing or expired. */
  get<T = unknown>(key: string): Promise<T | null>;
  /** Stores `value` as JSON. Returns false only when `nx` is set and the key already exists. */
  set(key: string, value: unknown, options?: SetOptions): Promise<boolean>;
  /** Returns whether a key was deleted. */
  delete(key: string): Promise<boolean>;
  /** Atomically adds one and returns the new value (1 for a new key). */
  incr(key: string, options?: IncrOptions): Promise<number>;
  /** Takes the lock when free (or expired) for `ttlMs`; null when someone else holds it. */
  acquireLock(key: string, ttlMs: number): Promise<Lock | null>;
  /** Deletes the lock only if `token` still holds it (atomic compare-and-delete). */
  releaseLock(key: string, token: string): Promise<boolean>;
  /** Sliding-window limiter: at most `limit` counted requests in any `windowMs`. */
  rateLimit(key: string, options: RateLimitOptions): Promise<RateLimitResult>;
  /** Resolves when the store answers; rejects otherwise. */
  ping(): Promise<void>;
  /** Releases connections and timers (tests, shutdown). */
  close(): Promise<void>;
}

/** What the rest of the code uses: a driver plus helpers built on it. */
export interface Kv extends KvDriver {
  /**
   * Runs `fn` while holding the lock `key` (acquired for `ttlMs`, released afterwards by token).
   * Throws AppError `conflict:locked` when the lock stays taken for `waitMs`. `ttlMs` must outlast
   * `fn`: a lock that expires mid-run may be taken by someone else.
   */
  withLock<T>(key: string, ttlMs: number, fn: () => Promise<T>, options?: WithLockOptions): Promise<T>;
}
