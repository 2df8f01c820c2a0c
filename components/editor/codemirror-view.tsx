"use client";

import { css } from "@codemirror/lang-css";
import { html } from "@codemirror/lang-html";
import { javascript } from "@codemirror/lang-javascript";
import { json } from "@codemirror/lang-json";
import { markdown } from "@codemirror/lang-markdown";
import CodeMirror, { EditorView, type Extension, Prec } from "@uiw/react-codemirror";
import { useTheme } from "next-themes";
import { useMemo } from "react";
import { extensionOf } from "@/components/editor/file-tree-model";

function languageFor(path: string): Extension[] {
  switch (extensionOf(path)) {
    case "tsx":
      return [javascript({ jsx: true, typescript: true })];
    case "ts":
    case "mts":
      return [javascript({ typescript: true })];
    case "js":
    case "jsx":
    case "mjs":
    case "cjs":
      return [javascript({ jsx: true })];
    case "css":
      return [css()];
    case "html":
    case "svg":
      return [html()];
    case "json":
      return [json()];
    case "md":
    case "mdx":
      return [markdown()];
    default:
      return [];
  }
}

// Blend the editor into the studio chrome: same background, Geist Mono, quiet gutters.
const chrome = Prec.highest(
  EditorView.theme({
    "&": { height: "100%", fontSize: "13px", backgroundColor: "var(--background)" },
    ".cm-scroller": { fontFamily: "var(--font-geist-mono), ui-monospace, monospace", lineHeight: "1.6" },
    ".cm-gutters": {
      backgroundColor: "var(--background)",
      color: "var(--muted-foreground)",
      borderRight: "1px solid var(--border)",
    },
    "&.cm-focused": { outline: "none" },
    ".cm-content": { paddingBlock: "8px" },
    ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "transparent" },
  }),
);

/** Read-only, highlighted view of one file. Loaded on demand so CodeMirror stays out of the first bundle. */
export default function CodeMirrorView({ path, text }: { path: string; text: string }) {
  const { resolvedTheme } = useTheme();
  const extensions = useMemo(() => [...languageFor(path), chrome], [path]);
  return (
    <CodeMirror
      value={text}
      extensions={extensions}
      theme={resolvedTheme === "dark" ? "dark" : "light"}
      readOnly
      editable={false}
      height="100%"
      className="h-full"
      basicSetup={{
        foldGutter: true,
        highlightActiveLine: false,
        highlightActiveLineGutter: false,
        searchKeymap: true,
      }}
      aria-label={`Contents of ${path}`}
    />
  );
}
