// next-auth (Auth.js v5): email + password always, GitHub and Google when their keys are set.
// Sessions are JWTs in an httpOnly cookie; next-auth's own endpoints carry CSRF tokens.
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { clientIp } from "@/lib/api/client-ip";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { rootSecret } from "@/lib/secrets";
import { upsertOAuthUser } from "./oauth-user";
import { verifyCredentials } from "./verify-credentials";

/** Carries our error code to the caller of signIn() (`locked:<ISO time>`, `rate_limit:<seconds>`). */
class CredentialsError extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

const providers: NextAuthConfig["providers"] = [
  Credentials({
    credentials: { email: { type: "email" }, password: { type: "password" } },
    async authorize(credentials, request) {
      try {
        const ip = clientIp(request.headers);
        return await verifyCredentials({ email: credentials.email, password: credentials.password, ip });
      } catch (error) {
        if (isAppError(error) && error.code === "locked:account") {
          throw new CredentialsError(`locked:${String(error.details?.lockedUntil)}`);
        }
        if (isAppError(error) && error.type === "rate_limit") {
          throw new CredentialsError(`rate_limit:${error.retryAfter ?? 60}`);
        }
        if (isAppError(error)) throw new CredentialsError("invalid");
        throw error;
      }
    },
  }),
];
if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
  providers.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
}
if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
  providers.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: rootSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers,
  logger: {
    // A failed sign-in is an expected outcome, not an error worth a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      log.error("auth error", { error });
    },
    warn(code) {
      log.warn("auth warning", { code });
    },
  },
  callbacks: {
    async jwt({ token, user, account, profile }) {
      if (account && account.provider !== "credentials") {
        const linked = await upsertOAuthUser({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email: String(profile?.email ?? user?.email ?? ""),
          name: String(profile?.name ?? user?.name ?? ""),
          image: user?.image,
        });
        token.sub = linked.id;
        token.email = linked.email;
        token.name = linked.name;
      } else if (user?.id) {
        token.sub = user.id;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
    signIn({ account, profile }) {
      // OAuth sign-in needs a verified email to link accounts safely.
      if (account && account.provider !== "credentials") return Boolean(profile?.email);
      return true;
    },
  },
});
