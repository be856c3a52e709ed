/**
 * Node timing of the spectral core (a proxy for the worker in Chromium, where bench/metrics/
 * spectrum-compute.ts measures the budgets): `npx tsx bench/spectrum-node.ts`. Not a test.
 *
 * For each case: the first call in this process (JIT warm-up and quadrature rules included), then the
 * median and the slowest of later calls, alternating norm=unit/raw as the app's benchmark does, and the
 * longest stretch between two yields of spectrumJob.
 */
import { defaultInstance, type KernelInstance } from '../src/core/kernels/registry';
import { spectrumJob, type SpectrumRequest } from '../src/core/spectrum/spectrum';

const RUNS = 15;

const fourKernels: KernelInstance[] = [
  defaultInstance('ntk', { L: 3 }),
  defaultInstance('laplace', { c: 1 }),
  defaultInstance('gexp', { gamma: 1.5 }),
  defaultInstance('gauss'),
];
const defaultView: KernelInstance[] = [
  defaultInstance('ntk', { L: 2 }),
  defaultInstance('laplace'),
  defaultInstance('gexp', { gamma: 0.5 }),
  defaultInstance('gauss'),
];
const corners: KernelInstance[] = [
  defaultInstance('ntk', { L: 100, beta: 10 }),
  defaultInstance('laplace', { c: 100 }),
  defaultInstance('gexp', { gamma: 0.01 }),
  defaultInstance('gauss', { c: 0.01 }),
];

const cases: [string, Omit<SpectrumRequest, 'unit'>][] = [
  ['default view: ntk(L=2), laplace, gexp(γ=0.5), gauss; d=3, kmax=200', { kernels: defaultView, d: 3, kmax: 200 }],
  ['ntk(L=3), laplace, gexp(γ=1.5), gauss; d=3, kmax=2000 (budget 30 ms)', { kernels: fourKernels, d: 3, kmax: 2000 }],
  [
    'ntk(L=3), laplace, gexp(γ=1.5), gauss; d=100, kmax=1000 (budget 30 ms)',
    { kernels: fourKernels, d: 100, kmax: 1000 },
  ],
  [
    'extremes: ntk(L=100,β=10), laplace(c=100), gexp(γ=0.01), gauss(c=0.01); d=1000, kmax=5000',
    { kernels: corners, d: 1000, kmax: 5000 },
  ],
  ['the same extremes at d=2, kmax=5000', { kernels: corners, d: 2, kmax: 5000 }],
];

/** Wall time of one job run to completion, and its longest stretch between yields. */
function timeJob(req: SpectrumRequest): { total: number; longestStep: number } {
  const start = performance.now();
  let last = start;
  let longestStep = 0;
  const job = spectrumJob(req);
  for (;;) {
    const step = job.next();
    const now = performance.now();
    longestStep = Math.max(longestStep, now - last);
    last = now;
    if (step.done) return { total: now - start, longestStep };
  }
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

for (const [name, req] of cases) {
  const first = timeJob({ ...req, unit: true });
  const totals: number[] = [];
  let longestStep = first.longestStep;
  for (let r = 0; r < RUNS; r++) {
    const t = timeJob({ ...req, unit: r % 2 === 1 });
    totals.push(t.total);
    longestStep = Math.max(longestStep, t.longestStep);
  }
  totals.sort((a, b) => a - b);
  console.log(name);
  console.log(
    `  first ${fmt(first.total)}, median ${fmt(totals[RUNS >> 1])}, slowest ${fmt(totals[RUNS - 1])}` +
      ` (${RUNS} runs); longest step between yields ${fmt(longestStep)}`,
  );
}
