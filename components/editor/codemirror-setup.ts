// Language modes and the studio look shared by the editor and the diff view.
import { css } from "@codemirror/lang-css";
import { html } from "@codemirror/lang-html";
import { javascript } from "@codemirror/lang-javascript";
import { json } from "@codemirror/lang-json";
import { markdown } from "@codemirror/lang-markdown";
import { defaultLightThemeOption, EditorView, type Extension, oneDark, Prec } from "@uiw/react-codemirror";
import { extensionOf } from "@/components/editor/file-tree-model";

export function languageFor(path: string): Extension[] {
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

/** The colour theme CodeMirror uses for the studio's light or dark mode. */
export function themeFor(resolvedTheme: string | undefined): Extension {
  return resolvedTheme === "dark" ? oneDark : defaultLightThemeOption;
}

// Blend the editor into the studio chrome: same background, Geist Mono, quiet gutters.
export const studioChrome = Prec.highest(
  EditorView.theme({
    "&": { fontSize: "13px", backgroundColor: "var(--background)" },
    ".cm-scroller": { fontFamily: "var(--font-geist-mono), ui-monospace, monospace", lineHeight: "1.6" },
    ".cm-gutters": {
      backgroundColor: "var(--background)",
      color: "var(--muted-foreground)",
      borderRight: "1px solid var(--border)",
    },
    "&.cm-focused": { outline: "none" },
    ".cm-content": { paddingBlock: "8px" },
    ".cm-activeLine, .cm-activeLineGutter": {
      backgroundColor: "color-mix(in oklab, var(--accent) 45%, transparent)",
    },
    ".cm-collapsedLines": { fontFamily: "var(--font-geist-sans), ui-sans-serif, sans-serif" },
  }),
);

/** For a single editor that fills its box and scrolls inside it. */
export const fillHeight = EditorView.theme({ "&": { height: "100%" } });
