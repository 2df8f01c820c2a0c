import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { enabledOAuthProviders } from "@/lib/auth/config-public";
import { getSessionContext } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await getSessionContext()) redirect("/dashboard");
  return (
    <Card className="gap-5 shadow-md">
      <CardHeader>
        <CardTitle className="text-xl">Create your account</CardTitle>
        <CardDescription>Describe a landing page, watch it being built.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        <OAuthButtons providers={enabledOAuthProviders()} />
        <SignUpForm />
      </CardContent>
    </Card>
  );
}
