"use client";

import { ArrowUpRightIcon, SparklesIcon } from "lucide-react";
import type { ChatModelInfo } from "@/components/chat/types";
import { DESIGNER_EXAMPLES } from "@/lib/ai/designer/capabilities";

const GENERIC_EXAMPLES = [
  "Change the headline to “Launch faster with Pagecraft”",
  "Make the accent colour green and the font more technical",
  "Add a pricing section with three plans after the features",
];

/** Three requests that work with the current model: the designer's own, or generic ones for an LLM. */
export function examplesFor(model: ChatModelInfo | null): string[] {
  return !model || model.provider === "designer" ? DESIGNER_EXAMPLES.slice(0, 3) : GENERIC_EXAMPLES;
}

/** An empty chat teaches: what to do, and three requests that send with one click. */
export function ChatEmpty({
  model,
  onPick,
  disabled,
}: {
  model: ChatModelInfo | null;
  onPick: (text: string) => void;
  disabled?: boolean;
}) {
  const designer = !model || model.provider === "designer";
  return (
    <div className="grid gap-4" data-testid="chat-empty">
      <div className="grid gap-1.5">
        <span className="grid size-8 place-items-center rounded-full bg-accent text-accent-foreground">
          <SparklesIcon className="size-4" aria-hidden />
        </span>
        <h3 className="font-medium">Describe a change</h3>
        <p className="text-muted-foreground">
          {designer
            ? "Say it in plain words and the offline designer edits the page's files. Every change becomes a new version you can undo. Try one:"
            : "Say it in your own words and the model edits the page's files. Every change becomes a new version you can undo. Try one:"}
        </p>
      </div>
      <ul className="grid gap-2">
        {examplesFor(model).map((example) => (
          <li key={example}>
            <button
              type="button"
              data-testid="chat-example"
              disabled={disabled}
              onClick={() => onPick(example)}
              className="group flex w-full items-start gap-2 rounded-lg border bg-card px-3 py-2 text-left transition-colors outline-none hover:border-primary/40 hover:bg-accent/50 focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:opacity-60"
            >
              <span className="flex-1">{example}</span>
              <ArrowUpRightIcon
                className="mt-0.5 size-3.5 shrink-0 text-muted-foreground transition-colors group-hover:text-foreground"
                aria-hidden
              />
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
