import { cn } from "@/lib/utils";

// How a key is spoken where its symbol means nothing to a screen reader.
const SPOKEN: Record<string, string> = {
  "⌘": "Command",
  "↑": "Up arrow",
  "↓": "Down arrow",
  "?": "Question mark",
};

/** A combination written "Mod+K", as key caps; "Mod" is ⌘ on Apple platforms and Ctrl elsewhere. */
export function KeysLabel({
  combo,
  modKey,
  className,
}: {
  combo: string;
  modKey: string;
  className?: string;
}) {
  const keys = combo.split("+").map((key) => (key === "Mod" ? modKey : key));
  return (
    <span className={cn("inline-flex items-center gap-0.5", className)}>
      {keys.map((key, index) => (
        <kbd
          // A combination never repeats a key, but its position keeps the key unique regardless.
          key={`${index}-${key}`}
          className="inline-flex h-5 min-w-5 items-center justify-center rounded border bg-muted px-1 font-sans text-[11px] font-medium text-muted-foreground"
        >
          {SPOKEN[key] ? (
            <>
              <span aria-hidden>{key}</span>
              <span className="sr-only">{SPOKEN[key]}</span>
            </>
          ) : (
            key
          )}
        </kbd>
      ))}
    </span>
  );
}
