/**
 * Performance budgets checked by `npm run bench`: one PASS/FAIL line each; any FAIL (or a budgeted
 * metric that was not measured) makes the run exit 1. Metrics without a budget are only reported.
 */
export interface Budget {
  /** A metric name produced by a function in bench/metrics (unit suffix included). */
  metric: string;
  op: '<=' | '>=';
  limit: number;
}

export const budgets: Budget[] = [
  // JavaScript needed before first paint (entry + static imports), gzip -9, kB = 1000 bytes.
  { metric: 'initial_js_gzip_kb', op: '<=', limit: 200 },
  // issue 2: slider input → profile redrawn (4 kernels, ≥ 720 angles each)
  { metric: 'profile_input_to_redraw_p95_ms', op: '<=', limit: 33 },
  // issue 3: spectra in the app's worker, and slider input → spectrum redrawn (default view)
  { metric: 'spectrum_d3_k2000_4kernels_ms', op: '<=', limit: 30 },
  { metric: 'spectrum_d100_k1000_4kernels_ms', op: '<=', limit: 30 },
  { metric: 'spectrum_input_to_redraw_p95_ms', op: '<=', limit: 50 },
  // issue 4: plane maps 256² (4 kernels + a difference map) in the worker, and redraws while z is dragged
  { metric: 'offsphere_256sq_4kernels_ms', op: '<=', limit: 40 },
  { metric: 'offsphere_drag_fps', op: '>=', limit: 30 },
  // issue 7: random functions on S² (degree 128, 4 kernels) and regression (500 points, 4 kernels) in the
  // worker, and globe redraws while dragged
  { metric: 'samples_s2_deg128_ms', op: '<=', limit: 150 },
  { metric: 'regression_n500_4kernels_ms', op: '<=', limit: 150 },
  { metric: 'globe_rotate_fps', op: '>=', limit: 30 },
  // issue 13: the default real-data run (28 data sets, 4 contestants) in the page's workers
  { metric: 'realdata_small_4contestants_ms', op: '<=', limit: 5000 },
  // issue 15: the default link's width view (NTK L = 2, m = 512, 8 Gaussian networks, 91 angles) in the workers
  { metric: 'finite_width_default_ms', op: '<=', limit: 800 },
  // issue 15: the default link's random-features view (NTK L = 2 sketched, D = 16 … 1024, 128 points) in its worker
  { metric: 'features_default_ms', op: '<=', limit: 800 },
  // issue 15: the training view for ntk(L=1): widths 16–1024, 300 steps, both initializations, in the worker
  { metric: 'training_l1_ms', op: '<=', limit: 2000 },
  // issue 16: the recurrent NTK of 16 sequences of 128 steps (Gram matrix and one sequence's time weights) in the worker
  { metric: 'sequences_default_ms', op: '<=', limit: 50 },
];
