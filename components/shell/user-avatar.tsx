import { cn } from "@/lib/utils";

/** Initials in a circle; no remote images so the chrome never waits on a network fetch. */
export function UserAvatar({ name, className }: { name: string; className?: string }) {
  const initials =
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => part[0]?.toUpperCase())
      .join("") || "?";
  return (
    <span
      aria-hidden
      className={cn(
        "grid size-7 place-items-center rounded-full bg-accent text-[11px] font-semibold text-accent-foreground ring-1 ring-primary/15",
        className,
      )}
    >
      {initials}
    </span>
  );
}
