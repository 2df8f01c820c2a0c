"use client";

import {
  BookmarkIcon,
  EllipsisIcon,
  EyeIcon,
  GitCompareArrowsIcon,
  GitCompareIcon,
  RotateCcwIcon,
} from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

interface VersionMenuProps {
  number: number;
  isCurrent: boolean;
  hasCheckpoint: boolean;
  onView: () => void;
  onComparePrevious: () => void;
  onCompareCurrent: () => void;
  onCheckpoint: () => void;
  onRestore: () => void;
}

/** The actions on one version of the timeline. */
export function VersionMenu(props: VersionMenuProps) {
  const { number, isCurrent, hasCheckpoint } = props;
  return (
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="icon-sm"
          data-testid="version-menu"
          aria-label={`Actions for version ${number}`}
          className="-my-1 size-7 data-[state=open]:bg-accent"
        >
          <EllipsisIcon aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-56">
        <DropdownMenuItem data-testid="version-view" onSelect={props.onView}>
          <EyeIcon aria-hidden />
          {isCurrent ? "Open in the editor" : "View this version"}
        </DropdownMenuItem>
        <DropdownMenuItem
          data-testid="version-compare-previous"
          disabled={number <= 1}
          onSelect={props.onComparePrevious}
        >
          <GitCompareIcon aria-hidden />
          Compare with previous
        </DropdownMenuItem>
        <DropdownMenuItem
          data-testid="version-compare-current"
          disabled={isCurrent}
          onSelect={props.onCompareCurrent}
        >
          <GitCompareArrowsIcon aria-hidden />
          Compare with current
        </DropdownMenuItem>
        <DropdownMenuItem data-testid="version-checkpoint" onSelect={props.onCheckpoint}>
          <BookmarkIcon aria-hidden />
          {hasCheckpoint ? "Rename checkpoint" : "Name checkpoint"}
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem data-testid="version-restore" disabled={isCurrent} onSelect={props.onRestore}>
          <RotateCcwIcon aria-hidden />
          {isCurrent ? "This is the current version" : `Restore version ${number}`}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
