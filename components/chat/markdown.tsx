"use client";

import { memo } from "react";
import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { cn } from "@/lib/utils";

const components: Components = {
  a: ({ node: _node, className, ...props }) => (
    <a
      {...props}
      target="_blank"
      rel="noopener noreferrer"
      className={cn(
        "font-medium text-primary underline underline-offset-2 outline-none hover:no-underline focus-visible:ring-[3px] focus-visible:ring-ring/50 rounded-sm",
        className,
      )}
    />
  ),
  table: ({ node: _node, className, ...props }) => (
    <div className="my-2 overflow-x-auto rounded-md border">
      <table {...props} className={cn("w-full text-left text-xs", className)} />
    </div>
  ),
};

/**
 * The assistant's markdown (GitHub flavour), styled for the narrow chat column. Memoized on the
 * text, so a streaming answer re-renders only the part that grows.
 */
export const ChatMarkdown = memo(function ChatMarkdown({ text }: { text: string }) {
  return (
    <div
      className={cn(
        "grid gap-2 leading-relaxed break-words",
        "[&_h1]:text-base [&_h1]:font-semibold [&_h2]:text-sm [&_h2]:font-semibold [&_h3]:font-semibold [&_h4]:font-medium",
        "[&_ul]:grid [&_ul]:list-disc [&_ul]:gap-1 [&_ul]:pl-5 [&_ol]:grid [&_ol]:list-decimal [&_ol]:gap-1 [&_ol]:pl-5",
        "[&_li>ul]:mt-1 [&_li>ol]:mt-1 [&_strong]:font-semibold [&_hr]:my-2",
        "[&_blockquote]:border-l-2 [&_blockquote]:pl-3 [&_blockquote]:text-muted-foreground",
        "[&_:not(pre)>code]:rounded [&_:not(pre)>code]:bg-muted [&_:not(pre)>code]:px-1 [&_:not(pre)>code]:py-px [&_:not(pre)>code]:font-mono [&_:not(pre)>code]:text-[0.85em]",
        "[&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:border [&_pre]:bg-muted/60 [&_pre]:p-3 [&_pre]:font-mono [&_pre]:text-xs [&_pre]:leading-relaxed",
        "[&_th]:border-b [&_th]:bg-muted/50 [&_th]:px-2 [&_th]:py-1 [&_th]:font-medium [&_td]:border-b [&_td]:px-2 [&_td]:py-1 [&_tr:last-child>td]:border-0",
      )}
    >
      <Markdown remarkPlugins={[remarkGfm]} components={components}>
        {text}
      </Markdown>
    </div>
  );
});
