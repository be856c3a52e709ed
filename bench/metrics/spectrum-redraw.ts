/**
 * spectrum_input_to_redraw_p95_ms: default view (d = 3, kmax = 200, 4 kernels), the NTK depth slider
 * moved by keyboard (median of 3 runs' p95, bench/metrics/input-to-redraw.ts), until the spectrum's curves are redrawn.
 */
import type { MetricFn } from '../lib.ts';
import { describeRuns, inputToRedraw } from './input-to-redraw.ts';

const spectrumRedraw: MetricFn = async ({ page, baseURL, log }) => {
  await page.goto(baseURL);
  const r = await inputToRedraw(page, {
    slider: 'L hidden layers, ReLU NTK (kernel 1) (slider)',
    chart: '[data-testid=spectrum-chart]',
  });
  for (const line of describeRuns(r)) log(line);
  log(`median of the runs' p95: ${r.p95} ms (median of all moves ${r.median} ms)`);
  return { spectrum_input_to_redraw_p95_ms: r.p95 };
};

export default spectrumRedraw;
