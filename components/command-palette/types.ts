import type { LucideIcon } from "lucide-react";

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
