import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/sign-up";
import { LOCKOUT_THRESHOLD, verifyCredentials } from "@/lib/auth/verify-credentials";
import { setupTestApp } from "./helpers/app";

let app: Awaited<ReturnType<typeof setupTestApp>>;

beforeAll(async () => {
  app = await setupTestApp();
});
afterAll(() => app.teardown());

describe("sign-up and sign-in", () => {
  it("creates a user with a hashed password and an owned personal workspace", async () => {
    const user = await signUp({ email: "  Carol@Example.com ", password: "long enough pw", name: "Carol" });
    expect(user.email).toBe("carol@example.com");
    const row = await app.db.user.findUniqueOrThrow({
      where: { id: user.id },
      omit: { passwordHash: false },
    });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const memberships = await app.db.membership.findMany({
      where: { userId: user.id },
      include: { workspace: true },
    });
    expect(memberships).toHaveLength(1);
    expect(memberships[0].role).toBe("owner");
    expect(memberships[0].workspace.personal).toBe(true);
  });

  it("refuses a second account with the same email (409) and bad input (422)", async () => {
    await expect(
      signUp({ email: "carol@example.com", password: "another pw1", name: "C" }),
    ).rejects.toMatchObject({
      status: 409,
      field: "email",
    });
    await expect(signUp({ email: "not-an-email", password: "long enough pw", name: "X" })).rejects.toThrow();
    await expect(signUp({ email: "x@example.com", password: "short", name: "X" })).rejects.toThrow();
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const wrong = await verifyCredentials({ email: "carol@example.com", password: "wrong" }).catch((e) => e);
    const unknown = await verifyCredentials({ email: "nobody@example.com", password: "wrong" }).catch(
      (e) => e,
    );
    expect(wrong.code).toBe("unauthorized:credentials");
    expect(unknown.code).toBe(wrong.code);
    expect(unknown.message).toBe(wrong.message);
    const ok = await verifyCredentials({ email: "CAROL@example.com", password: "long enough pw" });
    expect(ok.email).toBe("carol@example.com");
  });

  it("locks the account for 15 minutes after 5 failures, even for the right password", async () => {
    await signUp({ email: "dave@example.com", password: "dave's password", name: "Dave" });
    for (let i = 1; i < LOCKOUT_THRESHOLD; i++) {
      const e = await verifyCredentials({ email: "dave@example.com", password: `nope${i}` }).catch((x) => x);
      expect(e.code).toBe("unauthorized:credentials");
    }
    const locked = await verifyCredentials({ email: "dave@example.com", password: "nope5" }).catch((x) => x);
    expect(locked.code).toBe("locked:account");
    const until = new Date(locked.details.lockedUntil).getTime();
    expect(until - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    expect(locked.message).toContain("locked until");

    const stillLocked = await verifyCredentials({
      email: "dave@example.com",
      password: "dave's password",
    }).catch((x) => x);
    expect(stillLocked.code).toBe("locked:account");

    // Once the lock has passed, the right password works again.
    await app.db.user.update({
      where: { email: "dave@example.com" },
      data: { lockedUntil: new Date(Date.now() - 1000) },
    });
    await expect(
      verifyCredentials({ email: "dave@example.com", password: "dave's password" }),
    ).resolves.toMatchObject({
      email: "dave@example.com",
    });
  });
});
