"use client";

import { FileQuestionIcon, Loader2Icon, RotateCwIcon, TriangleAlertIcon } from "lucide-react";
import dynamic from "next/dynamic";
import { FileIcon } from "@/components/editor/file-icon";
import { BINARY_EXTENSIONS, extensionOf, IMAGE_EXTENSIONS } from "@/components/editor/file-tree-model";
import { Button } from "@/components/ui/button";
import type { Draft } from "@/components/versions/versions-provider";
import { projectFileUrl, useProjectFile } from "@/lib/hooks/use-project-file";
import type { FileEntry } from "@/lib/projects/schemas";

function Waiting({ what }: { what: string }) {
  return (
    <div className="flex h-full items-center justify-center gap-2 text-muted-foreground" role="status">
      <Loader2Icon className="size-4 animate-spin" aria-hidden />
      {what}
    </div>
  );
}

const CodeMirrorView = dynamic(() => import("@/components/editor/codemirror-view"), {
  ssr: false,
  loading: () => <Waiting what="Starting the code editor…" />,
});

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
}

interface CodeViewerProps {
  projectId: string;
  /** `size` below 0 means unknown (a file of an older version). */
  file: FileEntry | null;
  /** Show the file as it was at this version (read-only); the current version when absent. */
  versionId?: string | null;
  readOnly: boolean;
  draft?: Draft;
  /** A change in the editor: the new text and the saved text it started from. */
  onEdit?: (text: string, original: string) => void;
  /** Buttons at the end of the file bar (Save). */
  actions?: React.ReactNode;
}

/** One file: highlighted and editable at the current version, read-only at an older one. */
export function CodeViewer({
  projectId,
  file,
  versionId,
  readOnly,
  draft,
  onEdit,
  actions,
}: CodeViewerProps) {
  const ext = file ? extensionOf(file.path) : "";
  const isImage = IMAGE_EXTENSIONS.has(ext) && ext !== "svg";
  const isBinary = BINARY_EXTENSIONS.has(ext);
  const fetchable = file && !isImage && !isBinary;
  const { state, retry } = useProjectFile(
    projectId,
    fetchable ? file.path : null,
    fetchable ? file.sha256 : null,
    versionId,
  );

  if (!file) {
    return (
      <div className="flex h-full flex-col items-center justify-center gap-2 text-muted-foreground">
        <FileQuestionIcon className="size-5" aria-hidden />
        Choose a file to see its code.
      </div>
    );
  }

  const editable = !readOnly && fetchable && state.status === "ready" && onEdit;
  const dirty = draft !== undefined && !readOnly;
  const size = file.size >= 0 ? formatSize(file.size) : null;

  return (
    <div
      data-testid="code-view"
      data-path={file.path}
      data-dirty={dirty ? "true" : undefined}
      data-readonly={readOnly ? "true" : undefined}
      className="flex h-full min-h-0 flex-col"
    >
      <div className="flex h-9 shrink-0 items-center gap-2 border-b px-3 text-xs">
        <FileIcon path={file.path} className="size-3.5" />
        <span className="truncate font-mono">{file.path}</span>
        {dirty && (
          <span
            data-testid="code-dirty"
            title="Unsaved changes"
            className="flex shrink-0 items-center gap-1 text-amber-700 dark:text-amber-400"
          >
            <span aria-hidden className="size-2 rounded-full bg-amber-500" />
            <span className="hidden sm:inline">Unsaved</span>
            <span className="sr-only sm:hidden">Unsaved changes</span>
          </span>
        )}
        <span className="ml-auto shrink-0 text-muted-foreground">
          {[size, readOnly || !fetchable ? "read-only" : null].filter(Boolean).join(" · ")}
        </span>
        {actions}
      </div>
      <div className="min-h-0 flex-1 overflow-hidden" aria-busy={state.status === "loading"}>
        {isImage ? (
          <div className="flex h-full items-center justify-center bg-surface p-6">
            {/* biome-ignore lint/performance/noImgElement: a project file served by our API, not a static asset */}
            <img
              src={projectFileUrl(projectId, file.path, versionId)}
              alt={file.path}
              className="max-h-full max-w-full rounded border bg-background"
            />
          </div>
        ) : isBinary ? (
          <div className="flex h-full items-center justify-center text-muted-foreground">
            This is a binary file; there is no text to show.
          </div>
        ) : state.status === "ready" ? (
          <CodeMirrorView
            key={`${versionId ?? "current"}:${file.path}`}
            path={file.path}
            text={!readOnly && draft ? draft.text : state.text}
            onChange={editable ? (text) => onEdit(text, state.text) : undefined}
          />
        ) : state.status === "error" ? (
          <div
            role="alert"
            className="flex h-full flex-col items-center justify-center gap-3 p-6 text-center"
          >
            <TriangleAlertIcon className="size-5 text-destructive" aria-hidden />
            <p className="font-medium">Could not load {file.path}</p>
            <p className="max-w-sm text-muted-foreground">{state.error.message}</p>
            {state.error.requestId && (
              <p className="font-mono text-xs text-muted-foreground">Request id: {state.error.requestId}</p>
            )}
            <Button variant="outline" size="sm" onClick={retry}>
              <RotateCwIcon aria-hidden />
              Try again
            </Button>
          </div>
        ) : (
          <Waiting what={`Loading ${file.path}…`} />
        )}
      </div>
    </div>
  );
}
