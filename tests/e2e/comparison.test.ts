/**
 * Issue 14, item 2: a comparison never silently compares a kernel with itself. Removing kernels down to one
 * and adding one back compares two different instances again (ratio view, difference map, Gram distance D);
 * a link that points A and B at one instance shows that, not a flat ratio or a blank map.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E, openPage, showPanel } from './browser.ts';

const showOffsphere = (page: Page) => showPanel(page, '#offsphere-heading', '.maps');

describeE2E('comparisons of two kernels', () => {
  it('remove down to one kernel, add Laplace back: ratio, difference map and D compare two instances', async () => {
    const { page, errors, close } = await openPage('/?v=1&y=ratio&n=200');
    try {
      const remove = page.getByRole('button', { name: /^Remove / });
      await expect.poll(() => remove.count()).toBe(4);
      // the last three, from the second on: the NTK stays (ra = da = 1 on it, rb = db = 2 on the removed)
      for (let left = 4; left > 1; left--) {
        await remove.nth(1).click();
        await expect.poll(() => remove.count()).toBe(left - 1);
      }
      // one kernel: the ratio view says there is nothing to compare
      await expect.poll(() => page.getByTestId('ratio-none').textContent()).toMatch(/Only one kernel/);
      await page.locator('#add-family').selectOption('laplace');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.waitForURL(/kernels=ntk\(L=2\),laplace(&|$)/);
      // the ratio is drawn, of kernel 1 over kernel 2
      await page.getByTestId('ratio-none').waitFor({ state: 'detached' });
      expect(await page.getByRole('combobox', { name: 'Ratio: kernel B' }).inputValue()).toBe('2');
      await showOffsphere(page);
      await page.getByTestId('map-diff').waitFor();
      expect(await page.getByTestId('map-diff-none').count()).toBe(0);
      expect(await page.getByText('difference 1 − 2').count()).toBe(1);
      const raw = page.getByTestId('d-raw');
      await raw.waitFor({ timeout: 30_000 });
      expect(Number(await raw.textContent())).toBeGreaterThan(0.01);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the link ?kernels=ntk(L=2),laplace&rb=1&db=1 shows a kernel compared with itself as such', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk(L=2),laplace&y=ratio&rb=1&db=1');
    try {
      const ratio = page.getByTestId('ratio-none');
      await ratio.waitFor();
      expect(await ratio.textContent()).toMatch(/No ratio plot\. A and B are both 1\./);
      expect(await page.locator('.pair-same').first().textContent()).toMatch(/compared with itself/);
      await showOffsphere(page);
      await page.getByTestId('map-diff-none').waitFor();
      expect(await page.getByTestId('map-diff').count()).toBe(0);
      expect(await page.getByTestId('normalization-none').textContent()).toMatch(
        /No Gram distance D\. A and B are both 1\./,
      );
      expect(await page.getByTestId('d-raw').count()).toBe(0);
      // choosing B = 2 brings the comparison back
      await page.getByRole('combobox', { name: 'Compare: kernel B' }).selectOption('2');
      await page.getByTestId('map-diff').waitFor();
      await page.getByTestId('d-raw').waitFor({ timeout: 30_000 });
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
