"use client";

import { Loader2Icon } from "lucide-react";
import { useState } from "react";
import { ErrorText } from "@/components/common/error-text";
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
import { projectApi, requestJson } from "@/lib/hooks/fetch-json";
import type { VersionSummary } from "@/lib/versions/schemas";

const MAX_LENGTH = 60;

interface CheckpointDialogProps {
  projectId: string;
  version: VersionSummary;
  onOpenChange: (open: boolean) => void;
  onSaved: (version: VersionSummary) => void;
}

/** Names a version ("Before the redesign") so it stands out in the timeline; an existing name can be cleared. */
export function CheckpointDialog({ projectId, version, onOpenChange, onSaved }: CheckpointDialogProps) {
  const [name, setName] = useState(version.checkpointName ?? "");
  const [pending, setPending] = useState<"save" | "clear" | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);

  async function send(checkpointName: string | null) {
    setPending(checkpointName === null ? "clear" : "save");
    setError(null);
    const result = await requestJson<VersionSummary>(
      projectApi(projectId, `/versions/${encodeURIComponent(version.id)}`),
      { method: "PATCH", body: { checkpointName }, what: "Naming the checkpoint" },
    );
    setPending(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onSaved(result.data);
    onOpenChange(false);
  }

  const trimmed = name.trim();
  const inputId = `checkpoint-${version.id}`;
  return (
    <Dialog open onOpenChange={(open) => !pending && onOpenChange(open)}>
      <DialogContent className="sm:max-w-md">
        <form
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (trimmed) void send(trimmed);
          }}
        >
          <DialogHeader>
            <DialogTitle>{version.checkpointName ? "Rename checkpoint" : "Name a checkpoint"}</DialogTitle>
            <DialogDescription>
              A named version stands out in the timeline, so you can find it and go back to it later.
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-2">
            <Label htmlFor={inputId}>Name for v{version.number}</Label>
            <Input
              id={inputId}
              value={name}
              maxLength={MAX_LENGTH}
              placeholder="e.g. Before the redesign"
              autoFocus
              onFocus={(e) => e.currentTarget.select()}
              onChange={(e) => setName(e.target.value)}
              data-testid="checkpoint-input"
              aria-invalid={error ? true : undefined}
            />
          </div>
          {error && <ErrorText error={error} />}
          <DialogFooter className="sm:justify-between">
            {version.checkpointName ? (
              <Button
                type="button"
                variant="ghost"
                data-testid="checkpoint-clear"
                disabled={pending !== null}
                onClick={() => void send(null)}
              >
                {pending === "clear" && <Loader2Icon className="animate-spin" aria-hidden />}
                Remove name
              </Button>
            ) : (
              <span />
            )}
            <div className="flex flex-col-reverse gap-2 sm:flex-row">
              <Button
                type="button"
                variant="outline"
                disabled={pending !== null}
                onClick={() => onOpenChange(false)}
              >
                Cancel
              </Button>
              <Button
                type="submit"
                data-testid="checkpoint-submit"
                disabled={pending !== null || trimmed === "" || trimmed === version.checkpointName}
                aria-busy={pending === "save"}
              >
                {pending === "save" && <Loader2Icon className="animate-spin" aria-hidden />}
                {pending === "save" ? "Saving…" : "Save name"}
              </Button>
            </div>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
