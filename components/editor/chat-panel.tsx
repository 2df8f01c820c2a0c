"use client";

import { MessageSquareIcon } from "lucide-react";
import { ChatConversation } from "@/components/chat/chat-conversation";
import type { ChatInitialData } from "@/components/chat/types";

interface ChatPanelProps {
  projectId: string;
  draft: string;
  onDraftChange: (value: string) => void;
  /** The first page of the conversation and the model, rendered on the server. */
  initial?: ChatInitialData;
  onOpenHistory: () => void;
}

/** The conversation with the assistant, with the message box pinned at the bottom. */
export function ChatPanel({ projectId, draft, onDraftChange, initial, onOpenHistory }: ChatPanelProps) {
  return (
    <section
      data-testid="chat-panel"
      aria-label="Chat"
      className="flex h-full min-h-0 flex-col bg-background"
    >
      <div className="hidden h-10 shrink-0 items-center gap-2 border-b px-3 text-muted-foreground md:flex">
        <MessageSquareIcon className="size-4" aria-hidden />
        <h2 className="font-medium text-foreground">Chat</h2>
      </div>
      <ChatConversation
        projectId={projectId}
        draft={draft}
        onDraftChange={onDraftChange}
        initial={initial}
        onOpenHistory={onOpenHistory}
      />
    </section>
  );
}
