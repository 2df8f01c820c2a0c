"use client";

import { Loader2Icon, RotateCcwIcon } from "lucide-react";
import { useState } from "react";
import { ErrorText } from "@/components/common/error-text";
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
import { projectApi, requestJson } from "@/lib/hooks/fetch-json";
import type { VersionDetail } from "@/lib/versions/get-version";

export interface VersionRef {
  id: string;
  number: number;
}

interface RestoreDialogProps {
  projectId: string;
  version: VersionRef;
  /** The number the restore will get: one past the newest version. */
  nextNumber: number | null;
  unsavedFiles: number;
  onOpenChange: (open: boolean) => void;
  onRestored: (restored: VersionDetail, from: VersionRef) => void;
}

/** "Restore version 3?" — restoring adds a version on top, so the confirmation says nothing is lost. */
export function RestoreDialog({
  projectId,
  version,
  nextNumber,
  unsavedFiles,
  onOpenChange,
  onRestored,
}: RestoreDialogProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);

  async function restore() {
    setPending(true);
    setError(null);
    const result = await requestJson<VersionDetail>(
      projectApi(projectId, `/versions/${encodeURIComponent(version.id)}/restore`),
      { method: "POST", body: {}, what: "Restoring" },
    );
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onRestored(result.data, version);
    onOpenChange(false);
  }

  return (
    <AlertDialog open onOpenChange={(open) => !pending && onOpenChange(open)}>
      <AlertDialogContent data-testid="restore-dialog">
        <AlertDialogHeader>
          <AlertDialogTitle>Restore version {version.number}?</AlertDialogTitle>
          <AlertDialogDescription>
            This creates {nextNumber ? `version ${nextNumber}` : "a new version"} with those files; nothing is
            lost.
          </AlertDialogDescription>
        </AlertDialogHeader>
        {unsavedFiles > 0 && (
          <p className="rounded-md border border-amber-500/40 bg-amber-500/10 px-3 py-2 text-sm">
            You have unsaved edits in {unsavedFiles === 1 ? "1 file" : `${unsavedFiles} files`}. They stay as
            drafts; saving them afterwards will ask you to reload.
          </p>
        )}
        {error && <ErrorText error={error} />}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          <Button data-testid="confirm-restore" onClick={restore} disabled={pending} aria-busy={pending}>
            {pending ? <Loader2Icon className="animate-spin" aria-hidden /> : <RotateCcwIcon aria-hidden />}
            {pending ? "Restoring…" : `Restore v${version.number}`}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
