"use client";

import { Loader2Icon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { signInAction } from "@/app/(auth)/actions";
import { AuthError, unexpectedError } from "@/components/auth/auth-error";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ErrorPayload } from "@/lib/errors";

interface SignInFormProps {
  demoAccount: { email: string; password: string } | null;
}

export function SignInForm({ demoAccount }: SignInFormProps) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      try {
        const result = await signInAction({ email, password });
        if (!result.ok) {
          setError(result.error);
          return;
        }
        router.push(result.data.redirectTo);
        router.refresh();
      } catch {
        setError(unexpectedError);
      }
    });
  }

  return (
    <div className="grid gap-5">
      {demoAccount && (
        <div className="grid gap-2 rounded-lg border border-dashed border-primary/30 bg-accent/40 p-3">
          <p className="text-xs text-muted-foreground">
            Demo account:{" "}
            <span className="font-mono whitespace-nowrap text-foreground">{demoAccount.email}</span> /{" "}
            <span className="font-mono whitespace-nowrap text-foreground">{demoAccount.password}</span>
          </p>
          <Button
            type="button"
            size="sm"
            variant="outline"
            className="justify-self-start"
            data-testid="demo-login"
            onClick={() => {
              setEmail(demoAccount.email);
              setPassword(demoAccount.password);
              setError(null);
            }}
          >
            Use demo account
          </Button>
        </div>
      )}
      <form
        onSubmit={submit}
        className="grid gap-4"
        noValidate
        aria-describedby={error ? "sign-in-error" : undefined}
      >
        <div className="grid gap-2">
          <Label htmlFor="email">Email</Label>
          <Input
            id="email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            placeholder="you@example.com"
            data-testid="email-input"
          />
        </div>
        <div className="grid gap-2">
          <Label htmlFor="password">Password</Label>
          <Input
            id="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="password-input"
          />
        </div>
        {error && <AuthError id="sign-in-error" error={error} />}
        <Button type="submit" disabled={pending} data-testid="auth-submit" aria-busy={pending}>
          {pending && <Loader2Icon className="animate-spin" aria-hidden />}
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      <p className="text-center text-muted-foreground">
        New to Pagecraft?{" "}
        <Link href="/sign-up" className="font-medium text-foreground underline-offset-4 hover:underline">
          Create an account
        </Link>
      </p>
    </div>
  );
}
