"use client";

import { Loader2Icon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { renameProjectAction } from "@/app/(studio)/actions";
import { networkError } from "@/components/common/error-text";
import { toastActionError } from "@/components/common/toast-action-error";

/** The project's name; click (or Enter) to edit in place, Enter or leaving the field saves, Esc cancels. */
export function ProjectTitle({ projectId, name: initialName }: { projectId: string; name: string }) {
  const router = useRouter();
  const [name, setName] = useState(initialName);
  const [draft, setDraft] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Set when Esc or Enter already finished the edit, so the blur that follows does nothing.
  const settled = useRef(false);

  function startEditing() {
    settled.current = false;
    setDraft(name);
  }

  function finish(save: boolean) {
    if (settled.current || draft === null) return;
    settled.current = true;
    const next = draft.trim();
    setDraft(null);
    requestAnimationFrame(() => buttonRef.current?.focus());
    if (!save || next === "" || next === name) return;
    const previous = name;
    setName(next);
    startTransition(async () => {
      try {
        const result = await renameProjectAction({ projectId, name: next });
        if (!result.ok) {
          setName(previous);
          toastActionError("Could not rename the project", result.error);
          return;
        }
        setName(result.data.name);
        toast.success(`Renamed to “${result.data.name}”`);
        router.refresh();
      } catch {
        setName(previous);
        toastActionError("Could not rename the project", networkError);
      }
    });
  }

  if (draft !== null) {
    return (
      <input
        // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this field
        autoFocus
        value={draft}
        maxLength={80}
        aria-label="Project name"
        data-testid="project-title-input"
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => finish(true)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            finish(true);
          } else if (e.key === "Escape") {
            e.preventDefault();
            finish(false);
          }
        }}
        className="h-7 w-64 max-w-full min-w-0 rounded-md border border-input bg-background px-2 font-medium outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50"
      />
    );
  }

  return (
    <span className="flex min-w-0 items-center gap-1.5">
      <button
        ref={buttonRef}
        type="button"
        data-testid="project-title"
        data-pending={pending ? "true" : "false"}
        onClick={startEditing}
        title="Rename project"
        aria-label={`${name} (rename)`}
        className="h-7 min-w-0 truncate rounded-md px-2 font-medium outline-none hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        {name}
      </button>
      {pending && (
        <Loader2Icon className="size-3.5 animate-spin text-muted-foreground" aria-label="Saving name" />
      )}
    </span>
  );
}
