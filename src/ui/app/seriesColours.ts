/**
 * The series colours of the current colour scheme as CSS custom properties on the root (--series-0 …),
 * read by every chart through seriesColour (src/figure/palette.ts). Set through the CSSOM, which the app's
 * Content-Security-Policy (style-src 'self', vite.config.ts) allows where an inline <style> is refused.
 */
import { PALETTE, PALETTE_DARK } from '../../figure/palette';

export function installSeriesColours(root: HTMLElement = document.documentElement): void {
  const dark = matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    const palette = dark.matches ? PALETTE_DARK : PALETTE;
    for (const [i, colour] of palette.entries()) root.style.setProperty(`--series-${i}`, colour);
  };
  apply();
  dark.addEventListener('change', apply);
}
