/**
 * The metric registry: `npm run bench` runs these in order (`npm run bench -- --only first-paint`
 * runs a subset). To add a metric, write bench/metrics/<name>.ts exporting a MetricFn (see
 * bench/lib.ts) and add it here; give it a budget in bench/budgets.ts if it should gate.
 */
import type { MetricFn } from '../lib.ts';
import features from './features.ts';
import finiteWidth from './finite-width.ts';
import firstPaint from './first-paint.ts';
import functionSpace from './function-space.ts';
import initialJs from './initial-js.ts';
import offsphere from './offsphere.ts';
import profileRedraw from './profile-redraw.ts';
import realdata from './realdata.ts';
import sequences from './sequences.ts';
import training from './training.ts';
import spectrumCompute from './spectrum-compute.ts';
import spectrumRedraw from './spectrum-redraw.ts';

export const metrics: Record<string, MetricFn> = {
  'initial-js': initialJs,
  'first-paint': firstPaint,
  'profile-redraw': profileRedraw,
  'spectrum-redraw': spectrumRedraw,
  'spectrum-compute': spectrumCompute,
  offsphere,
  'function-space': functionSpace,
  realdata,
  'finite-width': finiteWidth,
  training,
  features,
  sequences,
};
