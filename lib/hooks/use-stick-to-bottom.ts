"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/** How close to the bottom (px) still counts as "at the bottom". */
const THRESHOLD = 48;

/**
 * Keeps a scrolling log pinned to its newest content while it grows, unless the person has
 * scrolled up to read; `scrollToBottom` pins it again (after sending, or from a "jump" button).
 * Attach `scrollRef` to the scroller and `contentRef` to the element inside it that grows.
 *
 * Only a move upwards unpins: content that grows between a programmatic scroll and its scroll
 * event must not read as "the person scrolled away".
 */
export function useStickToBottom<S extends HTMLElement, C extends HTMLElement>() {
  const scrollRef = useRef<S>(null);
  const contentRef = useRef<C>(null);
  const stuck = useRef(true);
  const [atBottom, setAtBottom] = useState(true);

  const scrollToBottom = useCallback((behavior: ScrollBehavior = "auto") => {
    const el = scrollRef.current;
    stuck.current = true;
    setAtBottom(true);
    if (el) el.scrollTo({ top: el.scrollHeight, behavior });
  }, []);

  useEffect(() => {
    const el = scrollRef.current;
    const content = contentRef.current;
    if (!el || !content) return;
    let lastTop = el.scrollTop;
    const onScroll = () => {
      const top = el.scrollTop;
      const distance = el.scrollHeight - top - el.clientHeight;
      if (distance <= THRESHOLD) stuck.current = true;
      else if (top < lastTop - 1) stuck.current = false;
      lastTop = top;
      setAtBottom(stuck.current);
    };
    const observer = new ResizeObserver(() => {
      if (stuck.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(content);
    observer.observe(el);
    el.addEventListener("scroll", onScroll, { passive: true });
    el.scrollTop = el.scrollHeight;
    return () => {
      observer.disconnect();
      el.removeEventListener("scroll", onScroll);
    };
  }, []);

  return { scrollRef, contentRef, atBottom, scrollToBottom };
}
