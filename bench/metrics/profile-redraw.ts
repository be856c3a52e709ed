/**
 * profile_input_to_redraw_p95_ms: default view (4 kernels, 721 angles each), the NTK depth slider moved
 * by keyboard (median of 3 runs' p95, bench/metrics/input-to-redraw.ts), until the profile's curves are redrawn.
 */
import type { MetricFn } from '../lib.ts';
import { describeRuns, inputToRedraw } from './input-to-redraw.ts';

const profileRedraw: MetricFn = async ({ page, baseURL, log }) => {
  await page.goto(baseURL);
  const r = await inputToRedraw(page, {
    slider: 'L hidden layers, ReLU NTK (kernel 1) (slider)',
    chart: '[data-testid=profile-chart]',
  });
  for (const line of describeRuns(r)) log(line);
  log(`median of the runs' p95: ${r.p95} ms (median of all moves ${r.median} ms)`);
  return { profile_input_to_redraw_p95_ms: r.p95 };
};

export default profileRedraw;
