"use client";

import { usePathname } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { CommandPalette } from "@/components/command-palette/command-palette";
import {
  isApplePlatform,
  isLayerOpen,
  isPaletteKey,
  isShortcutsKey,
  isTextEntry,
} from "@/components/command-palette/keys";
import { OpenPaletteProvider } from "@/components/command-palette/palette-button";
import { PaletteRegistryProvider, usePaletteRegistry } from "@/components/command-palette/palette-registry";
import { ShortcutsDialog } from "@/components/command-palette/shortcuts-dialog";
import { NewProjectProvider } from "@/components/dashboard/new-project-provider";
import type { TemplateOption } from "@/components/dashboard/types";

/**
 * The studio's keyboard layer, mounted once around every signed-in screen: Cmd/Ctrl+K opens the
 * command palette, `?` the list of shortcuts, and screens below offer their own commands through
 * `usePaletteCommands`. The templates feed the palette's "New project", the dashboard's own dialog.
 */
export function CommandPaletteProvider({
  templates,
  children,
}: {
  templates: TemplateOption[];
  children: React.ReactNode;
}) {
  const { commands, groups, registry } = usePaletteRegistry();
  const pathname = usePathname();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);

  const togglePalette = useCallback(() => {
    setShortcutsOpen(false);
    setPaletteOpen((open) => !open);
  }, []);
  const showShortcuts = useCallback(() => setShortcutsOpen(true), []);
  const openPalette = useCallback(() => {
    setShortcutsOpen(false);
    setPaletteOpen(true);
  }, []);

  useEffect(() => {
    const apple = isApplePlatform();
    const onKey = (event: KeyboardEvent) => {
      // Works from anywhere, text fields included: that is where people are when they want it.
      if (isPaletteKey(event, apple)) {
        event.preventDefault();
        togglePalette();
        return;
      }
      // `?` is text in a field, and belongs to an open dialog or menu.
      if (isShortcutsKey(event) && !event.defaultPrevented && !isTextEntry(event.target) && !isLayerOpen()) {
        event.preventDefault();
        showShortcuts();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [togglePalette, showShortcuts]);

  return (
    <PaletteRegistryProvider value={registry}>
      <OpenPaletteProvider value={openPalette}>{children}</OpenPaletteProvider>
      {/* The dashboard's "New project" dialog closes by its page going away once the new project
          opens; this one outlives pages, so a new page starts it afresh (closed). */}
      <NewProjectProvider key={pathname} templates={templates}>
        <CommandPalette
          open={paletteOpen}
          onOpenChange={setPaletteOpen}
          screenCommands={commands}
          screenGroups={groups}
          onShowShortcuts={showShortcuts}
        />
      </NewProjectProvider>
      <ShortcutsDialog open={shortcutsOpen} onOpenChange={setShortcutsOpen} />
    </PaletteRegistryProvider>
  );
}
