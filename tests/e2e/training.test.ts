/**
 * The training view in a real browser (issue 15): trained networks drawn over the linearized network, the
 * distance and kernel change against width, the loss; a widths change redraws; a newer request cancels the
 * running one; Play steps through the training; a kernel list without an NTK instance says so.
 */
import { expect, it } from 'vitest';
import { describeE2E, openPage, showPanel } from './browser.ts';

const FUNCTIONS = 'svg[data-testid=training-functions][data-widths]';

describeE2E('training', () => {
  it('draws the networks, the loss and the width plots, and a widths change redraws', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk(L=1)&widths=16,64&steps=40');
    try {
      await showPanel(page, '#training-heading', FUNCTIONS);
      const svg = page.locator(FUNCTIONS);
      expect(await svg.getAttribute('data-widths')).toBe('16,64');
      expect(await page.getByTestId('training-loss').count()).toBe(1);
      expect(await page.getByTestId('training-distance').count()).toBe(1);
      expect(await page.getByTestId('training-kernel-change').count()).toBe(1);
      expect(await page.getByTestId('training-readout').innerText()).toMatch(/distance slope -?\d/);
      const field = page.locator('section[data-panel=training]').getByLabel('widths', { exact: true });
      await field.fill('16,32,128');
      await field.press('Enter');
      await page.waitForURL(/widths=16,32,128/);
      await expect.poll(() => svg.getAttribute('data-widths')).toBe('16,32,128');
      // Play walks through the steps and ends on the last one
      await page.locator('section[data-panel=training]').getByRole('button', { name: 'Play' }).click();
      await expect.poll(() => svg.getAttribute('data-step')).not.toBe('40');
      await expect.poll(() => svg.getAttribute('data-step'), { timeout: 10_000 }).toBe('40');
      expect(
        await page
          .locator('section[data-panel=training]')
          .getByText(/\bNaN\b/)
          .count(),
      ).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a newer request cancels a long one: the last widths asked for are drawn', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk(L=1)&widths=16&steps=5000');
    try {
      await showPanel(page, '#training-heading', FUNCTIONS);
      const field = page.locator('section[data-panel=training]').getByLabel('widths', { exact: true });
      // 5000 steps of width-8192 networks take far longer than the timeout below; the stale job stops
      await field.fill('8192');
      await field.press('Enter');
      await page.waitForURL(/widths=8192/);
      await field.fill('24');
      await field.press('Enter');
      await page.waitForURL(/widths=24/);
      await expect.poll(() => page.locator(FUNCTIONS).getAttribute('data-widths'), { timeout: 20_000 }).toBe('24');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('says so when the kernel list has no NTK instance', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=laplace&present=1&panel=training');
    try {
      await expect.poll(() => page.getByTestId('training-no-ntk').count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
