/**
 * The finite-width view in a real browser (issue 15): it draws the networks' kernels beside the formula and
 * the convergence with the width; a width change redraws; a newer request cancels the running one; a kernel
 * list without an NTK instance says so.
 */
import { expect, it } from 'vitest';
import { describeE2E, openPage, showPanel } from './browser.ts';

const PROFILE = 'svg[data-testid=width-profile][data-m]';

describeE2E('finite width', () => {
  it('draws the profiles and the convergence, and a width change redraws', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk(L=1),laplace&m=32&seeds=3&widths=16,64');
    try {
      await showPanel(page, '#width-heading', PROFILE);
      const svg = page.locator(PROFILE);
      expect(await svg.getAttribute('data-m')).toBe('32');
      // the NTK instance's formula and networks' mean (the Laplace kernel is not a network's kernel)
      // the convergence computes once it is on (or near) the screen, after the profiles are drawn
      await page.locator('.width-convergence').scrollIntoViewIfNeeded();
      await expect.poll(() => page.getByTestId('width-table').locator('tbody tr').count(), { timeout: 30_000 }).toBe(2);
      expect(await page.getByTestId('width-table').innerText()).toMatch(/Gaussian[\s\S]*orthogonal/);
      expect(await page.getByTestId('width-convergence-gaussian').locator('circle').count()).toBe(2);
      const field = page.locator('section[data-panel=width]').getByLabel('width m (4–8192)', { exact: true });
      await field.fill('128');
      await field.press('Enter');
      await page.waitForURL(/m=128/);
      await expect.poll(() => svg.getAttribute('data-m'), { timeout: 20_000 }).toBe('128');
      // individual networks as thin lines
      await page.getByLabel('each network as a line').check();
      await expect.poll(() => page.locator('.width-spread .network-line').count(), { timeout: 10_000 }).toBe(3);
      expect(
        await page
          .locator('section.panel[data-panel=width]')
          .getByText(/\bNaN\b/)
          .count(),
      ).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a newer request cancels a long one: the last width asked for is drawn', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk(L=3)&m=16&seeds=2&widths=16,32');
    try {
      await showPanel(page, '#width-heading', PROFILE);
      const field = page.locator('section[data-panel=width]').getByLabel('width m (4–8192)', { exact: true });
      await field.fill('4096');
      await field.press('Enter');
      await page.waitForURL(/m=4096/);
      await field.fill('24');
      await field.press('Enter');
      await page.waitForURL(/m=24/);
      // a width-4096 network of 3 layers takes many seconds: its workers are stopped and m = 24 is drawn
      await expect.poll(() => page.locator(PROFILE).getAttribute('data-m'), { timeout: 8_000 }).toBe('24');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('says so when the kernel list has no NTK instance', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=laplace,gauss&present=1&panel=width');
    try {
      await expect.poll(() => page.getByTestId('width-no-ntk').count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
