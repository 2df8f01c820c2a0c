"use client";

import { MergeView, unifiedMergeView } from "@codemirror/merge";
import { basicSetup, EditorState, EditorView, type Extension } from "@uiw/react-codemirror";
import { useTheme } from "next-themes";
import { useEffect, useRef } from "react";
import { fillHeight, languageFor, studioChrome, themeFor } from "@/components/editor/codemirror-setup";

interface MergeViewerProps {
  path: string;
  before: string;
  after: string;
  /** One column with deletions above insertions, for narrow screens. */
  unified: boolean;
  beforeLabel: string;
  afterLabel: string;
}

const collapseUnchanged = { margin: 3, minSize: 6 };

// The package's own tints are very faint; these read as removed/added at a glance in both themes.
const diffColors = EditorView.theme({
  "&.cm-merge-a .cm-changedLine, .cm-deletedChunk": { backgroundColor: "rgba(239, 68, 68, 0.1)" },
  "&.cm-merge-b .cm-changedLine, .cm-inlineChangedLine": { backgroundColor: "rgba(34, 197, 94, 0.12)" },
  // The package draws "⦚" around the label, which many system fonts lack.
  ".cm-collapsedLines": { fontSize: "12px", color: "var(--muted-foreground)" },
  ".cm-collapsedLines:before, .cm-collapsedLines:after": { content: '"⋯"' },
});

function readOnlySetup(path: string, theme: Extension, label: string): Extension[] {
  return [
    basicSetup({
      foldGutter: false,
      highlightActiveLine: false,
      highlightActiveLineGutter: false,
      autocompletion: false,
      closeBrackets: false,
    }),
    ...languageFor(path),
    theme,
    studioChrome,
    diffColors,
    EditorState.readOnly.of(true),
    EditorView.editable.of(false),
    EditorView.contentAttributes.of({ "aria-label": label }),
  ];
}

/**
 * A read-only, syntax-highlighted diff of one file (@codemirror/merge): two aligned editors side by
 * side, or one unified editor. Loaded on demand with the rest of CodeMirror.
 */
export default function MergeViewer({
  path,
  before,
  after,
  unified,
  beforeLabel,
  afterLabel,
}: MergeViewerProps) {
  const parent = useRef<HTMLDivElement>(null);
  const { resolvedTheme } = useTheme();

  useEffect(() => {
    const host = parent.current;
    if (!host) return;
    const theme = themeFor(resolvedTheme);
    if (unified) {
      const view = new EditorView({
        parent: host,
        state: EditorState.create({
          doc: after,
          extensions: [
            ...readOnlySetup(path, theme, `Changes to ${path}, ${beforeLabel} to ${afterLabel}`),
            fillHeight,
            unifiedMergeView({ original: before, mergeControls: false, gutter: true, collapseUnchanged }),
          ],
        }),
      });
      return () => view.destroy();
    }
    const view = new MergeView({
      parent: host,
      a: { doc: before, extensions: readOnlySetup(path, theme, `${path} at ${beforeLabel}`) },
      b: { doc: after, extensions: readOnlySetup(path, theme, `${path} at ${afterLabel}`) },
      gutter: true,
      highlightChanges: true,
      collapseUnchanged,
    });
    return () => view.destroy();
  }, [path, before, after, unified, resolvedTheme, beforeLabel, afterLabel]);

  return (
    <div ref={parent} className="h-full min-h-0 [&_.cm-mergeView]:h-full [&_.cm-mergeViewEditor]:min-w-0" />
  );
}
