"use client";

import { useMemo, useRef } from "react";

/**
 * Focus handlers for a dialog opened by a key press. Radix gives focus back to the dialog's
 * trigger, and these dialogs have none; so remember what had focus when the dialog opened and
 * go back there when it closes (if it is still on the page).
 */
export function useReturnFocus() {
  const origin = useRef<HTMLElement | null>(null);
  return useMemo(
    () => ({
      // Runs before Radix moves focus into the dialog, so the active element is still the origin.
      onOpenAutoFocus: () => {
        const active = document.activeElement;
        origin.current = active instanceof HTMLElement && active !== document.body ? active : null;
      },
      onCloseAutoFocus: (event: Event) => {
        event.preventDefault();
        const target = origin.current;
        origin.current = null;
        if (target?.isConnected) target.focus({ preventScroll: true });
      },
    }),
    [],
  );
}
