/**
 * Training a finite network against its kernel (docs/finite.md §4, src/core/finite/training.ts): the
 * symmetric eigen-decomposition, the linearized network's closed form against its direct iteration, the
 * loss of gradient descent with tiny steps against the function-space prediction, and the view's statuses
 * (diverged, skipped, no data, no NTK) without a NaN anywhere.
 */
import { describe, expect, it } from 'vitest';
import { linearizedFlow } from '../../src/core/finite/linearized';
import { empiricalNtk, initNetwork } from '../../src/core/finite/network';
import {
  FRAME_STRIDE,
  circlePoints,
  networkSpec,
  trainingRequest,
  trainingView,
  type TrainingRequest,
} from '../../src/core/finite/training';
import { crossKernel, gramOnCircle } from '../../src/core/kernels/circleKernel';
import type { KernelInstance } from '../../src/core/kernels/registry';
import { symmetricEigen } from '../../src/core/numerics/symmetricEigen';
import { seededRandom } from '../../src/core/numerics/random';
import { renderFigure } from '../../src/figure';
import { parseLink, readPoints, serializeLink } from '../../src/link';

const ntk = (L: number, beta = 0, bias = 'zero'): KernelInstance => ({ family: 'ntk', params: { L, beta, bias } });
const DATA = { theta: [0.2, 1.1, 2.0, 3.3, 4.4, 5.6], y: [0.8, 0.3, -0.4, -1.1, 0.2, 0.9] };

const request = (over: Partial<TrainingRequest>): TrainingRequest => ({
  kernel: ntk(1, 0.5),
  ...DATA,
  widths: [64],
  inits: ['gaussian'],
  eta: 0.5,
  steps: 20,
  seed: 3,
  frames: 0,
  ...over,
});

const hasNaN = (v: unknown): boolean =>
  typeof v === 'number'
    ? Number.isNaN(v)
    : v instanceof Float64Array
      ? v.some(Number.isNaN)
      : Array.isArray(v)
        ? v.some(hasNaN)
        : v !== null && typeof v === 'object' && Object.values(v).some(hasNaN);

describe('symmetric eigen-decomposition (Jacobi)', () => {
  it('reconstructs a random symmetric matrix with orthonormal eigenvectors', () => {
    const n = 12;
    const rng = seededRandom(5);
    const A = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) A[i * n + j] = A[j * n + i] = rng.normal();
    const { values, vectors: V } = symmetricEigen(A, n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let a = 0;
        let g = 0;
        for (let k = 0; k < n; k++) {
          a += V[i * n + k] * values[k] * V[j * n + k];
          g += V[k * n + i] * V[k * n + j];
        }
        expect(Math.abs(a - A[i * n + j])).toBeLessThan(1e-12);
        expect(Math.abs(g - (i === j ? 1 : 0))).toBeLessThan(1e-12);
      }
    }
  });
});

describe('the linearized network (docs/finite.md §4)', () => {
  it('equals k steps of f ← f − ηΘ(f − y) from f = 0, on the data and off it', () => {
    const kernel = ntk(2, 0.3, 'random');
    const n = DATA.theta.length;
    const K = gramOnCircle(kernel, false, DATA.theta);
    const grid = [0.05, 1.7, 2.9, 6.1];
    const cross = crossKernel(kernel, false, grid, DATA.theta);
    for (const eta of [0.3, 0.9, 1]) {
      const flow = linearizedFlow(K, n, DATA.y, eta);
      // direct iteration: the residual on the data drives every point of the function
      const f = new Float64Array(n);
      const g = new Float64Array(grid.length);
      const k = 37;
      for (let s = 0; s < k; s++) {
        const r = f.map((v, i) => v - DATA.y[i]);
        const Kr = f.map((_, i) => r.reduce((acc, rj, j) => acc + K[i * n + j] * rj, 0));
        for (let q = 0; q < grid.length; q++)
          g[q] -= flow.step * r.reduce((acc, rj, j) => acc + cross[q * n + j] * rj, 0);
        for (let i = 0; i < n; i++) f[i] -= flow.step * Kr[i];
      }
      const alpha = flow.coefficients(k);
      const onData = f.map((_, i) => alpha.reduce((acc, a, j) => acc + K[i * n + j] * a, 0));
      const offData = g.map((_, q) => alpha.reduce((acc, a, j) => acc + cross[q * n + j] * a, 0));
      for (let i = 0; i < n; i++) expect(onData[i]).toBeCloseTo(f[i], 10);
      for (let q = 0; q < grid.length; q++) expect(offData[q]).toBeCloseTo(g[q], 10);
      const loss = f.reduce((acc, v, i) => acc + (v - DATA.y[i]) ** 2, 0) / 2;
      expect(flow.loss(k)).toBeCloseTo(loss, 12);
      expect(flow.step).toBeCloseTo((2 * eta) / Math.max(...symmetricEigen(K, n).values), 14);
    }
  });
});

describe('gradient descent on the antisymmetric pair', () => {
  it('with tiny steps, its loss follows the function-space prediction of its own kernel, and the analytic one as m grows', () => {
    const kernel = ntk(1, 0.5);
    const n = DATA.theta.length;
    const steps = 10;
    const X = circlePoints(DATA.theta);
    for (const init of ['gaussian', 'orthogonal'] as const) {
      const m = 2048;
      const view = trainingView(request({ kernel, widths: [m], inits: [init], eta: 0.002, steps }));
      const run = view.runs[0];
      // function space: r ← (I − ηΘ_m) r with the network's own NTK at initialization (f₀ = 0: r₀ = −y)
      const theta = empiricalNtk(initNetwork(networkSpec(kernel, m, init), 3), X, n, X, n);
      let r = Float64Array.from(DATA.y, (v) => -v);
      for (let k = 0; k < steps; k++) {
        r = r.map((v, i) => v - view.step * r.reduce((acc, rj, j) => acc + theta[i * n + j] * rj, 0));
        const predicted = r.reduce((acc, v) => acc + v * v, 0) / 2;
        // the discrepancy is second order in the step (the kernel moves by O(η) per step)
        expect(Math.abs(run.loss[k] - predicted) / predicted).toBeLessThan(1e-5);
        // the analytic kernel's prediction: within the finite-width spread of Θ_m (a few per cent at m = 2048)
        expect(Math.abs(run.loss[k] - view.kernelLoss[k]) / view.kernelLoss[k]).toBeLessThan(0.03);
      }
    }
  });

  it('is lazy: distance and kernel change shrink with the width', () => {
    const view = trainingView(request({ widths: [16, 256, 4096], steps: 60 }));
    const [small, , wide] = view.runs;
    expect(wide.distance!).toBeLessThan(small.distance! / 4);
    expect(wide.kernelChange!).toBeLessThan(small.kernelChange! / 4);
    expect(view.slopes[0].kernelChange!).toBeLessThan(-0.3);
  });

  it('reports a diverging run as diverged, with its loss up to there and no NaN', () => {
    const view = trainingView(request({ widths: [8, 64], inits: ['gaussian', 'orthogonal'], eta: 40, frames: 4 }));
    expect(view.runs.some((r) => r.status === 'diverged')).toBe(true);
    for (const r of view.runs.filter((q) => q.status === 'diverged')) {
      expect(r.network).toBeNull();
      expect(r.loss.length).toBe(r.divergedAt! - 1);
      expect(r.loss.every(Number.isFinite)).toBe(true);
    }
    expect(hasNaN(view)).toBe(false);
  });

  it('keeps the animation frames: f₀ ≡ 0 first, the trained network last', () => {
    const view = trainingView(request({ steps: 30, frames: 6 }));
    expect(view.frameSteps).toEqual([0, 5, 10, 15, 20, 25, 30]);
    const run = view.runs[0];
    expect(run.frames.length).toBe(7);
    expect(run.frames[0].every((v) => v === 0)).toBe(true);
    expect(Array.from(run.frames[6])).toEqual(Array.from(view.frameTheta, (_, i) => run.network![i * FRAME_STRIDE]));
    expect(view.kernelFlowFrames[6][10]).toBeCloseTo(view.kernelFlow[10 * FRAME_STRIDE], 12);
  });

  it('skips a run too large to train, and learns nothing without data', () => {
    const big = trainingView(request({ kernel: ntk(3), widths: [8192], steps: 300 }));
    expect(big.runs[0].status).toBe('skipped');
    const empty = trainingView(request({ theta: [], y: [] }));
    expect(empty.runs[0].status).toBe('trained');
    expect(empty.runs[0].network!.every((v) => v === 0)).toBe(true);
    expect(hasNaN(empty)).toBe(false);
  });
});

describe('the training figure', () => {
  const figure = (link: string) => {
    const { state } = parseLink(link);
    return JSON.parse(renderFigure(state, serializeLink(state), 'training', 'json'));
  };

  it('has the JSON fields of the issue for every width and initialization', () => {
    const json = figure('?v=1&kernels=laplace,ntk(L=1)&widths=16,64&steps=20');
    expect(json.panel).toBe('training');
    expect(json.theta.length).toBe(721);
    expect(json.kernelFlow.length).toBe(721);
    expect(json.series.map((s: { init: string; m: number }) => `${s.init}${s.m}`)).toEqual([
      'gaussian16',
      'gaussian64',
      'orthogonal16',
      'orthogonal64',
    ]);
    for (const s of json.series) {
      expect(s.network.length).toBe(721);
      expect(s.loss.length).toBe(20);
      expect(s.distance).toBeGreaterThan(0);
      expect(s.kernelChange).toBeGreaterThan(0);
    }
  });

  it('says so without an NTK instance', () => {
    const json = figure('?v=1&kernels=laplace');
    expect(json.notice).toMatch(/no NTK/);
    expect(json.series).toEqual([]);
    expect(
      trainingRequest(
        {
          kernels: parseLink('?v=1&kernels=laplace').state.kernels,
          points: readPoints(''),
          widths: [16],
          eta: 0.5,
          steps: 1,
          seed: 1,
        },
        0,
      ),
    ).toBeNull();
  });
});
