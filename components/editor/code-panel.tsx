"use client";

import { FolderTreeIcon, RotateCwIcon } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { ErrorText } from "@/components/common/error-text";
import { SaveButton, SaveProblemPanel, useSaveDrafts } from "@/components/editor/code-save";
import { CodeViewer } from "@/components/editor/code-viewer";
import { FileTree } from "@/components/editor/file-tree";
import { ancestorsOf, buildTree, defaultFile } from "@/components/editor/file-tree-model";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { ReadonlyBanner } from "@/components/versions/readonly-banner";
import { useVersions } from "@/components/versions/versions-provider";
import { projectApi } from "@/lib/hooks/fetch-json";
import { useJson } from "@/lib/hooks/use-json";
import type { FileEntry } from "@/lib/projects/schemas";
import type { VersionDetail } from "@/lib/versions/get-version";

/**
 * The file tree beside the editor. At the current version files are editable (drafts are kept per
 * path until saved); an older version opened from History is shown read-only under a banner.
 */
export function CodePanel({ projectId, files }: { projectId: string; files: FileEntry[] }) {
  const ctx = useVersions();
  const { viewing, drafts, setDraft } = ctx;
  const saver = useSaveDrafts();
  const root = useRef<HTMLDivElement>(null);

  // A version's file list never changes, so it is cached for the session.
  const { state: detail, retry } = useJson<VersionDetail>(
    viewing ? projectApi(projectId, `/versions/${encodeURIComponent(viewing.id)}`) : null,
    { immutable: true, what: "Loading the version" },
  );
  const shown: FileEntry[] | null = useMemo(() => {
    if (!viewing) return files;
    if (detail.status !== "ready") return null;
    // The version endpoint lists hashes, not sizes; -1 hides the size.
    return detail.data.files.map((f) => ({ path: f.path, sha256: f.sha256, size: -1 }));
  }, [viewing, files, detail]);

  const tree = useMemo(() => buildTree(shown ?? []), [shown]);
  const [chosen, setChosen] = useState<string | null>(() => defaultFile(files));
  const [expanded, setExpanded] = useState<Set<string>>(() => {
    const open = new Set(
      buildTree(files)
        .filter((n) => n.children)
        .map((n) => n.path),
    );
    const first = defaultFile(files);
    for (const path of first ? ancestorsOf(first) : []) open.add(path);
    return open;
  });
  // The chosen file may not exist in the version being viewed: fall back to that version's entry file.
  const selected = shown?.some((f) => f.path === chosen) ? chosen : defaultFile(shown ?? []);
  const file = shown?.find((f) => f.path === selected) ?? null;
  const dirty = useMemo(() => new Set(drafts.keys()), [drafts]);

  const toggle = (path: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  const open = (path: string) => {
    setChosen(path);
    setExpanded((prev) => new Set([...prev, ...ancestorsOf(path)]));
  };

  // Cmd/Ctrl+S while the Code tab is on screen, from the editor or anywhere else in it.
  const { save } = saver;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.metaKey || event.ctrlKey) || event.altKey || event.key.toLowerCase() !== "s") return;
      if (!root.current || root.current.offsetParent === null) return; // another tab is showing
      event.preventDefault();
      if (viewing) {
        toast.info(`Version ${viewing.number} is read-only`, {
          description: "Go back to the current version to edit and save.",
        });
        return;
      }
      void save();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [save, viewing]);

  let body: React.ReactNode;
  if (viewing && detail.status === "error") {
    body = (
      <div className="grid h-full place-content-center justify-items-center gap-3 p-6 text-center">
        <ErrorText
          error={{
            ...detail.error,
            message: `Could not open version ${viewing.number}: ${detail.error.message}`,
          }}
        />
        <Button variant="outline" size="sm" onClick={retry}>
          <RotateCwIcon aria-hidden />
          Try again
        </Button>
      </div>
    );
  } else if (!shown) {
    body = (
      <div className="flex h-full" role="status" aria-label={`Loading version ${viewing?.number}…`}>
        <div className="hidden w-60 shrink-0 gap-2 border-r p-3 md:grid md:content-start">
          {[70, 55, 80, 60, 75].map((w) => (
            <Skeleton key={w} className="h-5" style={{ width: `${w}%` }} />
          ))}
        </div>
        <div className="grid flex-1 content-start gap-2 p-4">
          {[40, 65, 55, 80, 30].map((w) => (
            <Skeleton key={w} className="h-3.5" style={{ width: `${w}%` }} />
          ))}
        </div>
      </div>
    );
  } else if (shown.length === 0) {
    body = (
      <div className="flex h-full flex-col items-center justify-center gap-2 text-muted-foreground">
        <FolderTreeIcon className="size-5" aria-hidden />
        This version has no files yet.
      </div>
    );
  } else {
    body = (
      <div className="flex h-full min-h-0 flex-col md:flex-row">
        <div className="max-h-44 shrink-0 overflow-y-auto border-b md:max-h-none md:w-60 md:border-r md:border-b-0">
          <FileTree
            nodes={tree}
            selected={selected}
            expanded={expanded}
            onSelect={open}
            onToggle={toggle}
            dirty={viewing ? undefined : dirty}
          />
        </div>
        <div className="flex min-h-0 min-w-0 flex-1 flex-col">
          <div className="min-h-0 flex-1">
            <CodeViewer
              projectId={projectId}
              file={file}
              versionId={viewing?.id ?? null}
              readOnly={viewing !== null}
              draft={file && !viewing ? drafts.get(file.path) : undefined}
              onEdit={file ? (text, original) => setDraft(file.path, text, original) : undefined}
              actions={
                viewing ? null : (
                  <SaveButton count={drafts.size} saving={saver.saving} onSave={() => void save()} />
                )
              }
            />
          </div>
          {saver.problem && !viewing && (
            <SaveProblemPanel
              problem={saver.problem}
              busy={saver.saving}
              onOpenFile={open}
              onDismiss={saver.dismiss}
              onReload={saver.reload}
              onOverwrite={saver.overwrite}
            />
          )}
        </div>
      </div>
    );
  }

  return (
    <div ref={root} className="flex h-full min-h-0 flex-col">
      {viewing && (
        <ReadonlyBanner
          number={viewing.number}
          onBack={() => ctx.view(null)}
          onRestore={() => ctx.requestRestore(viewing)}
        />
      )}
      <div className="min-h-0 flex-1">{body}</div>
    </div>
  );
}
