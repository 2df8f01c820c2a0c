"use client";

import {
  KeyboardIcon,
  LayoutGridIcon,
  LogOutIcon,
  MoonIcon,
  PlusIcon,
  SettingsIcon,
  SunIcon,
} from "lucide-react";
import { useTheme } from "next-themes";
import type { PaletteCommand } from "@/components/command-palette/types";
import { useNewProject } from "@/components/dashboard/new-project-provider";
import { useSignOut } from "@/components/shell/user-menu";

/**
 * What the palette offers on every studio screen, each doing what its button elsewhere does:
 * the dashboard's "New project" dialog, the top bar's theme toggle and account menu.
 */
export function useStudioCommands({ onShowShortcuts }: { onShowShortcuts: () => void }): PaletteCommand[] {
  const { openNewProject } = useNewProject();
  const { resolvedTheme, setTheme } = useTheme();
  const nextTheme = resolvedTheme === "dark" ? "light" : "dark";
  // The account menu's own sign-out (components/shell/user-menu.tsx).
  const { signOut } = useSignOut();

  return [
    {
      id: "new-project",
      label: "New project",
      icon: PlusIcon,
      keywords: ["create", "template"],
      run: () => openNewProject(),
    },
    {
      id: "dashboard",
      label: "Go to dashboard",
      icon: LayoutGridIcon,
      keywords: ["projects", "home"],
      href: "/dashboard",
    },
    {
      id: "settings",
      label: "Open settings",
      icon: SettingsIcon,
      keywords: ["workspace", "account", "models"],
      href: "/settings",
    },
    {
      id: "toggle-theme",
      label: `Switch to ${nextTheme} theme`,
      icon: nextTheme === "dark" ? MoonIcon : SunIcon,
      keywords: ["theme", "dark", "light", "mode", "appearance"],
      run: () => setTheme(nextTheme),
    },
    {
      id: "shortcuts",
      label: "Keyboard shortcuts",
      icon: KeyboardIcon,
      keywords: ["keys", "help"],
      shortcut: "?",
      run: onShowShortcuts,
    },
    {
      id: "sign-out",
      label: "Sign out",
      icon: LogOutIcon,
      keywords: ["log out", "logout"],
      run: signOut,
    },
  ];
}
