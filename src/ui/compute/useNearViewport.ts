import { useEffect, useState, type RefObject } from 'react';

/** Leaving the screen counts only after this long, so that a layout shift or a quick scroll costs nothing. */
const LEAVE_AFTER_MS = 2000;

/**
 * Whether an element is on screen (or within `margin` of it). Panels off screen neither compute nor
 * re-render, so that a slider moved in one view does not pay for views nobody is looking at.
 */
export function useNearViewport(ref: RefObject<Element | null>, margin = '0px'): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let leaving: ReturnType<typeof setTimeout> | undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1]; // several may arrive at once, oldest first
        clearTimeout(leaving);
        if (entry.isIntersecting) setNear(true);
        else leaving = setTimeout(() => setNear(false), LEAVE_AFTER_MS);
      },
      { rootMargin: margin },
    );
    observer.observe(el);
    return () => {
      clearTimeout(leaving);
      observer.disconnect();
    };
  }, [ref, margin]);
  return near;
}
