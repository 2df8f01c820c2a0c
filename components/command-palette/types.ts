import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import type { ErrorPayload } from "@/lib/errors";

/** One thing the palette can do: go to a page, or act on the screen that offered it. */
export type PaletteCommand = {
  /** Unique across the palette; also what cmdk tells items apart by. */
  id: string;
  label: string;
  icon: LucideIcon;
  /** Other words that should find it ("tab", "dark"). */
  keywords?: string[];
  /** A shortcut that does the same, shown at the right. */
  shortcut?: string;
} & ({ href: string; run?: never } | { run: () => void; href?: never });

/** One result in a screen's group: choosing it closes the palette, then runs it. */
export interface PaletteItem {
  /** Unique across the palette; also its test id, `command-<id>`. */
  id: string;
  label: string;
  icon: LucideIcon;
  /** The words that find it, besides the label ("v3", "3"). */
  keywords?: string[];
  /** Said after the label, muted ("5 minutes ago"). */
  detail?: ReactNode;
  run: () => void;
}

/**
 * Results a screen offers under their own heading (the editor's versions), from data the screen
 * already holds. With nothing typed the palette lists the first few, newest first; typing searches
 * them all. The states are those of the screen's data, shown the way the Projects group shows its own.
 */
export interface PaletteGroup {
  /** Unique across the palette. */
  id: string;
  heading: string;
  items: PaletteItem[];
  /** What is loading ("Loading older versions"), or null. */
  loading: string | null;
  /** Why loading failed, with what to try again ("Could not load older versions"). */
  error: { what: string; payload: ErrorPayload; retryLabel: string; retry: () => void } | null;
  /** More results can be loaded: offered while searching, and the palette stays open meanwhile. */
  more: { label: string; run: () => void } | null;
}
