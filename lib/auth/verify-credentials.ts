// Email + password check with lockout: 5 failures within 15 minutes lock the account for
// 15 minutes. A wrong password and an unknown email give the same answer. Before any of that,
// attempts are rate-limited per IP and per email+IP (lib/kv/limits.ts).
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { enforceRateLimit, hashSubject } from "@/lib/kv/rate-limit";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { type SessionUser, signInBodySchema } from "./schemas";

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60_000;
export const LOCKOUT_DURATION_MS = 15 * 60_000;

export const invalidCredentials = () =>
  new AppError("unauthorized:credentials", "That email and password do not match an account.");

export function accountLocked(until: Date) {
  return new AppError(
    "locked:account",
    `Too many failed sign-in attempts. This account is locked until ${formatTime(until)}.`,
    {
      details: { lockedUntil: until.toISOString() },
      retryAfter: Math.ceil((until.getTime() - Date.now()) / 1000),
    },
  );
}

function formatTime(date: Date): string {
  return `${date.toISOString().slice(11, 16)} UTC`;
}

export async function verifyCredentials(input: {
  email: unknown;
  password: unknown;
  ip?: string | null;
  now?: Date;
}): Promise<SessionUser> {
  const parsed = signInBodySchema.safeParse({ email: input.email, password: input.password });
  if (!parsed.success) throw invalidCredentials();
  const { email, password } = parsed.data;
  const ip = input.ip || "unknown";
  await enforceRateLimit("signInPerIp", ip);
  await enforceRateLimit("signInPerEmailIp", `${hashSubject(email)}|${ip}`);
  const now = input.now ?? new Date();
  const db = getDb();

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, lockedUntil: true },
  });
  if (user?.lockedUntil && user.lockedUntil > now) throw accountLocked(user.lockedUntil);

  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : await verifyAgainstDummy(password);
  await db.loginAttempt.create({
    data: { email, userId: user?.id ?? null, success: ok, ip: input.ip ?? null },
  });
  if (ok && user) return { id: user.id, email: user.email, name: user.name };
  if (!user) throw invalidCredentials();

  // Count failures in the window, since the last success and since the last lock ended.
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { userId: user.id, success: true },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const since = Math.max(
    now.getTime() - LOCKOUT_WINDOW_MS,
    lastSuccess?.createdAt.getTime() ?? 0,
    user.lockedUntil?.getTime() ?? 0,
  );
  const failures = await db.loginAttempt.count({
    where: { userId: user.id, success: false, createdAt: { gte: new Date(since) } },
  });
  if (failures >= LOCKOUT_THRESHOLD) {
    const until = new Date(now.getTime() + LOCKOUT_DURATION_MS);
    await db.user.update({ where: { id: user.id }, data: { lockedUntil: until } });
    throw accountLocked(until);
  }
  throw invalidCredentials();
}
