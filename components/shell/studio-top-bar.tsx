import Link from "next/link";
import { PaletteButton } from "@/components/command-palette/palette-button";
import { ProductMark } from "@/components/shell/product-mark";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { UserMenu } from "@/components/shell/user-menu";

interface StudioTopBarProps {
  user: { name: string; email: string };
  workspace: { name: string };
}

export function StudioTopBar({ user, workspace }: StudioTopBarProps) {
  return (
    <header className="sticky top-0 z-40 flex h-12 shrink-0 items-center gap-3 border-b bg-background/85 px-4 backdrop-blur supports-[backdrop-filter]:bg-background/70">
      <Link
        href="/dashboard"
        className="rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        aria-label="Pagecraft dashboard"
      >
        <ProductMark withName={false} />
      </Link>
      <span aria-hidden className="text-lg font-light text-border">
        /
      </span>
      <Link
        href="/dashboard"
        className="truncate rounded-md px-1 font-medium outline-none hover:text-foreground/80 focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        {workspace.name}
      </Link>
      <div className="ml-auto flex items-center gap-1.5">
        <PaletteButton />
        <ThemeToggle />
        <UserMenu user={user} />
      </div>
    </header>
  );
}
