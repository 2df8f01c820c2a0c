"use client";

import { CircleAlertIcon, GitMergeIcon, Loader2Icon, RotateCwIcon, SaveIcon, XIcon } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useVersions } from "@/components/versions/versions-provider";
import type { ErrorPayload } from "@/lib/errors";
import { projectApi, requestJson } from "@/lib/hooks/fetch-json";
import { rememberFileText } from "@/lib/hooks/use-project-file";
import type { VersionSummary } from "@/lib/versions/schemas";

/** One refused operation, as the files API lists them in `error.details.errors`. */
export interface RefusedOperation {
  index: number | null;
  path: string | null;
  action: string | null;
  code: string;
  reason: string;
}

type SaveProblem =
  | { kind: "refused"; error: ErrorPayload; operations: RefusedOperation[] }
  | { kind: "conflict"; error: ErrorPayload; paths: string[] };

/** Once saved, the refreshed page must bring the new version before the drafts are let go. */
const REFRESH_GRACE_MS = 5000;

async function sha256Hex(text: string): Promise<string | null> {
  try {
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  } catch {
    return null; // No WebCrypto (an insecure origin): the file is simply fetched again.
  }
}

function refusedOperations(error: ErrorPayload): RefusedOperation[] {
  const list = error.details?.errors;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (e): e is RefusedOperation => typeof e === "object" && e !== null && typeof e.reason === "string",
  );
}

/**
 * Saving the editor's drafts as one new version through POST /files: the same validation and
 * commit path as an AI turn. Refusals (422) and a project that moved on (409) become a problem shown
 * under the editor.
 */
export function useSaveDrafts() {
  const ctx = useVersions();
  const { drafts, currentVersionId, draftBaseVersionId, rebaseDrafts, refresh } = ctx;
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const [awaiting, setAwaiting] = useState<{
    from: string | null;
    to: string;
    saved: Record<string, string>;
  } | null>(null);

  // The drafts stay on screen until the refreshed page shows the saved version, so the editor never
  // flashes the old text in between.
  useEffect(() => {
    if (!awaiting) return;
    const settle = () => {
      rebaseDrafts(awaiting.to, awaiting.saved);
      setAwaiting(null);
    };
    if (currentVersionId !== awaiting.from) {
      settle();
      return;
    }
    const timer = setTimeout(settle, REFRESH_GRACE_MS);
    return () => clearTimeout(timer);
  }, [awaiting, currentVersionId, rebaseDrafts]);

  const save = useCallback(
    async (options: { overwrite?: boolean } = {}) => {
      if (saving || awaiting || drafts.size === 0 || ctx.viewing) return;
      const saved = Object.fromEntries([...drafts].map(([path, draft]) => [path, draft.text]));
      setSaving(true);
      let base = draftBaseVersionId;
      if (options.overwrite) {
        // Ask the server: the refreshed page may not have brought the newest version yet.
        const latest = await requestJson<{ versionId: string }>(projectApi(ctx.projectId, "/files"), {
          what: "Checking the latest version",
        });
        if (!latest.ok) {
          setSaving(false);
          setProblem({ kind: "refused", error: latest.error, operations: [] });
          return;
        }
        base = latest.data.versionId;
      }
      if (!base) {
        setSaving(false);
        setProblem({
          kind: "refused",
          error: { code: "conflict:project", message: "This project has no version to edit yet." },
          operations: [],
        });
        return;
      }
      setProblem(null);
      const result = await requestJson<{ version: VersionSummary }>(projectApi(ctx.projectId, "/files"), {
        method: "POST",
        body: {
          baseVersionId: base,
          operations: Object.entries(saved).map(([path, content]) => ({ path, action: "write", content })),
        },
        what: "Saving",
      });
      setSaving(false);
      if (result.ok) {
        const { version } = result.data;
        await Promise.all(
          Object.entries(saved).map(async ([, text]) => {
            const hash = await sha256Hex(text);
            if (hash) rememberFileText(hash, text);
          }),
        );
        setAwaiting({ from: currentVersionId, to: version.id, saved });
        toast.success(`Saved as v${version.number}`, {
          description: version.message || undefined,
        });
        refresh();
        return;
      }
      if (result.status === 409 || result.error.code.startsWith("conflict:")) {
        setProblem({ kind: "conflict", error: result.error, paths: Object.keys(saved) });
        refresh();
        return;
      }
      setProblem({ kind: "refused", error: result.error, operations: refusedOperations(result.error) });
    },
    [saving, awaiting, drafts, ctx.viewing, ctx.projectId, currentVersionId, draftBaseVersionId, refresh],
  );

  /** Drops the drafts the conflict was about and shows the latest files. */
  const reload = useCallback(() => {
    if (problem?.kind === "conflict") ctx.dropDrafts(problem.paths.map((path) => ({ path })));
    setProblem(null);
    refresh();
  }, [problem, ctx, refresh]);

  return {
    save,
    saving: saving || awaiting !== null,
    problem,
    dismiss: () => setProblem(null),
    reload,
    overwrite: () => void save({ overwrite: true }),
  };
}

export function SaveButton({
  count,
  saving,
  onSave,
}: {
  count: number;
  saving: boolean;
  onSave: () => void;
}) {
  const label = count > 1 ? `Save ${count} files` : "Save";
  return (
    <Button
      size="sm"
      variant={count > 0 ? "default" : "ghost"}
      data-testid="save-file"
      disabled={count === 0 || saving}
      aria-busy={saving}
      aria-keyshortcuts="Control+S Meta+S"
      title={count === 0 ? "No unsaved changes" : `${label} as a new version (Ctrl/⌘+S)`}
      onClick={onSave}
      className="-my-1 h-7 px-2.5 has-[>svg]:px-2"
    >
      {saving ? <Loader2Icon className="animate-spin" aria-hidden /> : <SaveIcon aria-hidden />}
      {saving ? "Saving…" : label}
    </Button>
  );
}

/** What stopped the last save, under the editor: each refused change with its reason, or a conflict. */
export function SaveProblemPanel({
  problem,
  onOpenFile,
  onDismiss,
  onReload,
  onOverwrite,
  busy,
}: {
  problem: SaveProblem;
  onOpenFile: (path: string) => void;
  onDismiss: () => void;
  onReload: () => void;
  onOverwrite: () => void;
  busy: boolean;
}) {
  const conflict = problem.kind === "conflict";
  return (
    <div
      data-testid={conflict ? "editor-conflict" : "editor-errors"}
      role="alert"
      className={
        conflict
          ? "max-h-48 shrink-0 overflow-y-auto border-t border-amber-500/40 bg-amber-500/10 px-3 py-2.5 text-sm"
          : "max-h-48 shrink-0 overflow-y-auto border-t border-destructive/30 bg-destructive/5 px-3 py-2.5 text-sm"
      }
    >
      <div className="flex items-start gap-2">
        {conflict ? (
          <GitMergeIcon className="mt-0.5 size-4 shrink-0 text-amber-600 dark:text-amber-400" aria-hidden />
        ) : (
          <CircleAlertIcon className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden />
        )}
        <div className="grid min-w-0 flex-1 gap-1.5">
          <p className="font-medium">
            {conflict
              ? problem.paths.length === 1
                ? "This file changed since you opened it"
                : "These files changed since you opened them"
              : "Not saved"}
          </p>
          {conflict ? (
            <>
              <p className="text-muted-foreground">
                A newer version was saved meanwhile. Reload to see it (your unsaved edits to{" "}
                {problem.paths.length === 1 ? problem.paths[0] : `${problem.paths.length} files`} are
                dropped), or save yours on top of it — the newer version stays in History either way.
              </p>
              <div className="flex flex-wrap gap-2">
                <Button size="sm" data-testid="conflict-reload" onClick={onReload} disabled={busy}>
                  <RotateCwIcon aria-hidden />
                  Reload
                </Button>
                <Button
                  size="sm"
                  variant="outline"
                  data-testid="conflict-overwrite"
                  onClick={onOverwrite}
                  disabled={busy}
                >
                  Save mine on top
                </Button>
              </div>
            </>
          ) : problem.kind === "refused" && problem.operations.length > 0 ? (
            <ul className="grid gap-1">
              {problem.operations.map((op, i) => (
                <li key={i} className="break-words font-mono text-xs">
                  {op.path ? (
                    <button
                      type="button"
                      onClick={() => op.path && onOpenFile(op.path)}
                      className="rounded text-left underline-offset-2 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
                    >
                      {op.reason}
                    </button>
                  ) : (
                    op.reason
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p>{problem.error.message}</p>
          )}
          {problem.error.requestId && (
            <p className="font-mono text-[11px] text-muted-foreground">
              Request id: {problem.error.requestId}
            </p>
          )}
        </div>
        <Button
          variant="ghost"
          size="icon-sm"
          className="-my-1 size-7"
          aria-label="Dismiss"
          onClick={onDismiss}
        >
          <XIcon aria-hidden />
        </Button>
      </div>
    </div>
  );
}
