/**
 * The random-features view in a real browser (issue 15): it draws the Gram error of every NTK instance
 * against D with the exact Gram matrix's time; an rf change redraws; a newer request replaces a long one;
 * a kernel list without an NTK instance says so.
 */
import { expect, it } from 'vitest';
import { describeE2E, openPage, showPanel } from './browser.ts';

const CHART = 'svg[data-testid=features-chart][data-rf]';
const RF_FIELD = 'largest feature dimension D (16–65536)';

describeE2E('random features', () => {
  it('draws the error of each NTK against D, and an rf change redraws', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk(L=1),ntk(L=2),laplace&rf=128&n=64');
    try {
      await showPanel(page, '#features-heading', CHART);
      const chart = page.locator(CHART);
      expect(await chart.getAttribute('data-rf')).toBe('128');
      const table = page.getByTestId('features-table');
      // D = 16, 32, 64, 128 and the exact Gram matrices' row; a column per NTK instance
      await expect.poll(() => table.locator('tbody tr').count()).toBe(5);
      expect(await table.locator('thead th').count()).toBe(3);
      expect(await table.innerText()).toMatch(/arc-cosine[\s\S]*sketched/);
      expect(Number(await page.getByTestId('features-exact-ms').innerText())).toBeGreaterThan(0);
      expect(await page.getByTestId('features-notes').innerText()).toContain('not an NTK');
      const field = page.getByLabel(RF_FIELD, { exact: true });
      await field.fill('32');
      await field.press('Enter');
      await page.waitForURL(/rf=32/);
      await expect.poll(() => chart.getAttribute('data-rf')).toBe('32');
      await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
      expect(await page.locator('[data-panel=features]').innerText()).not.toMatch(/NaN|Infinity/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a newer request replaces a long one: the last rf asked for is drawn', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk(L=3)&rf=16');
    try {
      await showPanel(page, '#features-heading', CHART);
      const field = page.getByLabel(RF_FIELD, { exact: true });
      // three layers up to D = 65536 stop at the work cap after seconds of work; the newer request stops it
      await field.fill('65536');
      await field.press('Enter');
      await page.waitForURL(/rf=65536/);
      await field.fill('64');
      await field.press('Enter');
      await page.waitForURL(/rf=64/);
      await expect.poll(() => page.locator(CHART).getAttribute('data-rf'), { timeout: 20_000 }).toBe('64');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('says so when the kernel list has no NTK instance', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=laplace,gauss&present=1&panel=features');
    try {
      await expect.poll(() => page.getByTestId('features-none').count(), { timeout: 20_000 }).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
