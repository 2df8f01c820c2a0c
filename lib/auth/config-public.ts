// Auth facts the sign-in screen may show. No secrets here.
import { env, isProduction } from "@/lib/env";

export const DEMO_ACCOUNT = {
  email: "demo@pagecraft.dev",
  password: "pagecraft-demo",
  name: "Demo User",
} as const;

/** The demo login is advertised in development, or when SHOW_DEMO_LOGIN says so. */
export const showDemoLogin: boolean = env.SHOW_DEMO_LOGIN ?? !isProduction;

export type OAuthProviderId = "github" | "google";

export function enabledOAuthProviders(): Array<{ id: OAuthProviderId; name: string }> {
  const providers: Array<{ id: OAuthProviderId; name: string }> = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) providers.push({ id: "github", name: "GitHub" });
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) providers.push({ id: "google", name: "Google" });
  return providers;
}
