/**
 * A formula typeset by KaTeX. KaTeX (and its stylesheet) load lazily after first paint; until then the
 * plain-text form is shown. `katex.render` writes into the element, so no HTML string is ever injected.
 */
import { useEffect, useRef } from 'react';

type KatexModule = typeof import('katex');
let katexLoad: Promise<KatexModule> | null = null;

function loadKatex(): Promise<KatexModule> {
  katexLoad ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([m]) => m);
  return katexLoad;
}

export function Formula({ tex, text, display = false }: { tex: string; text: string; display?: boolean }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let live = true;
    loadKatex().then(
      (katex) => {
        if (live && ref.current) {
          katex.default.render(tex, ref.current, { throwOnError: false, displayMode: display, output: 'htmlAndMathml' });
        }
      },
      () => {
        /* KaTeX failed to load: the plain-text form stays */
      },
    );
    return () => {
      live = false;
    };
  }, [tex, display]);
  return (
    <span ref={ref} className="formula" data-tex={tex}>
      {text}
    </span>
  );
}
