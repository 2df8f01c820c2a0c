"use client";

import { Loader2Icon } from "lucide-react";
import { useState, useTransition } from "react";
import { deleteProjectAction } from "@/app/(studio)/actions";
import { ErrorText, networkError } from "@/components/common/error-text";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import type { ErrorPayload } from "@/lib/errors";
import type { ProjectSummary } from "@/lib/projects/schemas";

interface DeleteProjectDialogProps {
  project: ProjectSummary;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDeleted: (project: ProjectSummary) => void;
}

export function DeleteProjectDialog({ project, open, onOpenChange, onDeleted }: DeleteProjectDialogProps) {
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [pending, startTransition] = useTransition();

  function confirm() {
    setError(null);
    startTransition(async () => {
      try {
        const result = await deleteProjectAction({ projectId: project.id });
        if (!result.ok) {
          setError(result.error);
          return;
        }
        onOpenChange(false);
        onDeleted(project);
      } catch {
        setError(networkError);
      }
    });
  }

  return (
    <AlertDialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Delete “{project.name}”?</AlertDialogTitle>
          <AlertDialogDescription>
            The project, its versions and its preview are removed for everyone in the workspace.
          </AlertDialogDescription>
        </AlertDialogHeader>
        {error && <ErrorText error={error} />}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          {/* A plain button, not AlertDialogAction, so the dialog stays open while the delete runs. */}
          <Button
            variant="destructive"
            onClick={confirm}
            disabled={pending}
            data-testid="confirm-delete"
            aria-busy={pending}
          >
            {pending && <Loader2Icon className="animate-spin" aria-hidden />}
            {pending ? "Deleting…" : "Delete project"}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
