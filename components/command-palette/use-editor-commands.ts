"use client";

import { CodeIcon, EyeIcon, HistoryIcon, ListChecksIcon, MessageSquareIcon } from "lucide-react";
import { useMemo } from "react";
import { usePaletteCommands } from "@/components/command-palette/palette-registry";
import type { PaletteCommand } from "@/components/command-palette/types";
import type { MobileTab } from "@/components/editor/types";

interface EditorCommandsOptions {
  projectId: string;
  /** The editor's own tab switch. */
  showTab: (tab: MobileTab) => void;
  /** On a narrow screen the chat is a tab too; on a wide one it is always on screen. */
  chatIsTab: boolean;
}

/** Offers the editor's views in the palette while the editor is open: its tabs and the jobs page. */
export function useEditorCommands({ projectId, showTab, chatIsTab }: EditorCommandsOptions): void {
  const commands = useMemo(() => {
    const list: PaletteCommand[] = [
      {
        id: "editor-preview",
        label: "Show Preview",
        icon: EyeIcon,
        keywords: ["tab", "page"],
        run: () => showTab("preview"),
      },
      {
        id: "editor-code",
        label: "Show Code",
        icon: CodeIcon,
        keywords: ["tab", "files", "editor"],
        run: () => showTab("code"),
      },
      {
        id: "editor-history",
        label: "Show History",
        icon: HistoryIcon,
        keywords: ["tab", "versions", "timeline"],
        run: () => showTab("history"),
      },
      {
        id: "editor-jobs",
        label: "Open background jobs",
        icon: ListChecksIcon,
        keywords: ["jobs", "runs", "tasks"],
        href: `/projects/${encodeURIComponent(projectId)}/jobs`,
      },
    ];
    if (chatIsTab) {
      list.unshift({
        id: "editor-chat",
        label: "Show Chat",
        icon: MessageSquareIcon,
        keywords: ["tab"],
        run: () => showTab("chat"),
      });
    }
    return list;
  }, [projectId, showTab, chatIsTab]);
  usePaletteCommands(commands);
}
