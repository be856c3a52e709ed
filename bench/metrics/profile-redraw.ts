/**
 * profile_input_to_redraw_p95_ms: default view (4 kernels, 1001 angles each), the NTK depth slider moved
 * by keyboard, until the profile's curves are redrawn.
 */
import type { MetricFn } from '../lib.ts';
import { inputToRedraw } from './input-to-redraw.ts';

const profileRedraw: MetricFn = async ({ page, baseURL, log }) => {
  await page.goto(baseURL);
  const r = await inputToRedraw(page, {
    slider: 'L hidden layers, ReLU NTK (kernel 1) (slider)',
    chart: '[data-testid=profile-chart]',
  });
  log(`${r.samples.length} moves: median ${r.median} ms, p95 ${r.p95} ms; sorted: ${[...r.samples].sort((a, b) => a - b).map((v) => Math.round(v)).join(' ')}`);
  return { profile_input_to_redraw_p95_ms: r.p95 };
};

export default profileRedraw;
