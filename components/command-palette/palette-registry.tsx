"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { PaletteCommand, PaletteGroup } from "@/components/command-palette/types";

interface Registry {
  addCommands: (commands: PaletteCommand[]) => () => void;
  addGroup: (group: PaletteGroup) => () => void;
}

const RegistryContext = createContext<Registry | null>(null);

/**
 * Offers `commands` in the palette while the calling component is mounted (the editor offers
 * its tabs this way). Pass a memoised list: a new array re-registers. Outside the studio's
 * palette provider it does nothing, so a screen works without it.
 */
export function usePaletteCommands(commands: PaletteCommand[]): void {
  const registry = useContext(RegistryContext);
  useEffect(() => registry?.addCommands(commands), [registry, commands]);
}

/**
 * Offers a group of results under its own heading while the calling component is mounted (the
 * History panel offers the project's versions this way). Memoise it, as with `usePaletteCommands`.
 */
export function usePaletteGroup(group: PaletteGroup): void {
  const registry = useContext(RegistryContext);
  useEffect(() => registry?.addGroup(group), [registry, group]);
}

/** Takes the `registry` of `usePaletteRegistry`. */
export const PaletteRegistryProvider = RegistryContext.Provider;

/** What screens offer right now, in the order they offered it, and how they offer it. */
export function usePaletteRegistry() {
  const [lists, setLists] = useState<PaletteCommand[][]>([]);
  const [groups, setGroups] = useState<PaletteGroup[]>([]);
  const addCommands = useCallback((commands: PaletteCommand[]) => {
    setLists((prev) => [...prev, commands]);
    return () => setLists((prev) => prev.filter((list) => list !== commands));
  }, []);
  const addGroup = useCallback((group: PaletteGroup) => {
    setGroups((prev) => [...prev, group]);
    return () => setGroups((prev) => prev.filter((g) => g !== group));
  }, []);
  const registry = useMemo<Registry>(() => ({ addCommands, addGroup }), [addCommands, addGroup]);
  return { commands: lists.flat(), groups, registry };
}
