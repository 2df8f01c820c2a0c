// Every keyboard shortcut the studio has, for the `?` dialog. Each entry points at the handler
// that implements it; a shortcut added or removed there belongs here too.

export interface Shortcut {
  /** Key combinations that do this, each written "Mod+K" ("Mod" is ⌘ on a Mac, Ctrl elsewhere). */
  keys: string[];
  description: string;
}

export interface ShortcutSection {
  title: string;
  shortcuts: Shortcut[];
}

export const SHORTCUTS: ShortcutSection[] = [
  {
    // components/command-palette/command-palette-provider.tsx
    title: "Anywhere in the studio",
    shortcuts: [
      { keys: ["Mod+K"], description: "Open the command palette" },
      { keys: ["?"], description: "Show these shortcuts (outside text fields)" },
    ],
  },
  {
    // cmdk's own keys in components/command-palette/command-palette.tsx
    title: "Command palette",
    shortcuts: [
      { keys: ["↑", "↓"], description: "Move through the results" },
      { keys: ["Enter"], description: "Run the highlighted command" },
      { keys: ["Esc"], description: "Close the palette" },
    ],
  },
  {
    // components/editor/chat-input.tsx and components/chat/chat-conversation.tsx
    title: "Chat",
    shortcuts: [
      { keys: ["Enter", "Mod+Enter"], description: "Send the message" },
      { keys: ["Shift+Enter"], description: "Start a new line" },
      { keys: ["Esc"], description: "Stop the answer being written" },
    ],
  },
  {
    // components/editor/code-panel.tsx
    title: "Code",
    shortcuts: [{ keys: ["Mod+S"], description: "Save your edits as a new version" }],
  },
  {
    // components/editor/project-title.tsx
    title: "Renaming a project in the editor",
    shortcuts: [
      { keys: ["Enter"], description: "Keep the new name" },
      { keys: ["Esc"], description: "Cancel the rename" },
    ],
  },
  {
    // components/dashboard/project-toolbar.tsx
    title: "Dashboard search",
    shortcuts: [{ keys: ["Esc"], description: "Clear the search" }],
  },
];
