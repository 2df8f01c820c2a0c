"use client";

import { Loader2Icon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { signUpAction } from "@/app/(auth)/actions";
import { AuthError, unexpectedError } from "@/components/auth/auth-error";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ErrorPayload } from "@/lib/errors";

type Field = "name" | "email" | "password";
const FIELDS: Field[] = ["name", "email", "password"];

export function SignUpForm() {
  const router = useRouter();
  const [values, setValues] = useState<Record<Field, string>>({ name: "", email: "", password: "" });
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [pending, startTransition] = useTransition();
  const errorField = FIELDS.find((f) => f === error?.field) ?? null;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      try {
        const result = await signUpAction(values);
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

  function fieldProps(field: Field) {
    const invalid = errorField === field;
    return {
      id: field,
      name: field,
      value: values[field],
      onChange: (e: React.ChangeEvent<HTMLInputElement>) =>
        setValues((v) => ({ ...v, [field]: e.target.value })),
      "aria-invalid": invalid || undefined,
      "data-testid": `${field}-input`,
    };
  }

  /** A field's error sits under the field it is about; other errors sit above the button. */
  const errorFor = (field: Field) =>
    error && errorField === field ? (
      <AuthError id={`${field}-error`} error={error} className="text-xs" />
    ) : null;

  return (
    <form onSubmit={submit} className="grid gap-4" noValidate>
      <div className="grid gap-2">
        <Label htmlFor="name">Name</Label>
        <Input
          {...fieldProps("name")}
          autoComplete="name"
          placeholder="Ada Lovelace"
          aria-describedby={errorField === "name" ? "name-error" : undefined}
        />
        {errorFor("name")}
      </div>
      <div className="grid gap-2">
        <Label htmlFor="email">Email</Label>
        <Input
          {...fieldProps("email")}
          type="email"
          autoComplete="email"
          placeholder="you@example.com"
          aria-describedby={errorField === "email" ? "email-error" : undefined}
        />
        {errorFor("email")}
      </div>
      <div className="grid gap-2">
        <Label htmlFor="password">Password</Label>
        <Input
          {...fieldProps("password")}
          type="password"
          autoComplete="new-password"
          minLength={8}
          aria-describedby={errorField === "password" ? "password-error password-hint" : "password-hint"}
        />
        <p id="password-hint" className="text-xs text-muted-foreground">
          At least 8 characters.
        </p>
        {errorFor("password")}
      </div>
      {error && !errorField && <AuthError error={error} />}
      <Button type="submit" disabled={pending} data-testid="auth-submit" aria-busy={pending}>
        {pending && <Loader2Icon className="animate-spin" aria-hidden />}
        {pending ? "Creating account…" : "Create account"}
      </Button>
      <p className="text-center text-muted-foreground">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-foreground underline-offset-4 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
