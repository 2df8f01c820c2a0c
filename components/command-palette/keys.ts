// Which key presses the studio's own shortcuts answer to. Plain functions over the event, so the
// rules (Cmd on a Mac, Ctrl elsewhere; `?` never while typing) are in one place.

/** The parts of a KeyboardEvent the rules look at. */
export interface KeyPress {
  key: string;
  metaKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
}

/** Whether this browser runs on an Apple platform, where ⌘ plays the part Ctrl plays elsewhere. */
export function isApplePlatform(): boolean {
  return typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
}

/** The name of the modifier key of the platform, as shortcut labels write it. */
export function modKeyLabel(apple: boolean): string {
  return apple ? "⌘" : "Ctrl";
}

/**
 * Cmd+K on a Mac, Ctrl+K elsewhere. Only the platform's own modifier: on a Mac, Ctrl+K deletes to
 * the end of the line in text fields and must keep doing so.
 */
export function isPaletteKey(event: KeyPress, apple: boolean): boolean {
  if (event.altKey || event.shiftKey || event.key.toLowerCase() !== "k") return false;
  return apple ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
}

/** `?` as typed (Shift+/ on most layouts), with no command modifier and not mid-composition. */
export function isShortcutsKey(event: KeyPress): boolean {
  return event.key === "?" && !event.metaKey && !event.ctrlKey && !event.altKey && !event.isComposing;
}

// Inputs that take no typed text, so a `?` pressed on them is a shortcut.
const NON_TEXT_INPUTS = new Set([
  "button",
  "checkbox",
  "color",
  "file",
  "image",
  "radio",
  "range",
  "reset",
  "submit",
]);

/** Where a typed character is text: fields, text areas, selects and editors (CodeMirror is contenteditable). */
export function isTextEntry(target: EventTarget | null): boolean {
  if (typeof HTMLElement === "undefined" || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  return false;
}

/** Whether a dialog, menu or listbox is open: those own the keyboard until they close. */
export function isLayerOpen(): boolean {
  return (
    document.querySelector('[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]') !== null
  );
}
