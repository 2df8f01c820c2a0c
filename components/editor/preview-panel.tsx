"use client";

import { CodeIcon, MonitorIcon, SmartphoneIcon, TabletIcon } from "lucide-react";
import { ToggleGroup } from "radix-ui";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";

const DEVICES = [
  { id: "desktop", label: "Desktop", width: "100%", icon: MonitorIcon },
  { id: "tablet", label: "Tablet (768 px)", width: "768px", icon: TabletIcon },
  { id: "mobile", label: "Mobile (390 px)", width: "390px", icon: SmartphoneIcon },
] as const;
type DeviceId = (typeof DEVICES)[number]["id"];

/** Where the live preview will run. Until the preview server lands it says so, never a blank frame. */
export function PreviewPanel({ onShowCode }: { onShowCode: () => void }) {
  const [device, setDevice] = useState<DeviceId>("desktop");
  const current = DEVICES.find((d) => d.id === device)!;

  return (
    <section data-testid="preview-panel" aria-label="Preview" className="flex h-full min-h-0 flex-col">
      <div className="flex h-10 shrink-0 items-center gap-2 border-b px-3">
        <span className="flex items-center gap-1.5 text-xs text-muted-foreground" role="status">
          <span className="size-2 rounded-full bg-muted-foreground/40" aria-hidden />
          Preview not running yet
        </span>
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
                  data-testid={`device-${d.id}`}
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
      <div className="flex min-h-0 flex-1 justify-center overflow-auto bg-surface p-4 sm:p-6">
        <div
          className="flex h-full max-w-full flex-col overflow-hidden rounded-lg border bg-background shadow-sm transition-[width] duration-300 ease-out"
          style={{ width: current.width }}
          data-device={device}
        >
          <div className="flex h-8 shrink-0 items-center gap-1.5 border-b bg-muted/40 px-3" aria-hidden>
            <span className="size-2 rounded-full bg-foreground/15" />
            <span className="size-2 rounded-full bg-foreground/15" />
            <span className="size-2 rounded-full bg-foreground/15" />
            <span className="mx-auto h-4 w-2/5 max-w-60 rounded bg-foreground/5" />
          </div>
          <div className="relative flex flex-1 flex-col items-center justify-center gap-3 overflow-hidden p-6 text-center">
            <div
              aria-hidden
              className="absolute inset-0 bg-[radial-gradient(50%_60%_at_50%_35%,color-mix(in_oklch,var(--primary)_10%,transparent),transparent)]"
            />
            <div className="relative grid justify-items-center gap-3">
              <span className="grid size-10 place-items-center rounded-full border bg-card shadow-xs">
                <MonitorIcon className="size-5 text-primary" aria-hidden />
              </span>
              <p className="text-base font-medium">Live preview starts here soon</p>
              <p className="max-w-sm text-muted-foreground">
                The page will run here and update as the assistant edits it. Until then, the generated files
                are in the Code tab.
              </p>
              <Button variant="outline" size="sm" onClick={onShowCode}>
                <CodeIcon aria-hidden />
                Browse the code
              </Button>
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}
