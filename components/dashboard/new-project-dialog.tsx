"use client";

import { Loader2Icon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { createProjectAction } from "@/app/(studio)/actions";
import { ErrorText, networkError } from "@/components/common/error-text";
import { TemplatePicker } from "@/components/dashboard/template-picker";
import type { TemplateOption } from "@/components/dashboard/types";
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

interface NewProjectDialogProps {
  templates: TemplateOption[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  initialTemplateId: string;
}

/** Mounted fresh each time it opens (see the provider), so its state starts clean. */
export function NewProjectDialog({
  templates,
  open,
  onOpenChange,
  initialTemplateId,
}: NewProjectDialogProps) {
  const router = useRouter();
  const [templateId, setTemplateId] = useState(initialTemplateId);
  const nameFor = (id: string) => templates.find((t) => t.id === id)?.name ?? "Untitled page";
  const [name, setName] = useState(() => nameFor(initialTemplateId));
  const [nameEdited, setNameEdited] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [pending, startTransition] = useTransition();

  function pickTemplate(id: string) {
    setTemplateId(id);
    // Follow the template's name until the person types their own.
    if (!nameEdited) setName(nameFor(id));
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      try {
        const result = await createProjectAction({ name: name.trim(), templateId });
        if (!result.ok) {
          setError(result.error);
          return;
        }
        toast.success(`Created “${result.data.name}”`);
        router.push(`/projects/${result.data.id}`);
      } catch {
        setError(networkError);
      }
    });
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <DialogContent className="sm:max-w-3xl">
        <form onSubmit={submit} className="grid gap-5">
          <DialogHeader>
            <DialogTitle>New project</DialogTitle>
            <DialogDescription>
              Start from a template. You can change everything later in chat.
            </DialogDescription>
          </DialogHeader>
          <TemplatePicker templates={templates} value={templateId} onChange={pickTemplate} />
          <div className="grid gap-2">
            <Label htmlFor="project-name">Project name</Label>
            <Input
              id="project-name"
              value={name}
              maxLength={80}
              required
              data-testid="project-name-input"
              aria-invalid={error?.field === "name" || undefined}
              onChange={(e) => {
                setName(e.target.value);
                setNameEdited(true);
              }}
            />
          </div>
          {error && <ErrorText error={error} />}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
              Cancel
            </Button>
            <Button
              type="submit"
              data-testid="create-project-submit"
              disabled={pending || name.trim() === ""}
              aria-busy={pending}
            >
              {pending && <Loader2Icon className="animate-spin" aria-hidden />}
              {pending ? "Creating…" : "Create project"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
