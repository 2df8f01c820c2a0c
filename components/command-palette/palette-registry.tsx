"use client";

import { createContext, useCallback, useContext, useEffect, useState } from "react";
import type { PaletteCommand } from "@/components/command-palette/types";

type Register = (commands: PaletteCommand[]) => () => void;

const RegistryContext = createContext<Register | null>(null);

/**
 * Offers `commands` in the palette while the calling component is mounted (the editor offers
 * its tabs this way). Pass a memoised list: a new array re-registers. Outside the studio's
 * palette provider it does nothing, so a screen works without it.
 */
export function usePaletteCommands(commands: PaletteCommand[]): void {
  const register = useContext(RegistryContext);
  useEffect(() => register?.(commands), [register, commands]);
}

/** Takes the `register` of `usePaletteRegistry`. */
export const PaletteRegistryProvider = RegistryContext.Provider;

/** The commands screens offer right now, in the order they were offered, and how they offer them. */
export function usePaletteRegistry() {
  const [lists, setLists] = useState<PaletteCommand[][]>([]);
  const register = useCallback<Register>((commands) => {
    setLists((prev) => [...prev, commands]);
    return () => setLists((prev) => prev.filter((list) => list !== commands));
  }, []);
  return { commands: lists.flat(), register };
}
