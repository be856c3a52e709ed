/**
 * A formula typeset by KaTeX. KaTeX (and its stylesheet) load lazily after first paint; until then the
 * plain-text form is shown. `katex.render` writes into the element, so no HTML string is ever injected.
 * Typesetting waits until the formula has been still for a moment, so a dragged slider stays fluid.
 */
import { useEffect, useRef } from 'react';
import './controls.css';

type KatexModule = typeof import('katex');

const TYPESET_DELAY_MS = 150;
let katexLoad: Promise<KatexModule> | null = null;

function loadKatex(): Promise<KatexModule> {
  katexLoad ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([m]) => m);
  return katexLoad;
}

export function Formula({ tex, text, display = false }: { tex: string; text: string; display?: boolean }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let live = true;
    // React renders no children into the target: it holds the plain text until KaTeX replaces it
    if (ref.current && !ref.current.firstChild) ref.current.textContent = text;
    const timer = setTimeout(() => {
      loadKatex().then(
        (katex) => {
          if (live && ref.current) {
            katex.default.render(tex, ref.current, {
              throwOnError: false,
              displayMode: display,
              output: 'htmlAndMathml',
            });
          }
        },
        () => {
          /* KaTeX failed to load: the plain-text form stays */
        },
      );
    }, TYPESET_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [tex, text, display]);
  return (
    <span className="formula" data-tex={tex} title={text}>
      <span ref={ref} />
    </span>
  );
}
