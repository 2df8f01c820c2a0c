"use client";

import {
  ExternalLinkIcon,
  MonitorIcon,
  RotateCwIcon,
  ScrollTextIcon,
  SmartphoneIcon,
  TabletIcon,
  XIcon,
} from "lucide-react";
import { ToggleGroup } from "radix-ui";
import { useMemo, useState } from "react";
import { usePaletteCommands } from "@/components/command-palette/palette-registry";
import type { PaletteCommand } from "@/components/command-palette/types";
import { Button } from "@/components/ui/button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { projectApi, requestJson } from "@/lib/hooks/fetch-json";
import type { PreviewView } from "@/lib/preview/schemas";
import { cn } from "@/lib/utils";
import { PreviewErrors } from "./preview-errors";
import { PreviewLogs } from "./preview-logs";
import { PreviewStatusCard } from "./preview-status-card";
import { type PreviewPhase, useLivePreview } from "./use-live-preview";

const DEVICES = [
  { id: "desktop", label: "Desktop", width: "100%", icon: MonitorIcon },
  { id: "tablet", label: "Tablet (768 px)", width: "768px", icon: TabletIcon },
  { id: "mobile", label: "Mobile (390 px)", width: "390px", icon: SmartphoneIcon },
] as const;
type DeviceId = (typeof DEVICES)[number]["id"];
const NO_COMMANDS: PaletteCommand[] = [];

const PHASE_LABEL: Record<PreviewPhase, string> = {
  starting: "Starting preview…",
  booting: "Starting preview…",
  loading: "Loading the page…",
  ready: "Live",
  broken: "The page has an error",
  failed: "Preview failed to start",
  error: "Preview stopped working",
  paused: "Paused",
  stopped: "Not running",
};

const PHASE_DOT: Record<PreviewPhase, string> = {
  starting: "bg-amber-500 animate-pulse",
  booting: "bg-amber-500 animate-pulse",
  loading: "bg-amber-500 animate-pulse",
  ready: "bg-emerald-500",
  broken: "bg-destructive",
  failed: "bg-destructive",
  error: "bg-destructive",
  paused: "bg-muted-foreground/50",
  stopped: "bg-muted-foreground/50",
};

/** The project's live preview: a sandboxed frame on the preview's own origin, its state, and its errors. */
export function LivePreview({ projectId, onShowCode }: { projectId: string; onShowCode: () => void }) {
  const preview = useLivePreview(projectId);
  const [device, setDevice] = useState<DeviceId>("desktop");
  const [logsOpen, setLogsOpen] = useState(false);
  const current = DEVICES.find((d) => d.id === device)!;
  const { view, phase } = preview;
  const showFrame = Boolean(preview.frameSrc);
  const covered = phase !== "ready";
  // Cmd/Ctrl+K offers the reload button's action while there is a frame to reload.
  const paletteCommands = useMemo<PaletteCommand[]>(
    () => [
      {
        id: "preview-reload",
        label: "Reload the preview",
        icon: RotateCwIcon,
        keywords: ["refresh"],
        run: preview.reload,
      },
    ],
    [preview.reload],
  );
  usePaletteCommands(showFrame ? paletteCommands : NO_COMMANDS);

  async function openInNewTab() {
    // A fresh link: the one the frame opened with may have expired.
    const result = await requestJson<PreviewView>(projectApi(projectId, "/preview"));
    const url = result.ok ? result.data.url : view?.url;
    if (url) window.open(url, "_blank", "noopener,noreferrer");
  }

  return (
    <section data-testid="preview-panel" aria-label="Preview" className="flex h-full min-h-0 flex-col">
      <div className="flex h-10 shrink-0 items-center gap-1 border-b px-3">
        <span
          className="mr-1 flex min-w-0 items-center gap-1.5 text-xs text-muted-foreground"
          role="status"
          aria-live="polite"
          data-testid="preview-status"
          data-status={phase}
        >
          <span className={cn("size-2 shrink-0 rounded-full", PHASE_DOT[phase])} aria-hidden />
          <span className="truncate">{PHASE_LABEL[phase]}</span>
        </span>
        <ToolbarButton
          label="Reload the preview"
          testId="preview-reload"
          onClick={preview.reload}
          disabled={!showFrame}
        >
          <RotateCwIcon />
        </ToolbarButton>
        <ToolbarButton
          label="Open in a new tab"
          testId="preview-open"
          onClick={() => void openInNewTab()}
          disabled={!view?.url}
        >
          <ExternalLinkIcon />
        </ToolbarButton>
        <ToolbarButton
          label={logsOpen ? "Hide the dev server's logs" : "Show the dev server's logs"}
          testId="preview-logs"
          onClick={() => setLogsOpen((open) => !open)}
          pressed={logsOpen}
        >
          <ScrollTextIcon />
        </ToolbarButton>
        <ToggleGroup.Root
          type="single"
          value={device}
          onValueChange={(value) => value && setDevice(value as DeviceId)}
          aria-label="Device size"
          className="ml-auto hidden items-center gap-0.5 rounded-md border p-0.5 md:flex"
        >
          {DEVICES.map((d) => (
            <Tooltip key={d.id}>
              <TooltipTrigger asChild>
                <ToggleGroup.Item
                  value={d.id}
                  aria-label={d.label}
                  data-testid={`preview-device-${d.id}`}
                  className="grid size-6 place-items-center rounded-sm text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 data-[state=on]:bg-accent data-[state=on]:text-accent-foreground"
                >
                  <d.icon className="size-3.5" aria-hidden />
                </ToggleGroup.Item>
              </TooltipTrigger>
              <TooltipContent>{d.label}</TooltipContent>
            </Tooltip>
          ))}
        </ToggleGroup.Root>
      </div>

      {preview.notice ? (
        <div
          className="flex shrink-0 items-center gap-2 border-b bg-muted/40 px-3 py-1.5 text-xs"
          role="status"
          data-testid="preview-notice"
        >
          <RotateCwIcon className="size-3.5 text-primary" aria-hidden />
          <span className="flex-1">{preview.notice}</span>
          <button
            type="button"
            onClick={preview.dismissNotice}
            aria-label="Dismiss"
            className="rounded-sm text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            <XIcon className="size-3.5" aria-hidden />
          </button>
        </div>
      ) : null}

      <div className="flex min-h-0 flex-1 justify-center overflow-auto bg-surface p-4 sm:p-6">
        <div
          className="relative flex h-full max-w-full flex-col overflow-hidden rounded-lg border bg-background shadow-sm transition-[width] duration-300 ease-out"
          style={{ width: current.width }}
          data-device={device}
        >
          {showFrame ? (
            // The page runs on the preview's own origin (another site than the studio's), so
            // allow-same-origin only lets it use its own origin — its storage, its module loads,
            // Vite's HMR socket — and never the studio's cookies or DOM. No top navigation, no
            // modals, no downloads: nothing the page needs.
            <iframe
              key={preview.frameKey}
              ref={preview.frameRef}
              src={preview.frameSrc ?? undefined}
              title="Live preview"
              data-testid="preview-frame"
              sandbox="allow-scripts allow-forms allow-same-origin allow-popups"
              className={cn("size-full flex-1 border-0 bg-white", covered && "opacity-0")}
            />
          ) : null}
          {covered ? (
            <PreviewStatusCard
              phase={phase}
              view={view}
              startError={preview.startError}
              onRetry={preview.start}
              onShowCode={onShowCode}
            />
          ) : null}
        </div>
      </div>

      <PreviewErrors projectId={projectId} preview={preview} />
      {logsOpen ? <PreviewLogs projectId={projectId} onClose={() => setLogsOpen(false)} /> : null}
    </section>
  );
}

function ToolbarButton({
  label,
  testId,
  onClick,
  disabled,
  pressed,
  children,
}: {
  label: string;
  testId: string;
  onClick: () => void;
  disabled?: boolean;
  pressed?: boolean;
  children: React.ReactNode;
}) {
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Button
          variant="ghost"
          size="icon"
          className="size-7 text-muted-foreground [&_svg]:size-3.5"
          aria-label={label}
          aria-pressed={pressed}
          data-testid={testId}
          onClick={onClick}
          disabled={disabled}
        >
          {children}
        </Button>
      </TooltipTrigger>
      <TooltipContent>{label}</TooltipContent>
    </Tooltip>
  );
}
