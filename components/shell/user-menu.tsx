"use client";

import { LogOutIcon, SettingsIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useTransition } from "react";
import { toast } from "sonner";
import { signOutAction } from "@/app/(studio)/actions";
import { UserAvatar } from "@/components/shell/user-avatar";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

/**
 * Signing out, for every place that offers it (this menu and the command palette), so they end
 * the session, leave the studio and report a failure the same way. `pending` is true meanwhile.
 */
export function useSignOut(): { signOut: () => void; pending: boolean } {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const signOut = useCallback(() => {
    startTransition(async () => {
      try {
        await signOutAction();
        router.push("/sign-in");
        // The studio's server components were rendered for the signed-in user: drop them.
        router.refresh();
      } catch {
        toast.error("Could not sign out. Try again.");
      }
    });
  }, [router]);
  return { signOut, pending };
}

export function UserMenu({ user }: { user: { name: string; email: string } }) {
  const { signOut, pending } = useSignOut();

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        data-testid="user-menu"
        aria-label={`Account menu for ${user.name}`}
        className="rounded-full outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        <UserAvatar name={user.name} />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-60">
        <DropdownMenuLabel className="grid gap-0.5">
          <span className="truncate">{user.name}</span>
          <span className="truncate text-xs font-normal text-muted-foreground">{user.email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/settings" data-testid="settings-link">
            <SettingsIcon aria-hidden />
            Settings
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem data-testid="sign-out" disabled={pending} onSelect={signOut}>
          <LogOutIcon aria-hidden />
          {pending ? "Signing out…" : "Sign out"}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
