/**
 * Off-sphere view, in the app in Chromium:
 * - offsphere_256sq_4kernels_ms: plane maps 256×256 for ntk(L=3), laplace, gexp, gauss plus one difference
 *   map, wall time in the worker (toggling `norm` forces a fresh computation); median of RUNS.
 * - offsphere_drag_fps: maps redrawn per second while z is dragged across a map (mouse moved every frame
 *   for DRAG_MS); a redraw is a new image on the first map's canvas.
 * - gram_n2000_ms: the normalization readout (two Gram matrices of 2000 points, raw and projected), in
 *   its own worker; the UI stays responsive meanwhile (reported, no budget).
 */
import type { Page } from 'playwright-core';
import type { MetricFn } from '../lib.ts';
import { median, round } from '../lib.ts';

const RUNS = 9;
const DRAG_MS = 2000;

async function toggleNormAndRead(page: Page, selector: string, i: number): Promise<number> {
  const before = await page.locator(selector).getAttribute('data-compute-ms');
  await page.getByRole('radio', { name: i % 2 ? /^unit/ : /^raw/ }).check();
  await page.waitForFunction(
    ([sel, old]) => {
      const el = document.querySelector(sel);
      return el !== null && el.getAttribute('data-compute-ms') !== old && el.getAttribute('data-size') === '256';
    },
    [selector, before] as const,
    { timeout: 60_000 },
  );
  return Number(await page.locator(selector).getAttribute('data-compute-ms'));
}

const offsphere: MetricFn = async ({ page, baseURL, log }) => {
  await page.goto(`${baseURL}?v=1&kernels=ntk(L=3),laplace,gexp,gauss`);
  const maps = '.maps';
  await page.locator(`${maps}[data-size="256"]`).waitFor({ timeout: 60_000 });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await toggleNormAndRead(page, maps, i));
  log(`plane maps 256²: ${times.map((t) => round(t)).join(', ')} ms`);

  // drag z in circles over the first map
  const map = page.getByTestId('map-0');
  await map.scrollIntoViewIfNeeded();
  const box = (await map.locator('rect.overlay').boundingBox())!;
  const canvas = map.locator('canvas');
  const drawsBefore = Number(await canvas.getAttribute('data-draws'));
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx + box.width / 3, cy);
  await page.mouse.down();
  const start = Date.now();
  let step = 0;
  while (Date.now() - start < DRAG_MS) {
    const t = (step++ / 60) * 2 * Math.PI;
    await page.mouse.move(cx + (box.width / 3) * Math.cos(t), cy - (box.height / 3) * Math.sin(t));
    await page.evaluate(() => new Promise(requestAnimationFrame));
  }
  const elapsed = Date.now() - start;
  const draws = Number(await canvas.getAttribute('data-draws')) - drawsBefore;
  await page.mouse.up();
  log(`drag: ${draws} redraws of the first map in ${elapsed} ms (${step} pointer moves)`);

  // Gram matrices of 2000 points
  await page.goto(`${baseURL}?v=1&kernels=ntk(L=3),laplace&n=2000`);
  const readout = page.locator('[data-testid=normalization][data-n="2000"]');
  await readout.waitFor({ timeout: 120_000 });
  const gram = Number(await readout.getAttribute('data-compute-ms'));
  log(`normalization readout, n = 2000: ${round(gram)} ms in the gram worker`);
  return {
    offsphere_256sq_4kernels_ms: round(median(times)),
    offsphere_drag_fps: round((draws * 1000) / elapsed),
    gram_n2000_ms: round(gram),
  };
};

export default offsphere;
