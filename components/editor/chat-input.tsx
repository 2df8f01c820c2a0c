"use client";

import { ArrowUpIcon } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

interface ChatInputProps {
  value: string;
  onChange: (value: string) => void;
  ref?: React.Ref<HTMLTextAreaElement>;
}

/** The message box pinned under the chat. Enter (or Cmd/Ctrl+Enter) sends, Shift+Enter adds a line. */
export function ChatInput({ value, onChange, ref }: ChatInputProps) {
  function send() {
    // The assistant arrives in a later release; say so instead of pretending to send.
    toast.info("The AI assistant is not connected yet", {
      description: "Your message is kept in the box so you can send it once it is.",
    });
  }

  return (
    <form
      className="border-t bg-background p-3"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <div className="rounded-xl border bg-card shadow-xs transition-[border-color,box-shadow] focus-within:border-ring focus-within:ring-[3px] focus-within:ring-ring/30">
        <label htmlFor="chat-input" className="sr-only">
          Describe a change
        </label>
        <textarea
          ref={ref}
          id="chat-input"
          data-testid="chat-input"
          rows={3}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              send();
            }
          }}
          placeholder="Describe a change to your page…"
          className="block max-h-48 min-h-[4.5rem] w-full resize-none bg-transparent px-3 pt-2.5 text-sm outline-none placeholder:text-muted-foreground field-sizing-content"
        />
        <div className="flex items-center justify-between gap-2 px-2 pb-2">
          <span className="pl-1 text-xs text-muted-foreground">
            <kbd className="font-sans">Enter</kbd> to send · <kbd className="font-sans">Shift+Enter</kbd> for
            a new line
          </span>
          <Button type="submit" size="icon-sm" aria-label="Send message" data-testid="chat-send">
            <ArrowUpIcon aria-hidden />
          </Button>
        </div>
      </div>
    </form>
  );
}
