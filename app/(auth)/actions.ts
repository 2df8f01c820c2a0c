"use server";
// Sign-in and sign-up for the studio's forms. Sign-in goes through next-auth's credentials
// provider so that the session cookie is set exactly as the REST sign-in sets it.
import { headers } from "next/headers";
import { AuthError, CredentialsSignin } from "next-auth";
import { runPublicAction } from "@/lib/api/action";
import type { ActionResult } from "@/lib/api/action-result";
import { clientIp } from "@/lib/api/client-ip";
import { signIn } from "@/lib/auth/auth";
import type { OAuthProviderId } from "@/lib/auth/config-public";
import { signInBodySchema, signUpBodySchema } from "@/lib/auth/schemas";
import { signUp } from "@/lib/auth/sign-up";
import { accountLocked, invalidCredentials } from "@/lib/auth/verify-credentials";
import { AppError } from "@/lib/errors";
import { RATE_LIMITS } from "@/lib/kv/limits";
import { enforceRateLimit, rateLimitError } from "@/lib/kv/rate-limit";

async function signInWithPassword(email: string, password: string): Promise<void> {
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      if (error.code.startsWith("locked:")) throw accountLocked(new Date(error.code.slice("locked:".length)));
      if (error.code.startsWith("rate_limit:")) {
        throw rateLimitError(RATE_LIMITS.signInPerIp, Number(error.code.slice("rate_limit:".length)) || 60);
      }
      throw invalidCredentials();
    }
    if (error instanceof AuthError) {
      throw new AppError("unauthorized:sign_in", "Sign-in failed. Try again in a moment.");
    }
    throw error;
  }
}

/** Signs in with email + password. On success the caller navigates to `redirectTo`. */
export async function signInAction(input: {
  email: string;
  password: string;
}): Promise<ActionResult<{ redirectTo: string }>> {
  return runPublicAction(async () => {
    const parsed = signInBodySchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError("validation:sign_in", issue.message, { field: String(issue.path[0] ?? "email") });
    }
    await signInWithPassword(parsed.data.email, parsed.data.password);
    return { redirectTo: "/dashboard" };
  });
}

/** Creates the account and its personal workspace, then signs in. */
export async function signUpAction(input: {
  name: string;
  email: string;
  password: string;
}): Promise<ActionResult<{ redirectTo: string }>> {
  return runPublicAction(async () => {
    await enforceRateLimit("signUpPerIp", clientIp(await headers()) ?? "unknown");
    const body = signUpBodySchema.parse(input);
    await signUp(body);
    await signInWithPassword(body.email, body.password);
    return { redirectTo: "/dashboard" };
  });
}

/** Starts an OAuth sign-in; next-auth redirects the browser to the provider. */
export async function signInWithProviderAction(provider: OAuthProviderId): Promise<void> {
  await signIn(provider, { redirectTo: "/dashboard" });
}
