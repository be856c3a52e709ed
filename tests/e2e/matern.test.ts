/**
 * A family added through the registry alone works everywhere a family does (issue 12): the Matérn kernel
 * in the kernel list (ν as a select), the profile, the spectrum with its k^−(d−1+2ν) reference line, the
 * off-sphere maps and the homogeneous option, and the function-space views.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E, openPage, showPanel } from './browser.ts';

const idle = (page: Page) => page.waitForFunction(() => document.querySelector('[aria-busy=true]') === null);

describeE2E('a family from the registry alone: Matérn', () => {
  it('ν is a select in the kernel list; the profile and the spectrum (with its rate) follow; a bad ν is snapped', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=matern(nu=2),laplace&d=3');
    try {
      // the link's ν = 2 is halfway between 1.5 and 2.5: snapped up, with a notice, and the address repaired
      await page.waitForURL(/kernels=matern\(nu=2\.5\),laplace$/);
      const notice = page.getByTestId('notices');
      await notice.getByText('This link needed').waitFor();
      expect(await notice.textContent()).toMatch(/2 is not one of 0\.5, 1\.5, 2\.5; snapped to the nearest, 2\.5/);
      await expect.poll(() => page.locator('[data-testid=profile-chart] path.curve').count()).toBe(2);
      const spectrum = page.getByTestId('spectrum-chart');
      await expect
        .poll(async () => (await spectrum.locator('.reference-label').allTextContents()).join(' | '))
        .toMatch(/k−7/);
      const nu = page.getByRole('combobox', { name: 'ν (smoothness), Matérn (kernel 1)' });
      await nu.selectOption('1.5');
      await page.waitForURL(/kernels=matern,laplace$/);
      await expect
        .poll(async () => (await spectrum.locator('.reference-label').allTextContents()).join(' | '))
        .toMatch(/k−5/);
      await nu.selectOption('0.5');
      await page.waitForURL(/kernels=matern\(nu=0\.5\),laplace$/);
      // ν = ½ is the Laplace kernel: the two profiles coincide
      await idle(page);
      const paths = await page
        .locator('[data-testid=profile-chart] path.curve')
        .evaluateAll((els) => els.map((el) => el.getAttribute('d')));
      expect(paths[0]).toBe(paths[1]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('off the sphere (maps, hom toggle) and in the function-space views', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=matern,matern(nu=2.5,c=2),ntk(L=2)');
    try {
      await showPanel(page, '#offsphere-heading', '.maps');
      await page.getByTestId('map-1').locator('canvas').waitFor();
      await page.getByRole('checkbox', { name: /^1\. Matérn/ }).check();
      await page.waitForURL(/kernels=matern\(hom=1\),matern\(nu=2\.5,c=2\),ntk\(L=2\)$/);
      await showPanel(page, '#samples-heading', '[data-testid=globes]');
      await expect.poll(() => page.getByTestId('globe').count()).toBe(3);
      await showPanel(page, '#regression-heading', '[data-testid=regression-chart]');
      // three kernels and the Laplace kernel fitted to the NTK
      await expect
        .poll(() => page.locator('[data-testid=regression-chart] path.curve').count())
        .toBeGreaterThanOrEqual(4);
      await showPanel(page, '#learning-heading', '[data-testid=learning-table]');
      expect(await page.getByTestId('learning-table').textContent()).toContain('2. Matérn ν=2.5 c=2');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
