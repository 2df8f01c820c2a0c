import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DEMO_ACCOUNT, enabledOAuthProviders, showDemoLogin } from "@/lib/auth/config-public";
import { getSessionContext } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await getSessionContext()) redirect("/dashboard");
  const demoAccount = showDemoLogin ? { email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password } : null;
  return (
    <Card className="gap-5 shadow-md">
      <CardHeader>
        <CardTitle className="text-xl">Sign in to Pagecraft</CardTitle>
        <CardDescription>Pick up where you left off.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        <OAuthButtons providers={enabledOAuthProviders()} />
        <SignInForm demoAccount={demoAccount} />
      </CardContent>
    </Card>
  );
}
