/**
 * The off-sphere view in a real browser: drag z and see the maps follow, the homogeneous option, the
 * normalization readout, and the link round trip of every off-sphere parameter.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E, openPage, showPanel } from './browser.ts';

const showOffsphere = (page: Page) => showPanel(page, '#offsphere-heading', '.maps');

const canvasImage = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator('canvas')
    .evaluate((c) => (c as HTMLCanvasElement).toDataURL());

describeE2E('off the sphere', () => {
  it('dragging z moves it in the link and the heatmaps follow', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk,laplace&za=0');
    try {
      await showOffsphere(page);
      const map = page.getByTestId('map-1');
      await map.locator('canvas').waitFor();
      await page.waitForFunction(() => document.querySelector('[aria-busy=true]') === null);
      const before = await canvasImage(page, 'map-1');
      await map.scrollIntoViewIfNeeded();
      const box = (await map.locator('rect.overlay').boundingBox())!;
      // from z = (1, 0) to the point (0, 1): a quarter turn
      await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.3, { steps: 4 });
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 4, { steps: 4 });
      await page.mouse.up();
      await page.waitForURL(/za=90(&|$)/);
      expect(page.url()).toMatch(/zn=1(&|$)|za=90$/);
      await page.waitForFunction(() => document.querySelector('[aria-busy=true]') === null);
      await page.waitForFunction(
        ([sel, old]) => (document.querySelector(sel) as HTMLCanvasElement).toDataURL() !== old,
        ['[data-testid=map-1] canvas', before] as const,
      );
      // keyboard: the z handle moves with the arrow keys
      await page.getByRole('slider', { name: /Reference point z of 1\./ }).focus();
      await page.keyboard.press('ArrowLeft');
      await page.waitForURL((url) => !/za=90(&|$)/.test(url.search));
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the homogeneous option goes into the link and the ray view', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk,laplace');
    try {
      await showOffsphere(page);
      await page.getByRole('checkbox', { name: /^2\. Laplace/ }).check();
      await page.waitForURL(/kernels=ntk,laplace\(hom=1\)$/);
      await page.getByTestId('ray-chart').locator('path.curve').nth(1).waitFor();
      await page.goBack();
      await page.waitForURL(/kernels=ntk,laplace$/);
      expect(await page.getByRole('checkbox', { name: /^2\. Laplace/ }).isChecked()).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('normalization readout: projecting onto the sphere shrinks the NTK–Laplace difference; identical kernels say so', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk,laplace&n=300&spread=8');
    try {
      await showOffsphere(page);
      const raw = page.getByTestId('d-raw');
      await raw.waitFor({ timeout: 30_000 });
      const dRaw = Number(await raw.textContent());
      const dProjected = Number(await page.getByTestId('d-projected').textContent());
      expect(dRaw).toBeGreaterThan(2 * dProjected);
      // two copies of one kernel: no D of 0 presented as a finding, the reason instead
      await page.goto(page.url().replace('kernels=ntk,laplace', 'kernels=laplace,laplace'));
      await showOffsphere(page);
      await expect
        .poll(() => page.getByTestId('normalization-none').textContent(), { timeout: 30_000 })
        .toMatch(/same kernel, with the same parameters/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the Laplace kernel fitted on the projected points: c goes into the link and D on the sphere does not grow', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk,laplace&n=200&spread=4');
    try {
      await showOffsphere(page);
      const projected = page.getByTestId('d-projected');
      await projected.waitFor({ timeout: 30_000 });
      const before = Number(await projected.textContent());
      await page.getByRole('button', { name: /^Fit c of kernel 2 \(Laplace\) to kernel 1/ }).click();
      await page.waitForURL(/kernels=ntk,laplace\(c=[\d.]+\)&/, { timeout: 30_000 });
      // the readout follows the new c (after its pause) and the fit is at least as good as c = 1
      await page.waitForFunction(
        (old) => {
          const el = document.querySelector('[data-testid=d-projected]');
          return el !== null && el.textContent !== String(old);
        },
        before,
        { timeout: 30_000 },
      );
      expect(Number(await projected.textContent())).toBeLessThanOrEqual(before);
      expect(await page.getByRole('button', { name: /^Fit c of kernel 2/ }).isEnabled()).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('every off-sphere parameter survives the link round trip', async () => {
    const link =
      '?v=1&kernels=ntk(L=3,beta=0.5),laplace(c=2,hom=1),gauss&zn=1.5&za=-45&R=3&scale=shared&da=2&db=3&ray=60&n=200&spread=2.5&seed=7';
    const { page, errors, close } = await openPage(`/${link}`);
    try {
      await showOffsphere(page);
      await page.getByTestId('map-diff').waitFor();
      expect(new URL(page.url()).search).toBe(link);
      expect(await page.getByText('difference 2 − 3').count()).toBe(1);
      expect(await page.getByLabel('R (half-width of the plane) (0.1–100)', { exact: true }).inputValue()).toBe('3');
      // the off-sphere panel's own seed field (the random-features panel has one too)
      const offsphere = page.locator('section[aria-labelledby=offsphere-heading]');
      expect(await offsphere.getByLabel('seed (0–2147483647)', { exact: true }).inputValue()).toBe('7');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
