// Every rate limit in the studio, in one place. Sliding windows (lib/kv/types.ts): at most `limit`
// requests in any `windowMs`. A refusal is AppError `rate_limit:<surface>` → 429 with Retry-After and
// "<message>. Try again in 42 seconds." Limits count attempts, not failures.
//
// Sizing: generous for people (the e2e suite signs up several users and makes 5+ wrong sign-ins
// from 127.0.0.1), tight for scripts. Sign-in per email+IP stays above the account lockout
// (5 failures in 15 minutes, lib/auth/verify-credentials.ts) so the lockout answers first and says
// until when; the limits then stop a locked-out client from burning argon2 time.

export interface RateLimitRule {
  limit: number;
  windowMs: number;
  /** The `<surface>` in the error code `rate_limit:<surface>`. */
  surface: string;
  /** Says what was too much; " Try again in …" is appended. */
  message: string;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

export const RATE_LIMITS = {
  /** Sign-in attempts from one IP address, any email: slows credential stuffing across accounts. */
  signInPerIp: {
    limit: 30,
    windowMs: 15 * MINUTE,
    surface: "sign_in",
    message: "Too many sign-in attempts",
  },
  /** Sign-in attempts for one email from one IP address: slows guessing one account's password. */
  signInPerEmailIp: {
    limit: 10,
    windowMs: 15 * MINUTE,
    surface: "sign_in",
    message: "Too many sign-in attempts",
  },
  /** Accounts created from one IP address (successful or not). */
  signUpPerIp: {
    limit: 20,
    windowMs: 10 * MINUTE,
    surface: "sign_up",
    message: "Too many sign-up attempts from this network",
  },
  /** Writes by one user: every POST/PUT/PATCH/DELETE API call and every write server action. */
  writePerUser: {
    limit: 120,
    windowMs: MINUTE,
    surface: "write",
    message: "Too many changes in a short time",
  },
  /** Projects created (or duplicated) by one user, on top of the write limit. */
  projectCreatePerUser: {
    limit: 30,
    windowMs: MINUTE,
    surface: "project_create",
    message: "Too many new projects in a short time",
  },
  /** Chat turns by one user, on top of the write limit: each one calls a model. */
  chatPerUser: {
    limit: 20,
    windowMs: MINUTE,
    surface: "chat",
    message: "Too many messages in a short time",
  },
} as const satisfies Record<string, RateLimitRule>;

export type RateLimitName = keyof typeof RATE_LIMITS;

/**
 * How long the limiter may take before a request goes through unchecked. When the store is down or
 * slow we fail open: an outage of the KV must not lock everyone out of the studio.
 */
export const RATE_LIMIT_TIMEOUT_MS = 2 * SECOND;
