/**
 * Node timing of the off-sphere core (a proxy for the worker in Chromium): `npx tsx bench/offsphere-node.ts`.
 * Not a test. For each case: the first call in this process (JIT warm-up included), then the fastest, the
 * median and the slowest of later calls.
 */
import { defaultInstance, type KernelInstance } from '../src/core/kernels/registry';
import { gramMatrix, normalizationReadout, pointCloud } from '../src/core/offsphere/gram';
import { planeMaps } from '../src/core/offsphere/plane';

const fourKernels: KernelInstance[] = [
  defaultInstance('ntk', { L: 3 }),
  defaultInstance('laplace'),
  defaultInstance('gexp', { gamma: 1.5 }),
  defaultInstance('gauss'),
];
const corners: KernelInstance[] = [
  defaultInstance('ntk', { L: 100, beta: 10, bias: 'random' }),
  defaultInstance('laplace', { c: 100, hom: 1 }),
  defaultInstance('gexp', { gamma: 0.01 }),
  defaultInstance('gauss', { c: 0.01 }),
];
const ntk3 = defaultInstance('ntk', { L: 3 });
const laplace = defaultInstance('laplace');
const cloud3 = pointCloud(2000, 3, 10, 1);
const cloud100 = pointCloud(2000, 100, 10, 1);

const cases: [name: string, runs: number, run: () => unknown][] = [
  [
    'offsphere_plane_256: planeMaps 256², ntk(L=3), laplace, gexp(γ=1.5), gauss + diff 1−2 (budget 40 ms in Chromium)',
    25,
    () => planeMaps({ kernels: fourKernels, unit: true, z: [0.6, 0.8], R: 2, size: 256, diff: [1, 2] }),
  ],
  [
    'offsphere_plane_256 extremes: ntk(L=100,β=10,random), laplace(c=100,hom=1), gexp(γ=0.01), gauss(c=0.01), R=1000',
    10,
    () => planeMaps({ kernels: corners, unit: false, z: [1000, -1000], R: 1000, size: 256, diff: [1, 2] }),
  ],
  ['gram_n2000 d=3 ntk(L=3)', 5, () => gramMatrix(ntk3, cloud3, 2000, 3, true)],
  ['gram_n2000 d=3 laplace', 5, () => gramMatrix(laplace, cloud3, 2000, 3, true)],
  ['gram_n2000 d=100 ntk(L=3)', 5, () => gramMatrix(ntk3, cloud100, 2000, 100, true)],
  ['gram_n2000 d=100 laplace', 5, () => gramMatrix(laplace, cloud100, 2000, 100, true)],
  [
    'readout_n2000: normalizationReadout ntk(L=3) vs laplace, d=3, spread 10',
    3,
    () => normalizationReadout(ntk3, laplace, 2000, 3, 10, 1),
  ],
  [
    'readout_n2000: normalizationReadout ntk(L=3) vs laplace, d=100, spread 10',
    3,
    () => normalizationReadout(ntk3, laplace, 2000, 100, 10, 1),
  ],
];

const time = (run: () => unknown) => {
  const start = performance.now();
  run();
  return performance.now() - start;
};
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

for (const [name, runs, run] of cases) {
  const first = time(run);
  const t = Array.from({ length: runs }, () => time(run)).sort((a, b) => a - b);
  console.log(name);
  console.log(
    `  first ${fmt(first)}, fastest ${fmt(t[0])}, median ${fmt(t[runs >> 1])}, slowest ${fmt(t[runs - 1])} (${runs} runs)`,
  );
}
