/**
 * Issue 14, item 11: every series reaches 3:1 against its background (WCAG 1.4.11, graphics) in light and
 * dark mode, normal and presentation, computed from the colours the browser renders: the strokes of every
 * chart's series and the colour swatches of the kernel list and legends, each against the first opaque
 * background behind it.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contrast } from '../colour.ts';
import { describeE2E, openPage } from './browser.ts';

/** All eight palette positions. */
const KERNELS = 'ntk(L=2),laplace,gexp(gamma=0.5),gauss,matern,ntk(L=3),laplace(c=2),gauss(c=2)';

/** [what, colour, background] of every series stroke and swatch on the page. */
function renderedColours(page: Page) {
  return page.evaluate(() => {
    const background = (el: Element): string => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const bg = getComputedStyle(e).backgroundColor;
        if (!/rgba\(.*,\s*0\)$/.test(bg) && bg !== 'transparent') return bg;
      }
      return 'rgb(255, 255, 255)';
    };
    const found: [string, string, string][] = [];
    for (const g of document.querySelectorAll('svg g[data-kernel]'))
      found.push([`series ${g.getAttribute('data-kernel')}`, getComputedStyle(g).stroke, background(g.parentElement!)]);
    for (const s of document.querySelectorAll('.swatch')) {
      const colour = getComputedStyle(s).backgroundColor;
      found.push([`swatch ${s.parentElement?.textContent?.trim().slice(0, 30)}`, colour, background(s.parentElement!)]);
    }
    return found;
  });
}

describeE2E('contrast of the series colours', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const present of [false, true]) {
      it(`${colorScheme} mode${present ? ', presentation' : ''}: every series at least 3:1`, async () => {
        const link = `/?v=1&kernels=${KERNELS}${present ? '&present=1&panel=profile' : ''}`;
        const { page, errors, close } = await openPage(link, { colorScheme });
        try {
          await expect.poll(() => page.locator('[data-testid=profile-chart] g[data-kernel]').count()).toBe(8);
          const colours = await renderedColours(page);
          expect(colours.length).toBeGreaterThanOrEqual(8);
          // the eight positions are eight different colours
          expect(new Set(colours.filter(([what]) => what.startsWith('series')).map(([, c]) => c)).size).toBe(8);
          for (const [what, colour, bg] of colours) {
            expect(contrast(colour, bg), `${what}: ${colour} on ${bg}`).toBeGreaterThanOrEqual(3);
          }
          expect(errors).toEqual([]);
        } finally {
          await close();
        }
      });
    }
  }
});
