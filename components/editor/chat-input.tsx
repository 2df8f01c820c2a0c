"use client";

import { ArrowUpIcon, SquareIcon } from "lucide-react";
import { MicButton } from "@/components/chat/mic-button";
import { Button } from "@/components/ui/button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";

interface ChatInputProps {
  value: string;
  onChange: (value: string) => void;
  ref?: React.Ref<HTMLTextAreaElement>;
  onSend: () => void;
  onStop: () => void;
  /** An answer is on its way: the send button becomes stop, and Esc stops it. */
  busy: boolean;
  /** Left of the toolbar: the model chip and the context meter. */
  tools?: React.ReactNode;
}

const isMac = () => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The message box pinned under the chat. Enter (or Cmd/Ctrl+Enter) sends, Shift+Enter adds a line,
 * Esc stops an answer that is streaming.
 */
export function ChatInput({ value, onChange, ref, onSend, onStop, busy, tools }: ChatInputProps) {
  const empty = value.trim() === "";
  return (
    <form
      className="shrink-0 bg-background px-3 pb-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy && !empty) onSend();
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
          rows={2}
          value={value}
          aria-describedby="chat-input-hint"
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.nativeEvent.isComposing) return;
            if (e.key === "Enter" && (!e.shiftKey || e.metaKey || e.ctrlKey)) {
              e.preventDefault();
              if (!busy && !empty) onSend();
            } else if (e.key === "Escape" && busy) {
              e.preventDefault();
              onStop();
            }
          }}
          placeholder="Describe a change to your page…"
          className="block max-h-48 min-h-[3.5rem] w-full resize-none bg-transparent px-3 pt-2.5 text-sm outline-none placeholder:text-muted-foreground field-sizing-content"
        />
        <p id="chat-input-hint" className="sr-only">
          Enter sends, Shift+Enter adds a new line, Escape stops an answer.
        </p>
        <div className="flex items-center gap-1 px-1.5 pb-1.5">
          <div className="flex min-w-0 flex-1 items-center gap-0.5">{tools}</div>
          <MicButton value={value} onChange={onChange} />
          {busy ? (
            <Tooltip>
              <TooltipTrigger asChild>
                <Button
                  type="button"
                  size="icon-sm"
                  aria-label="Stop the answer"
                  data-testid="chat-stop"
                  onClick={onStop}
                >
                  <SquareIcon aria-hidden className="size-3 fill-current" />
                </Button>
              </TooltipTrigger>
              <TooltipContent>Stop (Esc)</TooltipContent>
            </Tooltip>
          ) : (
            <Tooltip>
              <TooltipTrigger asChild>
                <Button
                  type="submit"
                  size="icon-sm"
                  aria-label="Send message"
                  data-testid="chat-send"
                  disabled={empty}
                >
                  <ArrowUpIcon aria-hidden />
                </Button>
              </TooltipTrigger>
              <TooltipContent>Send (Enter · {isMac() ? "⌘" : "Ctrl"}+Enter)</TooltipContent>
            </Tooltip>
          )}
        </div>
      </div>
    </form>
  );
}
