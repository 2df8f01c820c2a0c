"use client";

import { CopyIcon, EllipsisIcon, ExternalLinkIcon, PencilIcon, Trash2Icon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { ProjectSummary } from "@/lib/projects/schemas";
import { DeleteProjectDialog } from "./delete-project-dialog";
import { RenameProjectDialog } from "./rename-project-dialog";

interface ProjectCardMenuProps {
  project: ProjectSummary;
  duplicating: boolean;
  onDuplicate: () => void;
  onRenamed: (project: ProjectSummary) => void;
  onDeleted: (project: ProjectSummary) => void;
}

export function ProjectCardMenu({
  project,
  duplicating,
  onDuplicate,
  onRenamed,
  onDeleted,
}: ProjectCardMenuProps) {
  const [dialog, setDialog] = useState<"rename" | "delete" | null>(null);
  return (
    <>
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button
            variant="ghost"
            size="icon-sm"
            data-testid="project-menu"
            aria-label={`Actions for ${project.name}`}
            className="data-[state=open]:bg-accent"
          >
            <EllipsisIcon aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-44">
          <DropdownMenuItem asChild>
            <Link href={`/projects/${project.id}`}>
              <ExternalLinkIcon aria-hidden />
              Open
            </Link>
          </DropdownMenuItem>
          <DropdownMenuItem data-testid="project-rename" onSelect={() => setDialog("rename")}>
            <PencilIcon aria-hidden />
            Rename
          </DropdownMenuItem>
          <DropdownMenuItem data-testid="project-duplicate" disabled={duplicating} onSelect={onDuplicate}>
            <CopyIcon aria-hidden />
            {duplicating ? "Duplicating…" : "Duplicate"}
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem
            variant="destructive"
            data-testid="project-delete"
            onSelect={() => setDialog("delete")}
          >
            <Trash2Icon aria-hidden />
            Delete
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {dialog === "rename" && (
        <RenameProjectDialog
          project={project}
          open
          onOpenChange={(open) => !open && setDialog(null)}
          onRenamed={onRenamed}
        />
      )}
      {dialog === "delete" && (
        <DeleteProjectDialog
          project={project}
          open
          onOpenChange={(open) => !open && setDialog(null)}
          onDeleted={onDeleted}
        />
      )}
    </>
  );
}
