// The limits of lib/kv/limits.ts where the studio uses them: sign-in (through verifyCredentials, as
// next-auth's authorize calls it), the sign-up route, and the write wrappers for routes and actions.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setKv } from "@/lib/kv";
import { RATE_LIMITS } from "@/lib/kv/limits";
import { createMemoryKv } from "@/lib/kv/memory";
import { setupTestApp } from "./helpers/app";

// Route and action wrappers resolve the session through next-auth and next/headers, which need a
// Next.js request; here the signed-in user is given.
vi.mock("@/lib/auth/session", () => ({
  getSessionContext: async () => ({
    user: { id: "user-1", email: "u@example.com", name: "U" },
    workspace: { id: "ws-1", name: "U's workspace", role: "owner", personal: true },
  }),
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const { signUp } = await import("@/lib/auth/sign-up");
const { LOCKOUT_THRESHOLD, verifyCredentials } = await import("@/lib/auth/verify-credentials");
const { withWorkspace } = await import("@/lib/api/handler");
const { runWorkspaceAction } = await import("@/lib/api/action");
const signupRoute = await import("@/app/api/auth/signup/route");

let app: Awaited<ReturnType<typeof setupTestApp>>;
beforeAll(async () => {
  app = await setupTestApp();
});
afterAll(() => app.teardown());
beforeEach(() => setKv(createMemoryKv()));

const noParams = { params: Promise.resolve({}) };

describe("sign-in", () => {
  it("locks the account at 5 failures (not a 429), then limits one email from one IP", async () => {
    await signUp({ email: "erin@example.com", password: "erin's password", name: "Erin" });
    const attempt = (password: string) =>
      verifyCredentials({ email: "erin@example.com", password, ip: "203.0.113.7" }).catch((e) => e);
    const codes: string[] = [];
    for (let i = 1; i <= RATE_LIMITS.signInPerEmailIp.limit; i++)
      codes.push((await attempt(`nope ${i}`)).code);
    expect(codes.slice(0, LOCKOUT_THRESHOLD - 1).every((c) => c === "unauthorized:credentials")).toBe(true);
    expect(codes.slice(LOCKOUT_THRESHOLD - 1).every((c) => c === "locked:account")).toBe(true);
    const limited = await attempt("erin's password");
    expect(limited).toMatchObject({ code: "rate_limit:sign_in", status: 429 });
    expect(limited.retryAfter).toBeGreaterThan(14 * 60);
    expect(limited.message).toMatch(/^Too many sign-in attempts\. Try again in 15 minutes\.$/);
    // The same email from another address is not rate-limited (the account lock still applies).
    const elsewhere = await verifyCredentials({
      email: "erin@example.com",
      password: "erin's password",
      ip: "203.0.113.8",
    }).catch((e) => e);
    expect(elsewhere.code).toBe("locked:account");
  });

  it("limits attempts from one IP across emails", async () => {
    const ip = "198.51.100.1";
    for (let i = 0; i < RATE_LIMITS.signInPerIp.limit; i++) {
      const e = await verifyCredentials({ email: `nobody${i}@example.com`, password: "x", ip }).catch(
        (x) => x,
      );
      expect(e.code).toBe("unauthorized:credentials");
    }
    const limited = await verifyCredentials({ email: "someone@example.com", password: "x", ip }).catch(
      (e) => e,
    );
    expect(limited.code).toBe("rate_limit:sign_in");
  });
});

describe("sign-up route", () => {
  it("answers 429 with Retry-After once an IP has used its sign-ups, bad attempts included", async () => {
    const post = (ip: string) =>
      signupRoute.POST(
        new Request("http://localhost/api/auth/signup", {
          method: "POST",
          headers: { "content-type": "application/json", "x-real-ip": ip },
          body: JSON.stringify({ email: "not an email", password: "long enough", name: "N" }),
        }),
        noParams,
      );
    for (let i = 0; i < RATE_LIMITS.signUpPerIp.limit; i++)
      expect((await post("192.0.2.50")).status).toBe(422);
    const limited = await post("192.0.2.50");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(9 * 60);
    const body = await limited.json();
    expect(body.error.code).toBe("rate_limit:sign_up");
    expect(body.error.message).toContain("Try again in 10 minutes.");
    expect((await post("192.0.2.51")).status).toBe(422);
  });
});

describe("write wrappers", () => {
  const handler = withWorkspace(async () => new Response(null, { status: 204 }));
  const createHandler = withWorkspace(async () => new Response(null, { status: 201 }), {
    rateLimits: ["writePerUser", "projectCreatePerUser"],
  });
  const call = (h: typeof handler, method: string) =>
    h(new Request("http://localhost/api/x", { method }), noParams);

  it("counts POST/PATCH/PUT/DELETE per user and answers 429 with Retry-After; reads are free", async () => {
    const methods = ["POST", "PATCH", "PUT", "DELETE"];
    for (let i = 0; i < RATE_LIMITS.writePerUser.limit; i++) {
      expect((await call(handler, methods[i % 4])).status).toBe(204);
    }
    const limited = await call(handler, "PATCH");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect((await limited.json()).error.code).toBe("rate_limit:write");
    expect((await call(handler, "GET")).status).toBe(204);
  });

  it("applies the stricter project-creation limit where a route asks for it", async () => {
    for (let i = 0; i < RATE_LIMITS.projectCreatePerUser.limit; i++) {
      expect((await call(createHandler, "POST")).status).toBe(201);
    }
    const limited = await call(createHandler, "POST");
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.code).toBe("rate_limit:project_create");
    expect((await call(handler, "POST")).status).toBe(204); // other writes are still within theirs
  });

  it("limits write server actions and returns the refusal as a value", async () => {
    for (let i = 0; i < RATE_LIMITS.writePerUser.limit; i++) {
      expect((await runWorkspaceAction(async () => "done")).ok).toBe(true);
    }
    const refused = await runWorkspaceAction(async () => "done");
    expect(refused).toMatchObject({ ok: false, error: { code: "rate_limit:write" } });
    expect(refused.ok === false && refused.error.message).toMatch(
      /^Too many changes in a short time\. Try again in \d+ seconds\.$/,
    );
    const read = await runWorkspaceAction(async () => "listed", { rateLimits: [] });
    expect(read.ok).toBe(true);
  });
});
