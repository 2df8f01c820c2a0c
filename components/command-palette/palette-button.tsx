"use client";

import { SearchIcon } from "lucide-react";
import { createContext, useContext, useEffect, useState } from "react";
import { isApplePlatform, modKeyLabel } from "@/components/command-palette/keys";
import { KeysLabel } from "@/components/command-palette/keys-label";
import { Button } from "@/components/ui/button";

const OpenPaletteContext = createContext<(() => void) | null>(null);

/** Takes the provider's "open the palette". */
export const OpenPaletteProvider = OpenPaletteContext.Provider;

/**
 * The palette for pointers and touch: a search button in the top bar showing its shortcut (a phone
 * has no keyboard to press Cmd/Ctrl+K on). Nothing outside the palette's provider.
 */
export function PaletteButton() {
  const open = useContext(OpenPaletteContext);
  // Known only in the browser: the server renders Ctrl, and a Mac shows ⌘ once hydrated.
  const [modKey, setModKey] = useState(modKeyLabel(false));
  useEffect(() => setModKey(modKeyLabel(isApplePlatform())), []);
  if (!open) return null;
  return (
    <Button
      type="button"
      variant="outline"
      size="sm"
      onClick={open}
      data-testid="palette-button"
      aria-label="Search projects and actions"
      aria-keyshortcuts={modKey === "⌘" ? "Meta+K" : "Control+K"}
      className="h-8 gap-2 px-2 text-muted-foreground sm:w-56 sm:justify-start"
    >
      <SearchIcon aria-hidden className="size-4" />
      <span className="hidden sm:inline">Search…</span>
      <KeysLabel combo="Mod+K" modKey={modKey} className="ml-auto hidden sm:inline-flex" />
    </Button>
  );
}
