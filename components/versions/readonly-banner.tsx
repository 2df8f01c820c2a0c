"use client";

import { ArrowLeftIcon, EyeIcon, RotateCcwIcon } from "lucide-react";
import { Button } from "@/components/ui/button";

interface ReadonlyBannerProps {
  number: number;
  onBack: () => void;
  onRestore: () => void;
}

/** Above the code while an older version is open: what you are looking at and the two ways out. */
export function ReadonlyBanner({ number, onBack, onRestore }: ReadonlyBannerProps) {
  return (
    <div
      data-testid="readonly-banner"
      role="status"
      className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1.5 border-b bg-accent/60 px-3 py-2 text-sm text-accent-foreground"
    >
      <span className="flex items-center gap-2 font-medium">
        <EyeIcon className="size-4 shrink-0" aria-hidden />
        Viewing version {number} (read-only)
      </span>
      <span className="ml-auto flex flex-wrap items-center gap-2">
        <Button size="sm" variant="outline" className="h-7" data-testid="back-to-current" onClick={onBack}>
          <ArrowLeftIcon aria-hidden />
          Back to current
        </Button>
        <Button size="sm" className="h-7" data-testid="readonly-restore" onClick={onRestore}>
          <RotateCcwIcon aria-hidden />
          Restore this version
        </Button>
      </span>
    </div>
  );
}
