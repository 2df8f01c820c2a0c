"use client";

import { MessageSquareIcon, SparklesIcon } from "lucide-react";
import { useRef } from "react";
import { ChatInput } from "@/components/editor/chat-input";

const EXAMPLES = [
  "Change the headline to “Launch faster with Pagecraft”",
  "Make the accent colour green",
  "Add a pricing section",
];

interface ChatPanelProps {
  draft: string;
  onDraftChange: (value: string) => void;
}

/** The conversation with the assistant. Empty for now: it teaches with three example requests. */
export function ChatPanel({ draft, onDraftChange }: ChatPanelProps) {
  const inputRef = useRef<HTMLTextAreaElement>(null);
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
      <div className="flex min-h-0 flex-1 flex-col justify-end overflow-y-auto p-4" aria-live="polite">
        <div className="grid gap-4">
          <div className="grid gap-1.5">
            <span className="grid size-8 place-items-center rounded-full bg-accent text-accent-foreground">
              <SparklesIcon className="size-4" aria-hidden />
            </span>
            <h3 className="font-medium">What should we change?</h3>
            <p className="text-muted-foreground">
              Describe it in your own words and the assistant edits the page. For example:
            </p>
          </div>
          <ul className="grid gap-2">
            {EXAMPLES.map((example) => (
              <li key={example}>
                <button
                  type="button"
                  data-testid="chat-example"
                  onClick={() => {
                    onDraftChange(example);
                    inputRef.current?.focus();
                  }}
                  className="w-full rounded-lg border bg-card px-3 py-2 text-left transition-colors outline-none hover:border-primary/40 hover:bg-accent/50 focus-visible:ring-[3px] focus-visible:ring-ring/50"
                >
                  {example}
                </button>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <ChatInput ref={inputRef} value={draft} onChange={onDraftChange} />
    </section>
  );
}
