"use client";

import {
  ArrowLeftIcon,
  ArrowLeftRightIcon,
  ArrowRightIcon,
  Columns2Icon,
  FileDiffIcon,
  Loader2Icon,
  RotateCwIcon,
  Rows2Icon,
} from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";
import { ErrorText } from "@/components/common/error-text";
import { FileIcon } from "@/components/editor/file-icon";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import type { CompareRequest } from "@/components/versions/versions-provider";
import { projectApi } from "@/lib/hooks/fetch-json";
import { useElementWidth } from "@/lib/hooks/use-element-width";
import { useJson } from "@/lib/hooks/use-json";
import { cn } from "@/lib/utils";
import type { FileDiff, VersionDiff } from "@/lib/versions/diff-versions";
import type { VersionSummary } from "@/lib/versions/schemas";

function Waiting({ what }: { what: string }) {
  return (
    <div className="flex h-full items-center justify-center gap-2 text-muted-foreground" role="status">
      <Loader2Icon className="size-4 animate-spin" aria-hidden />
      {what}
    </div>
  );
}

const MergeViewer = dynamic(() => import("@/components/versions/merge-view"), {
  ssr: false,
  loading: () => <Waiting what="Starting the diff viewer…" />,
});

const STATUS = {
  added: { sign: "+", label: "Added", className: "text-emerald-600 dark:text-emerald-400" },
  modified: { sign: "~", label: "Modified", className: "text-amber-600 dark:text-amber-400" },
  deleted: { sign: "−", label: "Deleted", className: "text-red-600 dark:text-red-400" },
} as const;

/** Room for the file list beside the diff rather than above it. */
const LIST_BESIDE_MIN = 760;
/** Room for two columns of code. */
const SPLIT_MIN = 640;

interface DiffViewProps {
  projectId: string;
  versions: VersionSummary[];
  currentVersionId: string | null;
  request: CompareRequest;
  onChange: (request: CompareRequest) => void;
  onClose: () => void;
}

function shortMessage(message: string): string {
  const text = message.trim() || "No description";
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
}

/** Two versions side by side: the files that differ (+N −M each) and the chosen file's diff. */
export function DiffView({
  projectId,
  versions,
  currentVersionId,
  request,
  onChange,
  onClose,
}: DiffViewProps) {
  const [measure, width] = useElementWidth<HTMLElement>();
  const [layout, setLayout] = useState<"auto" | "split" | "unified">("auto");
  const { fromId, toId } = request;
  const url =
    fromId === toId
      ? null
      : projectApi(projectId, `/versions/diff?${new URLSearchParams({ from: fromId, to: toId })}`);
  const { state, retry } = useJson<VersionDiff>(url, { immutable: true, what: "Comparing versions" });

  const listBeside = (width ?? 0) >= LIST_BESIDE_MIN;
  const split = layout === "auto" ? (width ?? 0) >= SPLIT_MIN : layout === "split";
  const numberOf = (id: string) => versions.find((v) => v.id === id)?.number;
  const fromLabel = `v${numberOf(fromId) ?? (state.status === "ready" ? state.data.from.number : "?")}`;
  const toLabel = `v${numberOf(toId) ?? (state.status === "ready" ? state.data.to.number : "?")}`;

  const files = state.status === "ready" ? state.data.files : [];
  const selected = files.find((f) => f.path === request.path) ?? files[0] ?? null;

  function versionSelect(which: "from" | "to") {
    const value = which === "from" ? fromId : toId;
    return (
      <Select
        value={value}
        onValueChange={(id) =>
          onChange(
            which === "from"
              ? { fromId: id, toId, path: request.path }
              : { fromId, toId: id, path: request.path },
          )
        }
      >
        <SelectTrigger
          size="sm"
          data-testid={`diff-${which}`}
          aria-label={which === "from" ? "Compare from version" : "Compare to version"}
          className="max-w-[13rem] min-w-0 text-xs [&>span]:truncate"
        >
          <SelectValue />
        </SelectTrigger>
        <SelectContent className="max-w-[22rem]">
          {versions.map((v) => (
            <SelectItem key={v.id} value={v.id} className="text-xs">
              <span className="font-mono font-semibold">v{v.number}</span>{" "}
              <span className="text-muted-foreground">
                {v.id === currentVersionId ? "Current · " : ""}
                {v.checkpointName ? `${v.checkpointName} · ` : ""}
                {shortMessage(v.message)}
              </span>
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    );
  }

  return (
    <section
      ref={measure}
      data-testid="diff-view"
      aria-label={`Compare ${fromLabel} with ${toLabel}`}
      className="flex h-full min-h-0 flex-col"
    >
      <div className="flex shrink-0 flex-wrap items-center gap-2 border-b px-2 py-1.5">
        <Button variant="ghost" size="sm" onClick={onClose} data-testid="diff-close">
          <ArrowLeftIcon aria-hidden />
          Timeline
        </Button>
        <div
          className={cn(
            "flex min-w-0 items-center gap-1.5",
            // Narrow: the two pickers get a row of their own, sharing it equally.
            !listBeside &&
              "order-last w-full [&>button[data-slot=select-trigger]]:max-w-none [&>button[data-slot=select-trigger]]:flex-1 [&>button[data-slot=select-trigger]]:basis-0",
          )}
        >
          {versionSelect("from")}
          <ArrowRightIcon className="size-3.5 shrink-0 text-muted-foreground" aria-hidden />
          {versionSelect("to")}
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label="Swap the two versions"
            title="Swap"
            onClick={() => onChange({ fromId: toId, toId: fromId, path: request.path })}
          >
            <ArrowLeftRightIcon aria-hidden />
          </Button>
        </div>
        <fieldset className="ml-auto flex items-center rounded-md border p-0.5">
          <legend className="sr-only">Diff layout</legend>
          {(
            [
              ["split", "Side by side", Columns2Icon],
              ["unified", "Unified", Rows2Icon],
            ] as const
          ).map(([value, label, Icon]) => {
            const active = split === (value === "split");
            return (
              <Button
                key={value}
                variant="ghost"
                size="icon-sm"
                aria-label={label}
                title={label}
                aria-pressed={active}
                onClick={() => setLayout(value)}
                className={cn("size-7", active && "bg-accent text-accent-foreground")}
              >
                <Icon aria-hidden />
              </Button>
            );
          })}
        </fieldset>
      </div>

      <div className="min-h-0 flex-1" aria-busy={state.status === "loading"}>
        {fromId === toId ? (
          <Empty
            title="No differences"
            detail="You are comparing a version with itself. Pick another version."
          />
        ) : state.status === "error" ? (
          <div className="grid h-full place-content-center gap-3 p-6 text-center">
            <ErrorText
              error={{ ...state.error, message: `Could not compare the versions: ${state.error.message}` }}
            />
            <Button variant="outline" size="sm" className="mx-auto" onClick={retry}>
              <RotateCwIcon aria-hidden />
              Try again
            </Button>
          </div>
        ) : state.status !== "ready" ? (
          <DiffSkeleton />
        ) : files.length === 0 ? (
          <Empty title="No differences" detail={`${fromLabel} and ${toLabel} have exactly the same files.`} />
        ) : (
          <div className={cn("flex h-full min-h-0", listBeside ? "flex-row" : "flex-col")}>
            <nav
              aria-label={`${files.length} changed ${files.length === 1 ? "file" : "files"}`}
              className={cn("shrink-0 overflow-y-auto", listBeside ? "w-60 border-r" : "max-h-36 border-b")}
            >
              <p className="px-3 pt-2 pb-1 text-xs text-muted-foreground">
                {files.length === 1 ? "1 file changed" : `${files.length} files changed`}
              </p>
              <ul className="grid gap-px px-1.5 pb-1.5">
                {files.map((file) => (
                  <li key={file.path}>
                    <DiffFileButton
                      file={file}
                      selected={file.path === selected?.path}
                      onSelect={() => onChange({ fromId, toId, path: file.path })}
                    />
                  </li>
                ))}
              </ul>
            </nav>
            <div className="flex min-h-0 min-w-0 flex-1 flex-col">
              {selected && (
                <FileDiffPane
                  key={`${fromId}:${toId}:${selected.path}:${split}`}
                  file={selected}
                  split={split}
                  fromLabel={fromLabel}
                  toLabel={toLabel}
                />
              )}
            </div>
          </div>
        )}
      </div>
    </section>
  );
}

function DiffFileButton({
  file,
  selected,
  onSelect,
}: {
  file: FileDiff;
  selected: boolean;
  onSelect: () => void;
}) {
  const status = STATUS[file.status];
  const slash = file.path.lastIndexOf("/");
  return (
    <button
      type="button"
      data-testid="diff-file"
      data-path={file.path}
      data-status={file.status}
      aria-current={selected ? "true" : undefined}
      onClick={onSelect}
      title={`${status.label}: ${file.path}`}
      className={cn(
        "flex h-7 w-full items-center gap-1.5 rounded-md px-2 text-left text-[13px] outline-none hover:bg-accent/60 focus-visible:ring-[3px] focus-visible:ring-ring/50",
        selected && "bg-accent font-medium text-accent-foreground hover:bg-accent",
      )}
    >
      <span className={cn("w-3 shrink-0 text-center font-mono font-semibold", status.className)} aria-hidden>
        {status.sign}
      </span>
      <span className="sr-only">{status.label}:</span>
      <span className="min-w-0 flex-1 truncate">
        {slash >= 0 && <span className="text-muted-foreground">{file.path.slice(0, slash + 1)}</span>}
        {file.path.slice(slash + 1)}
      </span>
      {!file.omitted && (
        <span className="shrink-0 font-mono text-[11px] tabular-nums">
          <span className="text-emerald-600 dark:text-emerald-400">+{file.linesAdded}</span>{" "}
          <span className="text-red-600 dark:text-red-400">−{file.linesRemoved}</span>
          <span className="sr-only">
            {" "}
            ({file.linesAdded} lines added, {file.linesRemoved} removed)
          </span>
        </span>
      )}
    </button>
  );
}

function FileDiffPane({
  file,
  split,
  fromLabel,
  toLabel,
}: {
  file: FileDiff;
  split: boolean;
  fromLabel: string;
  toLabel: string;
}) {
  const status = STATUS[file.status];
  return (
    <>
      <div className="flex h-9 shrink-0 items-center gap-2 border-b px-3 text-xs">
        <FileIcon path={file.path} className="size-3.5" />
        <span className="truncate font-mono">{file.path}</span>
        <span className={cn("shrink-0", status.className)}>{status.label.toLowerCase()}</span>
        {!file.omitted && (
          <span className="ml-auto shrink-0 font-mono tabular-nums text-muted-foreground">
            +{file.linesAdded} −{file.linesRemoved}
          </span>
        )}
      </div>
      {split && !file.omitted && (
        <div className="grid shrink-0 grid-cols-2 border-b bg-muted/40 text-[11px] text-muted-foreground">
          <span className="truncate px-3 py-1">
            {fromLabel}
            {file.status === "added" ? " · did not exist" : ""}
          </span>
          <span className="truncate border-l px-3 py-1">
            {toLabel}
            {file.status === "deleted" ? " · deleted" : ""}
          </span>
        </div>
      )}
      <div className="min-h-0 flex-1">
        {file.omitted ? (
          <Empty
            icon={false}
            title="No text diff for this file"
            detail="It is binary or larger than 256 KB, so only the fact that it changed is shown."
          />
        ) : (
          <MergeViewer
            path={file.path}
            before={file.before ?? ""}
            after={file.after ?? ""}
            unified={!split}
            beforeLabel={fromLabel}
            afterLabel={toLabel}
          />
        )}
      </div>
    </>
  );
}

function Empty({ title, detail, icon = true }: { title: string; detail: string; icon?: boolean }) {
  return (
    <div
      data-testid="diff-empty"
      className="flex h-full flex-col items-center justify-center gap-1.5 p-6 text-center text-muted-foreground"
    >
      {icon && <FileDiffIcon className="mb-1 size-5" aria-hidden />}
      <p className="font-medium text-foreground">{title}</p>
      <p className="max-w-sm text-sm">{detail}</p>
    </div>
  );
}

function DiffSkeleton() {
  return (
    <div className="flex h-full" role="status" aria-label="Comparing versions…">
      <div className="hidden w-60 shrink-0 gap-2 border-r p-3 md:grid md:content-start">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-5 w-full" />
        ))}
      </div>
      <div className="grid flex-1 content-start gap-2 p-4">
        <Skeleton className="h-4 w-1/3" />
        {[0, 1, 2, 3, 4, 5].map((i) => (
          <Skeleton key={i} className="h-3.5" style={{ width: `${40 + ((i * 17) % 50)}%` }} />
        ))}
        <span className="sr-only">Comparing versions…</span>
      </div>
    </div>
  );
}
