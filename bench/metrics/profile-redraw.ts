/**
 * profile_input_to_redraw_p95_ms: default view (4 kernels, 721 angles each), the NTK depth slider moved
 * by keyboard (median of 3 runs' p95, bench/metrics/input-to-redraw.ts), until the profile's curves are redrawn.
 * profile_click_to_redraw_p95_ms (reported): the same slider clicked at places that make its value jump.
 * profile_drag_to_redraw_p95_ms (reported): the same slider dragged by the pointer, out and back.
 */
import type { MetricFn } from '../lib.ts';
import { describeRuns, inputToRedraw } from './input-to-redraw.ts';

const PROFILE = { slider: 'L hidden layers, ReLU NTK (kernel 1) (slider)', chart: '[data-testid=profile-chart]' };

const profileRedraw: MetricFn = async ({ page, baseURL, log }) => {
  await page.goto(baseURL);
  const r = await inputToRedraw(page, PROFILE);
  for (const line of describeRuns(r)) log(line);
  log(`arrow keys: median of the runs' p95 ${r.p95} ms (median of all moves ${r.median} ms)`);
  // reported, not budgeted: clicks that make the value jump, so that every redraw waits for the worker
  await page.goto(baseURL);
  const c = await inputToRedraw(page, { ...PROFILE, via: 'clicks' });
  for (const line of describeRuns(c)) log(line);
  log(`clicks: median of the runs' p95 ${c.p95} ms (median of all moves ${c.median} ms)`);
  // reported: a pointer drag along the track (continuous input, which Chromium does not hold back)
  await page.goto(baseURL);
  const d = await inputToRedraw(page, { ...PROFILE, via: 'drag' });
  for (const line of describeRuns(d)) log(line);
  log(`drag: median of the runs' p95 ${d.p95} ms (median of all moves ${d.median} ms)`);
  return {
    profile_input_to_redraw_p95_ms: r.p95,
    profile_click_to_redraw_p95_ms: c.p95,
    profile_drag_to_redraw_p95_ms: d.p95,
  };
};

export default profileRedraw;
