/**
 * Function-space views (issue 7), in the app in Chromium:
 * - samples_s2_deg128_ms: one Gaussian-process sample per kernel on S² (4 default kernels, degree 128,
 *   258×129 grid), wall time in the worker ("New sample" forces a fresh computation); median of RUNS.
 * - globe_rotate_fps: globe redraws per second while the globes are dragged (pointer moved every frame
 *   for DRAG_MS); a redraw is a new image on the first globe's canvas.
 * - regression_n500_4kernels_ms: kernel ridge regression of the 4 default kernels (and the Laplace kernel
 *   fitted to the NTK) on 500 points, more than a link carries, so the built workers are called directly
 *   through comlink's message protocol, two in parallel as in the app; median of RUNS.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_KERNELS } from '../../src/link/params';
import { regressionPieces } from '../../src/core/views/regressionView';
import type { MetricFn } from '../lib.ts';
import { dragScript, median, round, type DragResult } from '../lib.ts';

const RUNS = 9;
const DRAG_MS = 2000;

/**
 * Runs in the page: as the app does (src/workerClient/regression.ts), the pieces of the view solved by two
 * built compute workers in parallel, called with comlink's wire format (APPLY a method with RAW arguments;
 * the answer is RAW); RUNS regressions on 500 seeded random points, wall time from the request to the
 * last piece.
 */
const REGRESSION_SCRIPT = `(async () => {
  const workers = [0, 1].map(() => new Worker(WORKER_URL, { type: 'module' }));
  let seq = 0;
  const call = (worker, method, args) => new Promise((resolve, reject) => {
    const id = 'bench-' + ++seq;
    const onMessage = (e) => {
      if (e.data && e.data.id === id) {
        worker.removeEventListener('message', onMessage);
        if (e.data.type === 'HANDLER') reject(new Error(JSON.stringify(e.data.value)));
        else resolve(e.data.value);
      }
    };
    worker.addEventListener('message', onMessage);
    worker.postMessage({ id, type: 'APPLY', path: [method], argumentList: args.map((value) => ({ type: 'RAW', value })) });
  });
  let s = 12345;
  const uniform = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
  const theta = Array.from({ length: POINT_COUNT }, () => 2 * Math.PI * uniform());
  const y = theta.map((t) => Math.sin(t) + 0.5 * Math.cos(3 * t) + 0.2 * (uniform() - 0.5));
  const req = { kernels: KERNELS, unit: true, theta, y, ridge: 1e-3 };
  const pieces = PIECES;
  const times = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const start = performance.now();
    await Promise.all(pieces.map((piece, p) => call(workers[p], 'regressionPiece', [req, piece])));
    if (i > 0) times.push(performance.now() - start); // the first call also compiles
  }
  for (const w of workers) w.terminate();
  return times;
})()`;

const functionSpace: MetricFn = async ({ page, baseURL, distDir, log }) => {
  await page.goto(`${baseURL}?v=1`);
  const panel = page.locator('.panel.samples');
  await panel.scrollIntoViewIfNeeded();
  await page.locator('.panel.samples[data-compute-ms]').waitFor({ timeout: 60_000 });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const before = await panel.getAttribute('data-compute-ms');
    await page.getByRole('button', { name: 'New sample' }).click();
    await page.waitForFunction(
      (old) => document.querySelector('.panel.samples')?.getAttribute('data-compute-ms') !== old,
      before,
      { timeout: 60_000 },
    );
    times.push(Number(await panel.getAttribute('data-compute-ms')));
  }
  log(`samples on S², degree 128, 4 kernels: ${times.map((t) => round(t)).join(', ')} ms in the worker`);

  await page.getByTestId('globes').scrollIntoViewIfNeeded();
  const drag = (await page.evaluate(
    dragScript({
      target: '[data-testid=globes]',
      canvas: '[data-testid=globes] canvas',
      ms: DRAG_MS,
      at: '[box.x + 150 + 100 * Math.cos(t), box.y + 150 + 60 * Math.sin(t)]',
    }),
  )) as DragResult;
  log(
    `globe drag: ${drag.draws} redraws of the first globe in ${round(drag.elapsed)} ms (${drag.moves} pointer moves)`,
  );

  const workerFile = readdirSync(join(distDir, 'assets')).find((f) => /^compute\.worker.*\.js$/.test(f));
  if (!workerFile) throw new Error('no compute worker in the build (dist/assets/compute.worker-*.js)');
  const script = REGRESSION_SCRIPT.replace('WORKER_URL', JSON.stringify(`${baseURL}assets/${workerFile}`))
    .replace('KERNELS', JSON.stringify(DEFAULT_KERNELS))
    .replace('PIECES', JSON.stringify(regressionPieces(DEFAULT_KERNELS, 2)))
    .replace('POINT_COUNT', '500')
    .replace('RUNS + 1', String(RUNS + 1));
  const regression = (await page.evaluate(script)) as number[];
  log(`regression, 500 points, 4 kernels: ${regression.map((t) => round(t)).join(', ')} ms, two workers`);
  return {
    samples_s2_deg128_ms: round(median(times)),
    globe_rotate_fps: round((drag.draws * 1000) / drag.elapsed),
    regression_n500_4kernels_ms: round(median(regression)),
  };
};

export default functionSpace;
