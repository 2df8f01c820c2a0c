"use client";

import { type RefCallback, useCallback, useState } from "react";

/**
 * The width of an element, kept current with a ResizeObserver; attach the returned callback as its
 * `ref`. `null` until the element is measured. Panes resize independently of the window, so a media
 * query cannot tell how much room a panel has.
 */
export function useElementWidth<T extends HTMLElement>(): [RefCallback<T>, number | null] {
  const [width, setWidth] = useState<number | null>(null);
  const ref = useCallback<RefCallback<T>>((node) => {
    if (!node) return;
    setWidth(node.getBoundingClientRect().width);
    const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    observer.observe(node);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
