/**
 * Layout (issue 14, item 9): the kernel list stays reachable on a laptop wherever the page is scrolled (a
 * sticky sidebar), the spectrum's x axis fits a 1366×768 window, no panel sits alone in half a row, a wide
 * screen widens the charts instead of leaving a column blank, and on a phone the settings are a bottom
 * sheet under which the charts stay live and visible.
 */
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2E, openPage } from './browser.ts';
import { PANELS } from '../../src/ui/app/panels.ts';

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const L_SLIDER = 'L hidden layers, ReLU NTK (kernel 1) (slider)';

const box = async (l: Locator) => (await l.boundingBox())!;
const panel = (page: Page, id: string) => page.locator(`section[aria-labelledby=${id}-heading]`);
const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

/** Scrolls `l` to the top of the window, again while the panels above it settle (they grow as they draw). */
async function scrollToTop(page: Page, l: Locator): Promise<void> {
  await expect
    .poll(async () => {
      await l.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(300);
      return Math.abs((await box(l)).y);
    })
    .toBeLessThan(2);
}

/** Whether the element at the centre of `l`'s box is `l` or inside it (not covered by anything). */
const uncovered = (l: Locator) =>
  l.evaluate((el) => {
    const b = el.getBoundingClientRect();
    const top = document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2);
    return top !== null && el.contains(top);
  });

describeE2E('layout', () => {
  it('laptop 1366×768: the kernel list stays on screen and usable after scrolling down to the globes', async () => {
    const { page, errors, close } = await openPage('/?v=1', { viewport: LAPTOP });
    try {
      await page.getByTestId('spectrum-chart').waitFor();
      const samples = panel(page, 'samples');
      await scrollToTop(page, samples);
      const at = await scrollY(page);
      expect(at).toBeGreaterThan(LAPTOP.height); // the globes are more than a screen down
      const slider = page.getByLabel(L_SLIDER);
      const s = await box(slider);
      expect(s.y).toBeGreaterThanOrEqual(0);
      expect(s.y + s.height).toBeLessThanOrEqual(LAPTOP.height);
      expect(await uncovered(slider)).toBe(true);
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      await page.waitForURL(/kernels=ntk\(L=3\)/);
      // changed without leaving the globes
      expect(await scrollY(page)).toBe(at);
      expect(Math.abs((await box(samples)).y)).toBeLessThan(2);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("laptop 1366×768: the spectrum's x axis is in the window when its panel is scrolled to the top", async () => {
    const { page, errors, close } = await openPage('/?v=1', { viewport: LAPTOP });
    try {
      const chart = page.getByTestId('spectrum-chart');
      await chart.locator('.axis-label').first().waitFor();
      await scrollToTop(page, panel(page, 'spectrum'));
      // the lowest axis label of the chart is the x axis's
      const bottoms = await chart
        .locator('.axis-label')
        .evaluateAll((labels) => labels.map((l) => l.getBoundingClientRect().bottom));
      expect(bottoms.length).toBeGreaterThanOrEqual(2);
      expect(Math.max(...bottoms)).toBeLessThanOrEqual(LAPTOP.height);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  for (const viewport of [LAPTOP, { width: 1920, height: 1080 }]) {
    it(`${viewport.width}×${viewport.height}: at most two columns, and no panel alone in half a row`, async () => {
      const { page, errors, close } = await openPage('/?v=1', { viewport });
      try {
        await page.getByTestId('spectrum-chart').waitFor();
        const main = await box(page.locator('main'));
        const panels = await page
          .locator('main > section.panel')
          .evaluateAll((sections) =>
            sections.map((s) => ({ id: s.getAttribute('aria-labelledby'), ...s.getBoundingClientRect().toJSON() })),
          );
        expect(panels.length).toBe(PANELS.length);
        const rows = new Map<number, typeof panels>();
        for (const p of panels) rows.set(Math.round(p.y), [...(rows.get(Math.round(p.y)) ?? []), p]);
        for (const row of rows.values()) {
          expect(row.length, row.map((p) => p.id).join(', ')).toBeLessThanOrEqual(2);
          // the row is filled: its last panel ends at the right edge of the grid
          const right = Math.max(...row.map((p) => p.x + p.width));
          expect(Math.abs(right - (main.x + main.width)), row.map((p) => p.id).join(', ')).toBeLessThan(2);
        }
        // the profile and the spectrum share the first row, each chart wider than a third of the grid
        const first = [...rows.values()][0].map((p) => p.id);
        expect(first).toEqual(['profile-heading', 'spectrum-heading']);
        for (const id of ['profile-chart', 'spectrum-chart'])
          expect((await box(page.getByTestId(id))).width).toBeGreaterThan(main.width / 3);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it('phone 390×844: changing L with the settings sheet open leaves the spectrum chart visible and redrawn', async () => {
    const { page, errors, close } = await openPage('/?v=1', { viewport: PHONE });
    try {
      const chart = page.getByTestId('spectrum-chart');
      const curve = chart.locator('path.curve').first();
      await curve.waitFor();
      await scrollToTop(page, chart);
      const before = await curve.getAttribute('d');
      await page.getByRole('button', { name: 'Kernels & settings', exact: true }).click();
      const slider = page.getByLabel(L_SLIDER);
      await slider.waitFor({ state: 'visible' });
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      await page.waitForURL(/kernels=ntk\(L=3\)/);
      await page.waitForFunction(
        ([old]) => document.querySelector('[data-testid=spectrum-chart] path.curve')?.getAttribute('d') !== old,
        [before] as const,
      );
      // the whole chart above the sheet, nothing over it, the page behind not locked
      const sheet = await box(page.getByRole('complementary', { name: 'Kernels and settings' }));
      const c = await box(chart);
      expect(c.y).toBeGreaterThanOrEqual(-1); // scrolled to the top, within a pixel's rounding
      expect(c.y + c.height).toBeLessThanOrEqual(sheet.y);
      expect(await uncovered(chart)).toBe(true);
      expect(await page.locator('main').evaluate((el: HTMLElement) => el.inert)).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
