"use client";

import { RotateCwIcon, TriangleAlertIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";

export default function DashboardError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // The failure happened while rendering on the server, so refetch before re-rendering.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <main className="mx-auto grid w-full max-w-7xl px-4 py-16 sm:px-6 lg:px-8">
      <div
        role="alert"
        className="mx-auto flex max-w-md flex-col items-center gap-3 rounded-xl border bg-card px-6 py-10 text-center"
      >
        <TriangleAlertIcon className="size-6 text-destructive" aria-hidden />
        <h1 className="text-lg font-semibold">Your projects could not be loaded</h1>
        <p className="text-muted-foreground">
          The server did not answer as expected. Try again; if it keeps failing, send us the reference below.
        </p>
        <Button onClick={retry} disabled={pending}>
          <RotateCwIcon className={pending ? "animate-spin" : undefined} aria-hidden />
          {pending ? "Retrying…" : "Try again"}
        </Button>
        {error.digest && <p className="font-mono text-xs text-muted-foreground">Reference: {error.digest}</p>}
      </div>
    </main>
  );
}
