"use client";

import { ChevronDownIcon, CpuIcon, SettingsIcon, SparklesIcon } from "lucide-react";
import Link from "next/link";
import type { ChatModelInfo } from "@/components/chat/types";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

/** The model that answers, as a chip under the message box; its menu leads to the settings. */
export function ModelChip({ model }: { model: ChatModelInfo | null }) {
  const designer = model?.provider === "designer";
  const label = !model ? "Model" : designer ? "Offline designer" : model.model;
  const Icon = designer ? SparklesIcon : CpuIcon;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        data-testid="model-chip"
        aria-label={model ? `Model: ${model.providerName}, ${model.model}. Change model` : "Model settings"}
        className="inline-flex h-7 min-w-0 max-w-[11rem] items-center gap-1 rounded-md px-1.5 text-xs text-muted-foreground outline-none transition-colors hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 data-[state=open]:bg-accent"
      >
        <Icon className="size-3.5 shrink-0" aria-hidden />
        <span className="truncate">{label}</span>
        <ChevronDownIcon className="size-3 shrink-0 opacity-60" aria-hidden />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" side="top" className="w-64">
        <DropdownMenuLabel className="grid gap-1 font-normal">
          <span className="text-xs text-muted-foreground">Answers come from</span>
          <span className="font-medium">{model?.providerName ?? "The workspace's model"}</span>
          {model && <span className="truncate font-mono text-xs text-muted-foreground">{model.model}</span>}
          {designer && (
            <span className="text-xs text-muted-foreground">
              A rule-based designer that works offline — not an AI model.
            </span>
          )}
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/settings" data-testid="change-model">
            <SettingsIcon aria-hidden />
            Change model
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
