/**
 * Off-sphere view, in the app in Chromium:
 * - offsphere_256sq_4kernels_ms: plane maps 256×256 for ntk(L=3), laplace, gexp, gauss plus one difference
 *   map, computed in two halves by two workers (src/workerClient/plane.ts): from the first half's start to the last
 *   one's end in the workers (toggling `norm` forces a fresh computation); median of RUNS.
 * - offsphere_drag_fps: maps redrawn per second while z is dragged across a map (mouse moved every frame
 *   for DRAG_MS); a redraw is a new image on the first map's canvas.
 * - gram_n2000_ms: the normalization readout (two Gram matrices of 2000 points, raw and projected), in
 *   its own worker; the UI stays responsive meanwhile (reported, no budget).
 */
import type { Page } from 'playwright-core';
import type { MetricFn } from '../lib.ts';
import { dragScript, median, round, type DragResult } from '../lib.ts';

const RUNS = 9;
const DRAG_MS = 2000;

async function toggleNormAndRead(page: Page, selector: string, i: number): Promise<number> {
  // the panels above may have grown since: keep the view on screen (it computes only there)
  await page.locator(selector).scrollIntoViewIfNeeded();
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
  // the view computes only on (or near) the screen
  await page.locator('#offsphere-heading').scrollIntoViewIfNeeded();
  const maps = '.maps';
  await page.locator(`${maps}[data-size="256"]`).waitFor({ timeout: 60_000 });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await toggleNormAndRead(page, maps, i));
  log(`plane maps 256²: ${times.map((t) => round(t)).join(', ')} ms`);

  // drag z in circles over the first map: pointer events dispatched in the page once per frame, as a
  // mouse would send them (driving each move from here would measure the protocol's round trips instead)
  await page.getByTestId('map-0').scrollIntoViewIfNeeded();
  const drag = (await page.evaluate(
    dragScript({
      target: '[data-testid=map-0] rect.overlay',
      canvas: '[data-testid=map-0] canvas',
      ms: DRAG_MS,
      at: '[box.x + box.width / 2 + (box.width / 3) * Math.cos(t), box.y + box.height / 2 - (box.height / 3) * Math.sin(t)]',
    }),
  )) as DragResult;
  log(
    `drag: ${drag.draws} redraws of the first map in ${round(drag.elapsed)} ms (${drag.moves} pointer moves, one per frame)`,
  );

  // Gram matrices of 2000 points
  await page.goto(`${baseURL}?v=1&kernels=ntk(L=3),laplace&n=2000`);
  await page.locator('#offsphere-heading').scrollIntoViewIfNeeded();
  const readout = page.locator('[data-testid=normalization][data-n="2000"]');
  await readout.waitFor({ timeout: 120_000 });
  const gram = Number(await readout.getAttribute('data-compute-ms'));
  log(`normalization readout, n = 2000: ${round(gram)} ms in the gram worker`);
  return {
    offsphere_256sq_4kernels_ms: round(median(times)),
    offsphere_drag_fps: round((drag.draws * 1000) / drag.elapsed),
    gram_n2000_ms: round(gram),
  };
};

export default offsphere;
