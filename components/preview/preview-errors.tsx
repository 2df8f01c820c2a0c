"use client";

import { AlertTriangleIcon, HistoryIcon, Loader2Icon, SparklesIcon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useVersions } from "@/components/versions/versions-provider";
import { projectApi, requestJson } from "@/lib/hooks/fetch-json";
import { sendToChat } from "@/lib/hooks/use-chat-bridge";
import {
  FAILURE_KIND_LABEL as KIND_LABEL,
  type PreviewFailure,
  type VersionProblem,
} from "@/lib/preview/schemas";
import type { LivePreview } from "./use-live-preview";

const MAX_FILE_CHARS = 6_000;

interface ShownError {
  kind: PreviewFailure["kind"];
  message: string;
  file: string | null;
  line: number | null;
}

/** A stored problem: a reported failure carries its kind as the message's prefix, a type-check none. */
function shownProblem({ file, line, message }: VersionProblem): ShownError {
  for (const kind of ["build", "runtime", "typecheck"] as const) {
    const prefix = `${KIND_LABEL[kind]}: `;
    if (message.startsWith(prefix)) return { kind, message: message.slice(prefix.length), file, line };
  }
  return { kind: "typecheck", message, file, line };
}

async function fileExcerpt(projectId: string, file: string | null): Promise<string> {
  if (!file || file.includes("..")) return "";
  try {
    const response = await fetch(
      projectApi(projectId, `/files/${file.split("/").map(encodeURIComponent).join("/")}`),
      {
        cache: "no-store",
      },
    );
    if (!response.ok) return "";
    const text = await response.text();
    const body = text.length > MAX_FILE_CHARS ? `${text.slice(0, MAX_FILE_CHARS)}\n… (cut)` : text;
    return `\n\nThe file ${file} as it is now:\n\n\`\`\`tsx\n${body}\n\`\`\``;
  } catch {
    return "";
  }
}

/** The message "Fix with AI" sends to the chat: what failed, where, the file, and the request. */
export async function fixRequestText(projectId: string, errors: ShownError[]): Promise<string> {
  const first = errors[0];
  const where = first.file ? ` in ${first.file}${first.line ? ` (line ${first.line})` : ""}` : "";
  const list = errors
    .slice(0, 5)
    .map(
      (e) =>
        `- ${KIND_LABEL[e.kind]}${e.file ? ` in ${e.file}${e.line ? `:${e.line}` : ""}` : ""}: ${e.message}`,
    )
    .join("\n");
  return `The preview shows ${errors.length === 1 ? `a ${KIND_LABEL[first.kind].toLowerCase()}` : `${errors.length} errors`}${where}. Please fix it without changing anything else.\n\n${list}${await fileExcerpt(projectId, first.file)}`;
}

/** Build, runtime and type errors under the preview, with "Fix with AI" and "Restore last good version". */
export function PreviewErrors({ projectId, preview }: { projectId: string; preview: LivePreview }) {
  const versions = useVersions();
  const [busy, setBusy] = useState<"fix" | "restore" | null>(null);
  const { view } = preview;
  const problems = view?.current?.status === "broken" ? view.current.problems.map(shownProblem) : [];
  const shown: ShownError[] = preview.errors.length ? preview.errors : problems;
  if (!shown.length) return null;
  const lastGood = view?.lastGood ?? null;

  async function fix() {
    setBusy("fix");
    try {
      const text = await fixRequestText(projectId, shown);
      const delivered = sendToChat({ projectId, text, source: "preview-fix" });
      toast.success(
        delivered ? "Sent to the chat." : "The fix request goes to the chat as soon as it opens.",
      );
    } finally {
      setBusy(null);
    }
  }

  async function restore() {
    if (!lastGood) return;
    setBusy("restore");
    const result = await requestJson(projectApi(projectId, `/versions/${lastGood.id}/restore`), {
      method: "POST",
      what: "Restoring the version",
    });
    setBusy(null);
    if (!result.ok) {
      toast.error(result.error.message, {
        description: result.error.requestId ? `Request id: ${result.error.requestId}` : undefined,
      });
      return;
    }
    toast.success(`Restored version ${lastGood.number}.`);
    versions.refresh();
    void preview.refresh();
  }

  return (
    <div className="max-h-64 shrink-0 overflow-auto border-t bg-destructive/5 px-3 py-2" aria-live="polite">
      <ul className="grid gap-2">
        {shown.map((error, i) => (
          <li key={i} data-testid="preview-error" data-kind={error.kind} className="flex gap-2 text-sm">
            <AlertTriangleIcon className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden />
            <div className="min-w-0">
              <p className="font-medium">
                {KIND_LABEL[error.kind]}
                {error.file ? (
                  <span className="font-normal text-muted-foreground">
                    {" "}
                    in {error.file}
                    {error.line ? `:${error.line}` : ""}
                  </span>
                ) : null}
              </p>
              <p className="whitespace-pre-wrap break-words font-mono text-xs text-muted-foreground">
                {error.message.length > 600 ? `${error.message.slice(0, 600)}…` : error.message}
              </p>
            </div>
          </li>
        ))}
      </ul>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <Button
          size="sm"
          onClick={() => void fix()}
          disabled={!preview.fixAllowed || busy !== null}
          data-testid="fix-with-ai"
        >
          {busy === "fix" ? (
            <Loader2Icon className="animate-spin" aria-hidden />
          ) : (
            <SparklesIcon aria-hidden />
          )}
          Fix with AI
        </Button>
        {lastGood ? (
          <Button
            size="sm"
            variant="outline"
            onClick={() => void restore()}
            disabled={busy !== null}
            data-testid="restore-last-good"
          >
            {busy === "restore" ? (
              <Loader2Icon className="animate-spin" aria-hidden />
            ) : (
              <HistoryIcon aria-hidden />
            )}
            Restore last good version (v{lastGood.number})
          </Button>
        ) : null}
        {!preview.fixAllowed ? (
          <p className="text-xs text-muted-foreground" data-testid="fix-stopped">
            The same error came back after fixing it, so fixing with AI stopped here. Restore the last good
            version, or describe the fix in the chat.
          </p>
        ) : null}
      </div>
    </div>
  );
}
