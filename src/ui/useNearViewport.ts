import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether an element is on screen or within `margin` of it. Panels off screen neither compute nor
 * re-render, so that a slider moved in one view does not pay for views nobody is looking at.
 */
export function useNearViewport(ref: RefObject<Element | null>, margin = '300px'): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new IntersectionObserver(([entry]) => setNear(entry.isIntersecting), { rootMargin: margin });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, margin]);
  return near;
}
