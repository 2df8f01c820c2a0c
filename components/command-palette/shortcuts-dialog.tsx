"use client";

import { isApplePlatform, modKeyLabel } from "@/components/command-palette/keys";
import { KeysLabel } from "@/components/command-palette/keys-label";
import { SHORTCUTS } from "@/components/command-palette/shortcuts";
import { useReturnFocus } from "@/components/command-palette/use-return-focus";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";

/** The `?` dialog: every shortcut the studio has, by where it works. */
export function ShortcutsDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const focus = useReturnFocus();
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        data-testid="shortcuts-dialog"
        className="sm:max-w-md"
        onOpenAutoFocus={focus.onOpenAutoFocus}
        onCloseAutoFocus={focus.onCloseAutoFocus}
      >
        <DialogHeader>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogDescription>What the keyboard does in the studio.</DialogDescription>
        </DialogHeader>
        {/* Only rendered while open, in the browser: the platform decides ⌘ or Ctrl. */}
        <ShortcutList modKey={modKeyLabel(isApplePlatform())} />
      </DialogContent>
    </Dialog>
  );
}

function ShortcutList({ modKey }: { modKey: string }) {
  return (
    <div className="grid gap-5">
      {SHORTCUTS.map((section) => (
        <section key={section.title} aria-labelledby={sectionId(section.title)}>
          <h3 id={sectionId(section.title)} className="mb-1.5 text-xs font-medium text-muted-foreground">
            {section.title}
          </h3>
          <dl className="grid gap-1.5">
            {section.shortcuts.map((shortcut) => (
              <div
                key={shortcut.description}
                data-testid="shortcut"
                className="flex items-center justify-between gap-4 text-sm"
              >
                <dt>{shortcut.description}</dt>
                <dd className="flex shrink-0 items-center gap-1.5">
                  {shortcut.keys.map((combo, index) => (
                    <span key={combo} className="inline-flex items-center gap-1.5">
                      {index > 0 && <span className="text-xs text-muted-foreground">or</span>}
                      <KeysLabel combo={combo} modKey={modKey} />
                    </span>
                  ))}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

const sectionId = (title: string) => `shortcuts-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
