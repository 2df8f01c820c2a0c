"use client";

import CodeMirror, { EditorView } from "@uiw/react-codemirror";
import { useTheme } from "next-themes";
import { useMemo } from "react";
import { fillHeight, languageFor, studioChrome } from "@/components/editor/codemirror-setup";

interface CodeMirrorViewProps {
  path: string;
  text: string;
  /** Without it the view is read-only. */
  onChange?: (text: string) => void;
}

/**
 * A highlighted editor for one file (read-only without `onChange`). Loaded on demand so CodeMirror
 * stays out of the first bundle. Cmd/Ctrl+S is handled by the code panel, so it also works from the
 * file tree.
 */
export default function CodeMirrorView({ path, text, onChange }: CodeMirrorViewProps) {
  const { resolvedTheme } = useTheme();
  const readOnly = !onChange;
  const extensions = useMemo(
    () => [
      ...languageFor(path),
      studioChrome,
      fillHeight,
      EditorView.contentAttributes.of({
        "aria-label": `Contents of ${path}${readOnly ? " (read-only)" : ""}`,
      }),
    ],
    [path, readOnly],
  );
  return (
    <CodeMirror
      value={text}
      onChange={onChange}
      extensions={extensions}
      theme={resolvedTheme === "dark" ? "dark" : "light"}
      readOnly={readOnly}
      editable={!readOnly}
      height="100%"
      className="h-full"
      basicSetup={{
        foldGutter: true,
        highlightActiveLine: !readOnly,
        highlightActiveLineGutter: !readOnly,
        searchKeymap: true,
        autocompletion: false,
      }}
    />
  );
}
