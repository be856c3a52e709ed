/**
 * Random point clouds, Gram matrices and the normalization readout (offsphere/gram.ts), against the
 * registry's native `onRd` (tests/unit/onRd.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fitLaplaceOnPoints,
  gramMatrix,
  normalizationReadout,
  normalizedGramDistance,
  pointCloud,
  projectToSphere,
} from '../../src/core/offsphere/gram';
import { defaultInstance } from '../../src/core/kernels/registry';
import { anyInstance } from './arbitraries';
import { registryRowKernel, type PairRow } from '../../src/core/kernels/rows';
import { agrees, wellConditioned } from './onRd';

describe('point clouds (gram.ts)', () => {
  const norms = (p: Float64Array, n: number, d: number) =>
    Array.from({ length: n }, (_, i) => Math.hypot(...p.subarray(i * d, (i + 1) * d)));

  it('are seeded: same seed, same points; another seed, other points; the first m points do not depend on n', () => {
    const a = pointCloud(50, 4, 3, 11);
    expect(pointCloud(50, 4, 3, 11)).toEqual(a);
    expect(pointCloud(50, 4, 3, 12)).not.toEqual(a);
    expect(pointCloud(20, 4, 3, 11)).toEqual(a.subarray(0, 80));
  });

  it('have norms in [1/spread, spread], all 1 for spread = 1, and directions that do not depend on spread', () => {
    const n = 500;
    for (const spread of [1, 2, 10, 100]) {
      const ns = norms(pointCloud(n, 5, spread, 1), n, 5);
      expect(Math.min(...ns)).toBeGreaterThanOrEqual((1 / spread) * (1 - 1e-15));
      expect(Math.max(...ns)).toBeLessThanOrEqual(spread * (1 + 1e-15));
      // log-uniform: ln‖x‖ has mean 0 and standard deviation ln(spread)/√3
      const logs = ns.map(Math.log);
      expect(Math.abs(logs.reduce((s, t) => s + t, 0) / n)).toBeLessThanOrEqual(
        (5 * Math.log(spread)) / Math.sqrt(3 * n) + 1e-15,
      );
    }
    expect(norms(pointCloud(n, 5, 1, 1), n, 5).every((t) => Math.abs(t - 1) < 2e-16 * 4)).toBe(true);
    const a = projectToSphere(pointCloud(n, 5, 1, 4), n, 5);
    const b = projectToSphere(pointCloud(n, 5, 10, 4), n, 5);
    expect(a.every((t, i) => Math.abs(t - b[i]) < 1e-15)).toBe(true);
  });

  it('have uniformly distributed directions (n = 2000: mean within 5σ of 0, second moments within 5σ of 1/d)', () => {
    const n = 2000;
    for (const d of [3, 20]) {
      const p = projectToSphere(pointCloud(n, d, 10, 5), n, d);
      for (let k = 0; k < d; k++) {
        let m1 = 0;
        let m2 = 0;
        for (let i = 0; i < n; i++) [m1, m2] = [m1 + p[i * d + k] / n, m2 + p[i * d + k] ** 2 / n];
        // on S^{d−1}: E x_k = 0, Var x_k = 1/d, Var x_k² = 2(d − 1)/(d²(d + 2))
        expect(Math.abs(m1)).toBeLessThan(5 / Math.sqrt(d * n));
        expect(Math.abs(m2 - 1 / d)).toBeLessThan(5 * Math.sqrt((2 * (d - 1)) / (d * d * (d + 2)) / n));
      }
    }
  });
});

describe('Gram matrices and the normalization readout (gram.ts)', () => {
  /** points with the hard cases: duplicates, near-duplicates, near-antipodal pairs, the origin */
  function hardPoints(d: number, seed: number): { points: Float64Array; n: number } {
    const base = pointCloud(16, d, 10, seed);
    const rows = Array.from({ length: 16 }, (_, i) => Array.from(base.subarray(i * d, (i + 1) * d)));
    const x = rows[0];
    rows.push(
      [...x],
      x.map((t, k) => t * (1 + 1e-9) + (k === 0 ? 1e-10 : 0)),
      x.map((t) => -t * (1 + 1e-7)),
      x.map((t, k) => -t + (k === 1 ? 1e-9 : 0)),
    );
    rows.push(new Array(d).fill(0));
    return { points: Float64Array.from(rows.flat()), n: rows.length };
  }

  it('agree with onRd entry by entry (≤ 1e−10) and are exactly symmetric, in d = 3 and d = 40', () => {
    fc.assert(
      fc.property(
        anyInstance,
        fc.boolean(),
        fc.constantFrom(3, 40),
        fc.integer({ min: 0, max: 1000 }),
        (k, unit, d, seed) => {
          if (!wellConditioned(k, 0.5)) return true;
          const { points, n } = hardPoints(d, seed);
          const K = gramMatrix(k, points, n, d, unit);
          const row = (i: number) => points.subarray(i * d, (i + 1) * d);
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) {
              if (K[i * n + j] !== K[j * n + i] || !agrees(k, unit, row(i), row(j), K[i * n + j], 1e-10, 1e-13))
                return false;
            }
          }
          return true;
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the registry fallback gives the same Gram rows as the fast paths in d = 40', () => {
    const d = 40;
    const { points, n } = hardPoints(d, 9);
    for (const k of [
      defaultInstance('ntk', { L: 3, beta: 1, bias: 'random' }),
      defaultInstance('ntk', { L: 2, beta: 0.5 }),
      defaultInstance('gexp', { hom: 1 }),
    ]) {
      const K = gramMatrix(k, points, n, d, true);
      const row = (i: number) => points.subarray(i * d, (i + 1) * d);
      const geometry = (i: number, j: number): PairRow => {
        const [x, z] = [row(i), row(j)];
        const [nx, nz] = [Math.hypot(...x), Math.hypot(...z)];
        const xh = x.map((t) => (nx > 0 ? t / nx : 0));
        const zh = z.map((t) => (nz > 0 ? t / nz : 0));
        const zero = nx === 0 || nz === 0;
        const sum = (f: (k: number) => number) => Array.from({ length: d }, (_, q) => f(q)).reduce((s, t) => s + t, 0);
        return {
          nx,
          nz: Float64Array.of(nz),
          delta: Float64Array.of(zero ? 1 : sum((q) => (xh[q] - zh[q]) ** 2) / 2),
          sigma: Float64Array.of(zero ? 1 : sum((q) => (xh[q] + zh[q]) ** 2) / 2),
          dot: Float64Array.of(sum((q) => x[q] * z[q])),
          r2: Float64Array.of(sum((q) => (x[q] - z[q]) ** 2)),
        };
      };
      const out = new Float64Array(1);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          registryRowKernel(k, true)(geometry(i, j), 0, 1, out, 0, 1);
          expect(Math.abs(out[0] - K[i * n + j])).toBeLessThanOrEqual(1e-12 * (Math.abs(K[i * n + j]) + 1));
        }
      }
    }
  });

  it('D is 0 for proportional kernels, at most 2, symmetric, and 2 for K and −K', () => {
    const [n, d] = [60, 4];
    const p = pointCloud(n, d, 5, 2);
    const ntk = defaultInstance('ntk', { L: 3, beta: 0.4 });
    const raw = gramMatrix(ntk, p, n, d, false);
    const unit = gramMatrix(ntk, p, n, d, true);
    expect(normalizedGramDistance(raw, raw)).toBe(0);
    expect(normalizedGramDistance(raw, unit)).toBeLessThan(1e-15);
    expect(
      normalizedGramDistance(
        raw,
        raw.map((t) => -3 * t),
      ),
    ).toBeCloseTo(2, 14);
    fc.assert(
      fc.property(anyInstance, anyInstance, (a, b) => {
        const [A, B] = [gramMatrix(a, p, n, d, true), gramMatrix(b, p, n, d, false)];
        const D = normalizedGramDistance(A, B);
        return D >= 0 && D <= 2 && D === normalizedGramDistance(B, A);
      }),
      { numRuns: 30 },
    );
  });

  it('the readout equals D of the full Gram matrices on the raw and on the projected points', () => {
    const [n, d, spread, seed] = [80, 5, 10, 3];
    const a = defaultInstance('ntk', { L: 2, beta: 0.5, bias: 'random' });
    const b = defaultInstance('gexp', { gamma: 0.7, c: 2 });
    const p = pointCloud(n, d, spread, seed);
    const q = projectToSphere(p, n, d);
    const res = normalizationReadout(a, b, n, d, spread, seed);
    expect(res.raw).toBeCloseTo(normalizedGramDistance(gramMatrix(a, p, n, d, true), gramMatrix(b, p, n, d, true)), 13);
    expect(res.projected).toBeCloseTo(
      normalizedGramDistance(gramMatrix(a, q, n, d, true), gramMatrix(b, q, n, d, true)),
      13,
    );
  });

  it('on the projected points hom changes nothing: D(ntk(L=1), laplace(hom=1,c)) = D(ntk, laplace(c))', () => {
    for (const c of [0.5, 1.5, 7]) {
      const ntk = defaultInstance('ntk', { L: 1 });
      const plain = normalizationReadout(ntk, defaultInstance('laplace', { c }), 300, 3, 10, 8);
      const hom = normalizationReadout(ntk, defaultInstance('laplace', { c, hom: 1 }), 300, 3, 10, 8);
      expect(Math.abs(hom.projected - plain.projected)).toBeLessThan(1e-13);
      expect(Math.abs(hom.raw - plain.raw)).toBeGreaterThan(0.1); // off the sphere it does
    }
  });

  it('spread 10: ntk vs a Laplace kernel fitted on the sphere is close on the projected points, far on the raw ones', () => {
    const [n, d, spread, seed] = [300, 3, 10, 1];
    const ntk = defaultInstance('ntk', { L: 3 });
    const p = pointCloud(n, d, spread, seed);
    const fit = fitLaplaceOnPoints(defaultInstance('laplace'), ntk, projectToSphere(p, n, d), n, d);
    const res = normalizationReadout(ntk, defaultInstance('laplace', { c: fit.c }), n, d, spread, seed);
    // seen: c = 1.009, projected D = fit.D = 0.048, raw D = 1.37; hom=1: raw D = 0.060
    expect(res.projected).toBeCloseTo(fit.D, 12);
    expect(res.projected).toBeLessThan(0.1);
    expect(res.raw).toBeGreaterThan(1);
    expect(res.raw).toBeGreaterThan(10 * res.projected);
    // the homogeneous Laplace kernel follows the NTK off the sphere nearly as well as on it
    const hom = normalizationReadout(ntk, defaultInstance('laplace', { c: fit.c, hom: 1 }), n, d, spread, seed);
    expect(hom.raw).toBeLessThan(0.1);
  });

  it('fitLaplaceOnPoints returns a local minimum of D (4 significant digits) within the range of c, and D there', () => {
    const [n, d] = [150, 4];
    const p = pointCloud(n, d, 3, 6);
    // the first target's minimum lies below c = 0.01 on these raw points (seen: D = 0.905 at the bound)
    for (const [laplace, target, bound] of [
      [defaultInstance('laplace'), defaultInstance('ntk', { L: 2 }), true],
      [defaultInstance('laplace', { hom: 1 }), defaultInstance('ntk', { L: 1, beta: 0.5, bias: 'random' }), false],
      [defaultInstance('laplace'), defaultInstance('gexp', { gamma: 0.8, c: 2 }), false],
    ] as const) {
      const fit = fitLaplaceOnPoints(laplace, target, p, n, d);
      const T = gramMatrix(target, p, n, d, true);
      const D = (c: number) =>
        normalizedGramDistance(T, gramMatrix({ family: 'laplace', params: { ...laplace.params, c } }, p, n, d, true));
      expect(Number(fit.c.toPrecision(4))).toBe(fit.c);
      expect(fit.atBound).toBe(bound);
      expect(fit.D).toBeCloseTo(D(fit.c), 12);
      expect(D(fit.c * 1.01)).toBeGreaterThan(fit.D);
      if (!bound) expect(D(fit.c / 1.01)).toBeGreaterThan(fit.D);
    }
    const exact = fitLaplaceOnPoints(defaultInstance('laplace'), defaultInstance('laplace', { c: 3.7 }), p, n, d);
    expect(exact.c).toBe(3.7);
    expect(exact.D).toBeLessThan(1e-12);
    expect(() => fitLaplaceOnPoints(defaultInstance('gauss'), defaultInstance('ntk'), p, n, d)).toThrow(RangeError);
  });

  it('gramMatrix rejects inconsistent shapes', () => {
    expect(() => gramMatrix(defaultInstance('ntk'), new Float64Array(5), 2, 3, true)).toThrow(RangeError);
  });
});
