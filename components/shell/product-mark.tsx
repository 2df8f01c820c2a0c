import { cn } from "@/lib/utils";

/** The Pagecraft logo: a folded page in the accent colour, with the word mark beside it. */
export function ProductMark({ className, withName = true }: { className?: string; withName?: boolean }) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold tracking-tight", className)}>
      <span
        aria-hidden
        className="relative grid size-6 place-items-center rounded-md bg-gradient-to-br from-primary to-violet-500 text-primary-foreground shadow-sm dark:to-violet-400"
      >
        <svg viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="1.6">
          <path d="M4 2.5h5.5L12 5v8.5H4z" strokeLinejoin="round" />
          <path d="M9.5 2.5V5H12" strokeLinejoin="round" />
          <path d="M6 8.5h4M6 11h2.5" strokeLinecap="round" />
        </svg>
      </span>
      {withName && <span>Pagecraft</span>}
    </span>
  );
}
