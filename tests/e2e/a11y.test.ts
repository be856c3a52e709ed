/**
 * Accessibility in a real browser: axe-core finds no violation of serious or critical impact in the
 * main views (light and dark), every control is reachable with Tab and shows a focus ring, and the
 * Stories menu and the phone drawer work from the keyboard.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2E, openPage } from './browser.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's violations of serious or critical impact on the page as it is now. */
async function seriousViolations(page: Page): Promise<Violation[]> {
  // evaluated through the DevTools protocol: the page's Content-Security-Policy forbids inline <script>
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    interface AxeViolation {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[] }[];
    }
    const { axe } = window as unknown as {
      axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
    };
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Waits until the page is finished — the charts drawn, the network idle and the DOM quiet for half a
 * second (panels fill in asynchronously) — so that axe sees what a user sees.
 */
async function settled(page: Page, charts: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('svg[role=img]').length >= n, charts);
  await page.waitForLoadState('networkidle');
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const done = () => {
          observer.disconnect();
          resolve();
        };
        let quiet = setTimeout(done, 500);
        const observer = new MutationObserver(() => {
          clearTimeout(quiet);
          quiet = setTimeout(done, 500);
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      }),
  );
}

const views: {
  name: string;
  path: string;
  charts: number;
  dark?: boolean;
  viewport?: { width: number; height: number };
}[] = [
  { name: 'the default view', path: '/?v=1', charts: 2 },
  { name: 'the default view in dark mode', path: '/?v=1', charts: 2, dark: true },
  { name: 'a story step', path: '/?v=1&kernels=ntk(L=2)&d=2&fit=1&story=a', charts: 2 },
  {
    name: 'presentation mode with a story',
    path: '/?v=1&kernels=ntk(L=2),laplace&d=5&story=b&step=3&present=1&panel=spectrum',
    charts: 1,
    viewport: { width: 1920, height: 1080 },
  },
  {
    name: 'presentation mode in dark mode',
    path: '/?v=1&kernels=ntk(L=2)&d=2&fit=1&story=a&present=1',
    charts: 1,
    dark: true,
    viewport: { width: 1024, height: 768 },
  },
  { name: 'embed mode', path: '/?v=1&embed=1', charts: 2 },
];

describeE2E('accessibility', () => {
  for (const view of views) {
    it(`axe: no serious or critical violations in ${view.name}`, async () => {
      const { page, errors, close } = await openPage(view.path, {
        viewport: view.viewport ?? { width: 1366, height: 768 },
      });
      try {
        if (view.dark) await page.emulateMedia({ colorScheme: 'dark' });
        await settled(page, view.charts);
        expect(await seriousViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it('axe: the open Stories menu and the open phone drawer', async () => {
    const { page, errors, close } = await openPage('/?v=1', { viewport: { width: 390, height: 844 } });
    try {
      await settled(page, 2);
      await page.getByRole('button', { name: 'Stories' }).click();
      await page.getByRole('list', { name: 'Stories' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Kernels & settings', exact: true }).click();
      await page.getByRole('complementary', { name: 'Kernels and settings' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('Tab reaches every control, each with a visible focus ring', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk,laplace&story=a');
    try {
      await settled(page, 2);
      // every visible, enabled control that should be in the tab order (one radio per group)
      const expected = await page.evaluate(() => {
        const candidates = document.querySelectorAll<HTMLElement>(
          'button, input, select, textarea, summary, a[href], [tabindex="0"]',
        );
        const groupsSeen = new Set<string>();
        let n = 0;
        for (const el of candidates) {
          if (!el.checkVisibility({ visibilityProperty: true }) || (el as HTMLButtonElement).disabled) continue;
          if (el instanceof HTMLInputElement && el.type === 'radio') {
            if (!el.checked || groupsSeen.has(el.name)) continue;
            groupsSeen.add(el.name);
          }
          el.dataset.control = String(n++);
        }
        return n;
      });
      expect(expected).toBeGreaterThan(30);
      const reached = new Set<string>();
      const withoutRing: string[] = [];
      let first: string | undefined;
      for (let i = 0; i < 3 * expected; i++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
          const what = `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.slice(0, 30)}`;
          return { id: el.dataset.control ?? what, ring, what };
        });
        if (!focused) continue;
        if (focused.id === first) break; // wrapped around
        first ??= focused.id;
        reached.add(focused.id);
        if (!focused.ring) withoutRing.push(focused.what);
      }
      const missed = await page.evaluate(
        (seen) =>
          [...document.querySelectorAll<HTMLElement>('[data-control]')]
            .filter((el) => !seen.includes(el.dataset.control!))
            .map((el) => `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.slice(0, 30)}`),
        [...reached],
      );
      expect(missed).toEqual([]);
      expect(withoutRing).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the Stories menu works from the keyboard and Escape closes it', async () => {
    const { page, errors, close } = await openPage('/?v=1');
    try {
      const menu = page.getByRole('button', { name: 'Stories' });
      await menu.focus();
      await page.keyboard.press('Enter');
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('Escape');
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Stories');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter'); // the second story
      await page.waitForURL(/story=b/);
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
