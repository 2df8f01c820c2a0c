"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useTransition } from "react";
import { toast } from "sonner";
import { RestoreDialog, type VersionRef } from "@/components/versions/restore-dialog";
import type { VersionDetail } from "@/lib/versions/get-version";

export type { VersionRef };

/** An unsaved edit: the text in the editor and the saved text it started from. */
export interface Draft {
  text: string;
  original: string;
}

/** A version the History tab is asked to bring forward. */
export interface FocusRequest {
  versionId: string;
  /** Tells a second request for the same version from the first, so it is brought forward again. */
  seq: number;
}

export interface CompareRequest {
  fromId: string;
  toId: string;
  /** The file to open first. */
  path?: string;
}

interface VersionsContextValue {
  projectId: string;
  currentVersionId: string | null;
  currentVersionNumber: number | null;
  /** The version shown read-only in the Code tab; null shows the current version, editable. */
  viewing: VersionRef | null;
  view: (version: VersionRef | null) => void;
  /** Two versions compared in the History tab; null shows the timeline. */
  compare: CompareRequest | null;
  openCompare: (request: CompareRequest) => void;
  closeCompare: () => void;
  requestRestore: (version: VersionRef) => void;
  /**
   * The version last jumped to (from the command palette): the History tab scrolls to it, marks it
   * and gives it keyboard focus. It stays marked until another is jumped to or a version is viewed,
   * compared or restored.
   */
  focused: FocusRequest | null;
  /** Shows the History tab's timeline with that version brought forward (see `focused`). */
  focusVersion: (versionId: string) => void;
  /** Unsaved edits by path; they survive switching files, tabs and layouts. */
  drafts: ReadonlyMap<string, Draft>;
  /** The version the drafts were started from, sent as `baseVersionId` when saving. */
  draftBaseVersionId: string | null;
  setDraft: (path: string, text: string, original: string) => void;
  /** Forgets drafts; with `onlyIfText`, only those whose text is still what was saved. */
  dropDrafts: (paths: Array<{ path: string; onlyIfText?: string }>) => void;
  /** Starts the drafts over from the current version (after saving, or to save over a newer version). */
  rebaseDrafts: (versionId: string | null, saved?: Record<string, string>) => void;
  refreshing: boolean;
  refresh: () => void;
}

const VersionsContext = createContext<VersionsContextValue | null>(null);

export function useVersions(): VersionsContextValue {
  const value = useContext(VersionsContext);
  if (!value) throw new Error("useVersions must be used inside <VersionsProvider>.");
  return value;
}

interface VersionsProviderProps {
  projectId: string;
  currentVersionId: string | null;
  currentVersionNumber: number | null;
  latestVersionNumber: number | null;
  onShowTab: (tab: "code" | "history") => void;
  children: React.ReactNode;
}

/**
 * What the Code and History tabs share: which version is viewed, compared or brought forward,
 * the restore confirmation, and the unsaved drafts of the editor.
 */
export function VersionsProvider({
  projectId,
  currentVersionId,
  currentVersionNumber,
  latestVersionNumber,
  onShowTab,
  children,
}: VersionsProviderProps) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const [viewing, setViewing] = useState<VersionRef | null>(null);
  const [compare, setCompare] = useState<CompareRequest | null>(null);
  const [restoring, setRestoring] = useState<VersionRef | null>(null);
  const [focused, setFocused] = useState<FocusRequest | null>(null);
  const [drafts, setDrafts] = useState<Map<string, Draft>>(() => new Map());
  const [draftBase, setDraftBase] = useState<string | null>(null);

  const refresh = useCallback(() => startRefresh(() => router.refresh()), [router]);

  const view = useCallback(
    (version: VersionRef | null) => {
      setViewing(version && version.id !== currentVersionId ? version : null);
      setFocused(null);
      onShowTab("code");
    },
    [currentVersionId, onShowTab],
  );

  const openCompare = useCallback(
    (request: CompareRequest) => {
      setCompare(request);
      setFocused(null);
      onShowTab("history");
    },
    [onShowTab],
  );

  const focusVersion = useCallback(
    (versionId: string) => {
      // The version is in the timeline, not in a diff: leave the comparison for it.
      setCompare(null);
      setFocused((prev) => ({ versionId, seq: (prev?.seq ?? 0) + 1 }));
      onShowTab("history");
    },
    [onShowTab],
  );

  const setDraft = useCallback(
    (path: string, text: string, original: string) => {
      setDrafts((prev) => {
        const next = new Map(prev);
        if (text === original) next.delete(path);
        else next.set(path, { text, original });
        return next;
      });
      // The first edit pins the version the drafts are based on.
      setDraftBase((base) => base ?? currentVersionId);
    },
    [currentVersionId],
  );

  const dropDrafts = useCallback((paths: Array<{ path: string; onlyIfText?: string }>) => {
    setDrafts((prev) => {
      const next = new Map(prev);
      for (const { path, onlyIfText } of paths) {
        if (onlyIfText === undefined || next.get(path)?.text === onlyIfText) next.delete(path);
      }
      return next;
    });
  }, []);

  const rebaseDrafts = useCallback((versionId: string | null, saved?: Record<string, string>) => {
    setDraftBase(versionId);
    if (!saved) return;
    // Edits typed while saving stay drafts, now measured against what was saved.
    setDrafts((prev) => {
      const next = new Map(prev);
      for (const [path, text] of Object.entries(saved)) {
        const draft = next.get(path);
        if (!draft) continue;
        if (draft.text === text) next.delete(path);
        else next.set(path, { text: draft.text, original: text });
      }
      return next;
    });
  }, []);

  // With no drafts left, the next edit starts from whatever is current then.
  if (drafts.size === 0 && draftBase !== null) setDraftBase(null);

  // Leaving the page (reload, close, typing a URL) with unsaved edits asks first.
  const dirty = drafts.size > 0;
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const onRestored = useCallback(
    (restored: VersionDetail, from: VersionRef) => {
      setViewing(null);
      setCompare(null);
      setFocused(null);
      toast.success(`Restored version ${from.number} as v${restored.number}`, {
        description: "The code and preview now show those files.",
      });
      refresh();
    },
    [refresh],
  );

  const value = useMemo<VersionsContextValue>(
    () => ({
      projectId,
      currentVersionId,
      currentVersionNumber,
      viewing,
      view,
      compare,
      openCompare,
      closeCompare: () => setCompare(null),
      requestRestore: setRestoring,
      focused,
      focusVersion,
      drafts,
      draftBaseVersionId: draftBase ?? currentVersionId,
      setDraft,
      dropDrafts,
      rebaseDrafts,
      refreshing,
      refresh,
    }),
    [
      projectId,
      currentVersionId,
      currentVersionNumber,
      viewing,
      view,
      compare,
      openCompare,
      focused,
      focusVersion,
      drafts,
      draftBase,
      setDraft,
      dropDrafts,
      rebaseDrafts,
      refreshing,
      refresh,
    ],
  );

  return (
    <VersionsContext.Provider value={value}>
      {children}
      {restoring && (
        <RestoreDialog
          projectId={projectId}
          version={restoring}
          nextNumber={latestVersionNumber === null ? null : latestVersionNumber + 1}
          unsavedFiles={drafts.size}
          onOpenChange={(open) => !open && setRestoring(null)}
          onRestored={onRestored}
        />
      )}
    </VersionsContext.Provider>
  );
}
