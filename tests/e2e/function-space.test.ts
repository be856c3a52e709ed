/**
 * The function-space views in a real browser (issue 7): click to add a regression point and see every
 * predictor pass near it; random functions on the globe and the circle; the spectral-bias view.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E, openPage } from './browser.ts';

const idle = (page: Page) => page.waitForFunction(() => document.querySelector('[aria-busy=true]') === null);

/** Every curve's value in the chart's readout, as `label → value`. */
async function readout(page: Page, testId: string): Promise<Map<string, number>> {
  const lines = await page.getByTestId(`${testId}-readout`).locator('div').allInnerTexts();
  const values = new Map<string, number>();
  for (const text of lines.slice(1)) {
    const at = text.lastIndexOf(': ');
    values.set(text.slice(0, at), Number(text.slice(at + 2)));
  }
  return values;
}

describeE2E('function space', () => {
  it('a click adds a data point to the link, and every predictor passes near it', async () => {
    const { page, errors, close } = await openPage('/?v=1&pts=0:0;90:1;180:0;270:-1&ridge=0');
    try {
      // the view computes once on (or near) the screen
      await page.locator('#regression-heading').scrollIntoViewIfNeeded();
      const chart = page.getByTestId('regression-chart');
      await chart.scrollIntoViewIfNeeded();
      await expect.poll(() => page.getByTestId('data-point').count()).toBe(4);
      // the panels above may still change height as they draw: click where the plot is once it stays put
      const overlay = chart.locator('rect.overlay');
      let box = (await overlay.boundingBox())!;
      await expect
        .poll(async () => {
          await chart.scrollIntoViewIfNeeded();
          const before = box;
          box = (await overlay.boundingBox())!;
          return box.x === before.x && box.y === before.y && box.height === before.height;
        })
        .toBe(true);
      // the y axis spans [−1.6, 1.6] (1.6 × the largest |y|): aim at θ = 45°, y = 0.8
      const px = box.x + (45 / 360) * box.width;
      const py = box.y + ((1.6 - 0.8) / 3.2) * box.height;
      await page.mouse.click(px, py);
      await page.waitForURL(/pts=0:0;90:1;180:0;270:-1;4[45](\.\d)?:0\.[78]\d?(&|$)/);
      await expect.poll(() => page.getByTestId('data-point').count()).toBe(5);
      await idle(page);
      const added = /;(4[45](?:\.\d)?):(0\.[78]\d?)/.exec(decodeURIComponent(page.url()))!;
      const value = Number(added[2]);
      // the readout follows the pointer over the plot (beside the new point's mark, which would take the events)
      await page.mouse.move(px, py + 40);
      await page.mouse.move(px, py + 12, { steps: 2 });
      await page.getByTestId('regression-chart-readout').waitFor();
      const values = await readout(page, 'regression-chart');
      // four kernels and the Laplace fitted to the NTK; at ridge 0 each interpolates the new point
      expect(values.size).toBe(5);
      for (const [label, v] of values) expect(Math.abs(v - value), label).toBeLessThan(0.05);
      expect(await page.getByTestId('regression-readout').innerText()).toContain('interpolates the data');
      // clicking the point removes it again
      await page.getByTestId('data-point').nth(4).click();
      await page.waitForURL(/pts=0:0;90:1;180:0;270:-1(&|$)/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('loading a target writes its points into the link; the NTK–Laplace gap is shown', async () => {
    const { page, errors, close } = await openPage('/?v=1');
    try {
      await page.locator('#regression-heading').scrollIntoViewIfNeeded();
      await page.getByRole('button', { name: 'Load target' }).click();
      await page.waitForURL(/pts=0:0\.5;18:/);
      await expect.poll(() => page.getByTestId('data-point').count()).toBe(20);
      await idle(page);
      const gap = Number(await page.getByTestId('regression-gap').innerText());
      expect(gap).toBeGreaterThan(0);
      expect(gap).toBeLessThan(0.5);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('globes draw, turn with the keys, and New sample changes the seed', async () => {
    const { page, errors, close } = await openPage('/?v=1&deg=32');
    try {
      await page.locator('#samples-heading').scrollIntoViewIfNeeded();
      const globes = page.getByTestId('globes');
      await globes.scrollIntoViewIfNeeded();
      await expect.poll(() => page.getByTestId('globe').count()).toBe(4);
      await idle(page);
      const first = globes.locator('canvas').first();
      const image = () => first.evaluate((c) => (c as HTMLCanvasElement).toDataURL());
      const before = await image();
      await globes.focus();
      await page.keyboard.press('ArrowRight');
      await page.waitForURL(/lon=10(&|$)/);
      await expect.poll(image).not.toBe(before);
      await page.getByRole('button', { name: 'New sample' }).click();
      await page.waitForURL(/sample=2(&|$)/);
      await page.getByRole('radio', { name: /circle S¹/ }).check();
      await page.waitForURL(/domain=circle/);
      await expect.poll(() => page.getByTestId('samples-circle').locator('path.curve').count()).toBe(4);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('spectral bias: the bias-free two-layer NTK never learns degree 3; Play moves t', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk,laplace&harm=1,2,3,4&t=1000');
    try {
      await page.locator('#learning-heading').scrollIntoViewIfNeeded();
      const table = page.getByTestId('learning-table');
      await table.scrollIntoViewIfNeeded();
      await table.waitFor();
      // kernel 1 learns 1, 2, 4 and never 3 (shown last, in parentheses); Laplace learns them in order
      expect(await page.getByTestId('learning-order-0').innerText()).toBe('1 → 2 → 4 → (3)');
      expect(await page.getByTestId('learning-order-1').innerText()).toBe('1 → 2 → 3 → 4');
      expect(await table.locator('tr', { hasText: /^3/ }).innerText()).toContain('never');
      await page.getByRole('button', { name: 'Play' }).click();
      await page.waitForURL((url) => !/t=1000(&|$)/.test(url.search));
      await page.getByRole('button', { name: 'Pause' }).click();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
