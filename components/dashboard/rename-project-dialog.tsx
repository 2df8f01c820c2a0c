"use client";

import { Loader2Icon } from "lucide-react";
import { useState, useTransition } from "react";
import { renameProjectAction } from "@/app/(studio)/actions";
import { ErrorText, networkError } from "@/components/common/error-text";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ErrorPayload } from "@/lib/errors";
import type { ProjectSummary } from "@/lib/projects/schemas";

interface RenameProjectDialogProps {
  project: ProjectSummary;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onRenamed: (project: ProjectSummary) => void;
}

export function RenameProjectDialog({ project, open, onOpenChange, onRenamed }: RenameProjectDialogProps) {
  const [name, setName] = useState(project.name);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      try {
        const result = await renameProjectAction({ projectId: project.id, name: name.trim() });
        if (!result.ok) {
          setError(result.error);
          return;
        }
        onRenamed(result.data);
        onOpenChange(false);
      } catch {
        setError(networkError);
      }
    });
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <DialogContent className="sm:max-w-md">
        <form onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Rename project</DialogTitle>
            <DialogDescription>The name is only shown to you and your workspace.</DialogDescription>
          </DialogHeader>
          <div className="grid gap-2">
            <Label htmlFor={`rename-${project.id}`}>Name</Label>
            <Input
              id={`rename-${project.id}`}
              value={name}
              maxLength={80}
              autoFocus
              onFocus={(e) => e.currentTarget.select()}
              onChange={(e) => setName(e.target.value)}
              data-testid="rename-input"
              aria-invalid={error ? true : undefined}
            />
          </div>
          {error && <ErrorText error={error} />}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
              Cancel
            </Button>
            <Button
              type="submit"
              data-testid="rename-submit"
              disabled={pending || name.trim() === "" || name.trim() === project.name}
              aria-busy={pending}
            >
              {pending && <Loader2Icon className="animate-spin" aria-hidden />}
              {pending ? "Saving…" : "Save"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
