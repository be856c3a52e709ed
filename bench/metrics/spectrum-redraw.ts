/**
 * spectrum_input_to_redraw_p95_ms: default view (d = 3, kmax = 200, 4 kernels), the NTK depth slider
 * moved by keyboard, until the spectrum's curves are redrawn.
 */
import type { MetricFn } from '../lib.ts';
import { inputToRedraw } from './input-to-redraw.ts';

const spectrumRedraw: MetricFn = async ({ page, baseURL, log }) => {
  await page.goto(baseURL);
  const r = await inputToRedraw(page, {
    slider: 'L hidden layers, ReLU NTK (kernel 1) (slider)',
    chart: '[data-testid=spectrum-chart]',
  });
  log(`${r.samples.length} moves: median ${r.median} ms, p95 ${r.p95} ms; sorted: ${[...r.samples].sort((a, b) => a - b).map((v) => Math.round(v)).join(' ')}`);
  return { spectrum_input_to_redraw_p95_ms: r.p95 };
};

export default spectrumRedraw;
