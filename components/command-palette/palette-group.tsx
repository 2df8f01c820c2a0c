"use client";

import { ChevronsDownIcon, Loader2Icon, RotateCwIcon } from "lucide-react";
import { itemWords } from "@/components/command-palette/palette-filter";
import type { PaletteGroup } from "@/components/command-palette/types";
import { CommandGroup, CommandItem, CommandLoading } from "@/components/ui/command";
import type { ErrorPayload } from "@/lib/errors";

/** A row saying what is loading, for as long as it loads. */
export function PaletteLoading({ label }: { label: string }) {
  return (
    <CommandLoading label={label} className="px-3 [&>div]:flex [&>div]:items-center [&>div]:gap-2">
      <Loader2Icon className="size-3.5 animate-spin" aria-hidden />
      {label}…
    </CommandLoading>
  );
}

interface PaletteLoadErrorProps {
  /** Names the test ids: `command-<id>-error` and `command-retry-<id>`. */
  id: string;
  /** "Could not load projects". */
  what: string;
  error: ErrorPayload;
  retryLabel: string;
  onRetry: () => void;
}

/**
 * Why a group's results could not be loaded (with the request id, for a support request) and the
 * way to try again, which keeps the palette open. Shown whatever is typed, so it is not missed.
 */
export function PaletteLoadError({ id, what, error, retryLabel, onRetry }: PaletteLoadErrorProps) {
  return (
    <>
      <div role="alert" className="px-2 py-1 text-sm text-destructive" data-testid={`command-${id}-error`}>
        <p>
          {what}: {error.message}
        </p>
        {error.requestId && (
          <p className="mt-0.5 font-mono text-xs text-muted-foreground">Request id: {error.requestId}</p>
        )}
      </div>
      <CommandItem
        value={`retry-${id}`}
        keywords={[retryLabel, "retry"]}
        data-testid={`command-retry-${id}`}
        forceMount
        onSelect={onRetry}
      >
        <RotateCwIcon aria-hidden />
        {retryLabel}
      </CommandItem>
    </>
  );
}

interface ScreenGroupProps {
  group: PaletteGroup;
  /** Whether something is typed: then every item is a candidate, else the first few are shown. */
  searching: boolean;
  recent: number;
  onChoose: (run: () => void) => void;
}

/** A group a screen offers (the editor's versions), with the states of the data behind it. */
export function ScreenGroup({ group, searching, recent, onChoose }: ScreenGroupProps) {
  const items = searching ? group.items : group.items.slice(0, recent);
  const more = searching && !group.loading && !group.error ? group.more : null;
  // Kept on screen while it loads or failed, so the state is seen whatever is typed.
  const forceMount = group.loading !== null || group.error !== null;
  if (items.length === 0 && !forceMount && !more) return null;

  return (
    <CommandGroup heading={group.heading} forceMount={forceMount} data-testid={`command-group-${group.id}`}>
      {items.map((item) => (
        <CommandItem
          key={item.id}
          value={item.id}
          keywords={itemWords(item)}
          data-testid={`command-${item.id}`}
          onSelect={() => onChoose(item.run)}
        >
          <item.icon aria-hidden />
          <span className="truncate">{item.label}</span>
          {/* The space keeps the text (what a screen reader says) spaced as the screen shows it:
              "v3 · Change the headline · 5 minutes ago". */}
          {item.detail && (
            <>
              {" "}
              <span className="shrink-0 text-xs text-muted-foreground">· {item.detail}</span>
            </>
          )}
        </CommandItem>
      ))}
      {group.loading && <PaletteLoading label={group.loading} />}
      {group.error && (
        <PaletteLoadError
          id={group.id}
          what={group.error.what}
          error={group.error.payload}
          retryLabel={group.error.retryLabel}
          onRetry={group.error.retry}
        />
      )}
      {more && (
        // Loads in place: the palette stays open and the search runs again over the longer list.
        <CommandItem
          value={`more-${group.id}`}
          keywords={[more.label]}
          data-testid={`command-more-${group.id}`}
          forceMount
          onSelect={more.run}
        >
          <ChevronsDownIcon aria-hidden />
          {more.label}
        </CommandItem>
      )}
    </CommandGroup>
  );
}
