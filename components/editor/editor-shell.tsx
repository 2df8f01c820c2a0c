"use client";

import { CodeIcon, EyeIcon, HistoryIcon, MessageSquareIcon } from "lucide-react";
import { useState } from "react";
import { Group, Panel, Separator } from "react-resizable-panels";
import type { ChatInitialData } from "@/components/chat/types";
import { useEditorCommands } from "@/components/command-palette/use-editor-commands";
import { ChatPanel } from "@/components/editor/chat-panel";
import { CodePanel } from "@/components/editor/code-panel";
import { EditorHeader } from "@/components/editor/editor-header";
import { EditorSkeleton } from "@/components/editor/editor-skeleton";
import { HistoryPanel } from "@/components/editor/history-panel";
import { PreviewPanel } from "@/components/editor/preview-panel";
import type { EditorData, MobileTab, WorkspaceTab } from "@/components/editor/types";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { VersionsProvider } from "@/components/versions/versions-provider";
import { useMediaQuery } from "@/lib/hooks/use-media-query";

const TABS: Array<{ value: MobileTab; label: string; icon: typeof EyeIcon }> = [
  { value: "chat", label: "Chat", icon: MessageSquareIcon },
  { value: "preview", label: "Preview", icon: EyeIcon },
  { value: "code", label: "Code", icon: CodeIcon },
  { value: "history", label: "History", icon: HistoryIcon },
];

// Panels stay mounted when hidden so the chat draft, the open file and scroll positions survive tab switches.
const content = "min-h-0 data-[state=inactive]:hidden";

/** The editor: chat on the left, Preview | Code | History on the right; tabs only on a narrow screen. */
export function EditorShell({ data, chat }: { data: EditorData; chat?: ChatInitialData }) {
  const { project, files, versions, moreVersions } = data;
  const isDesktop = useMediaQuery("(min-width: 768px)");
  const [tab, setTab] = useState<MobileTab>("preview");
  const [draft, setDraft] = useState("");
  // Cmd/Ctrl+K offers the tabs and the jobs page while the editor is open.
  useEditorCommands({ projectId: project.id, showTab: setTab, chatIsTab: isDesktop === false });

  const panels: Record<MobileTab, React.ReactNode> = {
    chat: (
      <ChatPanel
        projectId={project.id}
        draft={draft}
        onDraftChange={setDraft}
        initial={chat}
        onOpenHistory={() => setTab("history")}
      />
    ),
    preview: <PreviewPanel projectId={project.id} onShowCode={() => setTab("code")} />,
    code: <CodePanel projectId={project.id} files={files} />,
    history: (
      <HistoryPanel
        versions={versions}
        currentVersionId={project.currentVersionId}
        moreVersions={moreVersions}
      />
    ),
  };

  function renderTabs(values: MobileTab[], active: MobileTab, listClassName: string) {
    return (
      <Tabs
        value={active}
        onValueChange={(value) => setTab(value as MobileTab)}
        className="h-full min-h-0 gap-0"
      >
        <div className="flex h-10 shrink-0 items-center border-b px-2">
          <TabsList className={listClassName} aria-label="Editor views">
            {TABS.filter((t) => values.includes(t.value)).map((t) => (
              <TabsTrigger key={t.value} value={t.value} data-testid={`tab-${t.value}`} className="px-3">
                <t.icon aria-hidden className="size-3.5" />
                {t.label}
              </TabsTrigger>
            ))}
          </TabsList>
        </div>
        {values.map((value) => (
          <TabsContent key={value} value={value} forceMount className={content}>
            {panels[value]}
          </TabsContent>
        ))}
      </Tabs>
    );
  }

  return (
    <VersionsProvider
      projectId={project.id}
      currentVersionId={project.currentVersionId}
      currentVersionNumber={project.currentVersionNumber}
      latestVersionNumber={versions[0]?.number ?? project.currentVersionNumber}
      onShowTab={setTab}
    >
      <main className="flex h-[calc(100dvh-3rem)] min-h-0 flex-col">
        <h1 className="sr-only">{project.name}</h1>
        <EditorHeader project={project} onOpenHistory={() => setTab("history")} />
        {isDesktop === null ? (
          <EditorSkeleton />
        ) : isDesktop ? (
          <Group orientation="horizontal" className="min-h-0 flex-1">
            <Panel
              id="chat-pane"
              defaultSize={380}
              minSize={300}
              maxSize="55%"
              groupResizeBehavior="preserve-pixel-size"
            >
              {panels.chat}
            </Panel>
            <Separator
              aria-label="Resize chat"
              className="relative w-px bg-border outline-none transition-colors data-[separator=active]:bg-primary data-[separator=focus]:bg-primary data-[separator=hover]:bg-primary/60"
            />
            <Panel id="workspace-pane" minSize="35%">
              {renderTabs(
                ["preview", "code", "history"],
                tab === "chat" ? "preview" : (tab as WorkspaceTab),
                "",
              )}
            </Panel>
          </Group>
        ) : (
          <div className="min-h-0 flex-1">
            {renderTabs(["chat", "preview", "code", "history"], tab, "w-full")}
          </div>
        )}
      </main>
    </VersionsProvider>
  );
}
