import { useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';

/** Width of an element, following resizes (charts draw at their container's width). */
export function useWidth<T extends HTMLElement>(fallback = 600) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth || fallback);
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(200, Math.round(entry.contentRect.width))));
    observer.observe(el);
    return () => observer.disconnect();
  }, [fallback]);
  return [ref, width] as const;
}

const onResize = (onChange: () => void) => {
  addEventListener('resize', onChange);
  return () => removeEventListener('resize', onChange);
};

/** The window's inner height, following resizes (views that must fit one screen, e.g. on a projector). */
export function useViewportHeight(): number {
  return useSyncExternalStore(onResize, () => innerHeight);
}
