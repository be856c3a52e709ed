/**
 * Random features for the NTK (docs/finite.md §3, src/core/finite/features.ts, tensorSrht.ts) and the
 * random-features view (src/core/views/featuresView.ts):
 * - the Walsh–Hadamard transform (HH = p·I) and TensorSRHT's unbiasedness for a tensor product;
 * - the L = 1 map unbiased: the mean of K̂ over 400 independent draws within 4 standard errors of the
 *   analytic NTK (src/core/kernels/ntk.ts) at every entry, for β = 0 and β > 0 in both bias conventions;
 * - the sketched map (L ≥ 2) converging to the analytic NTK in every convention (a wrong bias term would
 *   leave an error floor of ~β²/Θ);
 * - the Gram error falling like D^{−1/2}: fitted slope within 0.15 of −½ (L = 1) and 0.2 (L = 2, whose
 *   O(1/D) bias steepens the start);
 * - the view: its ladder of dimensions, the point cap, non-NTK instances skipped, the work cap, no NaN.
 */
import { describe, expect, it } from 'vitest';
import { arcCosineNtkGrams, featureGram, sketchedNtkFeatures } from '../../src/core/finite/features';
import { applyTensorSrht, drawTensorSrht, walshHadamard } from '../../src/core/finite/tensorSrht';
import type { NtkParams } from '../../src/core/kernels/ntk';
import { defaultInstance, type KernelInstance } from '../../src/core/kernels/registry';
import { logLogFit } from '../../src/core/numerics/logLogSlope';
import { seededRandom } from '../../src/core/numerics/random';
import { gramMatrix, pointCloud } from '../../src/core/offsphere/gram';
import {
  FEATURES_MAX_POINTS,
  FEATURES_WORK_CAP,
  affordableDims,
  featureDims,
  featureNotes,
  featuresView,
} from '../../src/core/views/featuresView';

const drain = <T>(job: Generator<number, T>): T => {
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
  }
};

const ntk = (p: NtkParams): KernelInstance => defaultInstance('ntk', { L: p.L, beta: p.beta, bias: p.bias });

const relativeError = (estimate: Float64Array, exact: Float64Array) => {
  let num = 0;
  let den = 0;
  for (let i = 0; i < exact.length; i++) {
    num += (estimate[i] - exact[i]) ** 2;
    den += exact[i] ** 2;
  }
  return Math.sqrt(num / den);
};

describe('TensorSRHT', () => {
  it('applies the unnormalized Walsh–Hadamard matrix: twice is p times the identity', () => {
    const rng = seededRandom(3);
    const a = Float64Array.from({ length: 16 }, () => rng.normal());
    const b = a.slice();
    walshHadamard(b, 0, 16);
    expect(b[0]).toBeCloseTo(
      a.reduce((s, v) => s + v, 0),
      12,
    );
    walshHadamard(b, 0, 16);
    for (let i = 0; i < 16; i++) expect(b[i]).toBeCloseTo(16 * a[i], 12);
  });

  it('keeps ⟨u⊗v, u′⊗v′⟩ = (uᵀu′)(vᵀv′) in expectation (mean of 2000 sketches within 4 standard errors)', () => {
    const rng = seededRandom(11);
    const [p, q, D] = [5, 12, 8];
    const U = Float64Array.from({ length: 2 * p }, () => rng.normal());
    const V = Float64Array.from({ length: 2 * q }, () => rng.normal());
    let uu = 0;
    let vv = 0;
    for (let k = 0; k < p; k++) uu += U[k] * U[p + k];
    for (let k = 0; k < q; k++) vv += V[k] * V[q + k];
    const draws = 2000;
    let sum = 0;
    let sumSq = 0;
    for (let r = 0; r < draws; r++) {
      const S = applyTensorSrht(drawTensorSrht(p, q, D, rng), U, V, 2);
      let dot = 0;
      for (let k = 0; k < D; k++) dot += S[k] * S[D + k];
      sum += dot;
      sumSq += dot * dot;
    }
    const mean = sum / draws;
    const se = Math.sqrt((sumSq / draws - mean * mean) / draws);
    expect(Math.abs(mean - uu * vv)).toBeLessThan(4 * se);
  });
});

describe('random features for L = 1 (arc-cosine, exact in expectation)', () => {
  const n = 6;
  const d = 3;
  const X = pointCloud(n, d, 1, 7);
  it.each([
    { L: 1, beta: 0, bias: 'zero' },
    { L: 1, beta: 0.7, bias: 'zero' },
    { L: 1, beta: 0.7, bias: 'random' },
  ] as const)('mean of K̂ over 400 draws (D = 16) within 4 standard errors of the NTK at every entry: %o', (p) => {
    const K = gramMatrix(ntk(p), X, n, d, false);
    const draws = 400;
    const sum = new Float64Array(n * n);
    const sumSq = new Float64Array(n * n);
    const rng = seededRandom(2024);
    for (let r = 0; r < draws; r++) {
      drain(
        arcCosineNtkGrams(X, n, d, p, [16], rng, (_D, gram) => {
          for (let e = 0; e < gram.length; e++) {
            sum[e] += gram[e];
            sumSq[e] += gram[e] * gram[e];
          }
        }),
      );
    }
    for (let e = 0; e < K.length; e++) {
      const mean = sum[e] / draws;
      const se = Math.sqrt(Math.max(sumSq[e] / draws - mean * mean, 0) / draws);
      expect(Math.abs(mean - K[e])).toBeLessThanOrEqual(4 * se + 1e-12);
    }
  });

  it('the nested estimates equal those of the same directions drawn for the smaller D alone', () => {
    const p: NtkParams = { L: 1, beta: 0, bias: 'zero' };
    const seen = new Map<number, Float64Array>();
    drain(arcCosineNtkGrams(X, n, d, p, [16, 64], seededRandom(5), (D, g) => seen.set(D, g.slice())));
    drain(arcCosineNtkGrams(X, n, d, p, [16], seededRandom(5), (D, g) => seen.set(-D, g.slice())));
    expect(Array.from(seen.get(16)!)).toEqual(Array.from(seen.get(-16)!));
  });
});

describe('the sketched map for deeper NTKs', () => {
  const n = 32;
  const d = 4;
  const X = pointCloud(n, d, 1, 9);
  it.each([
    { L: 2, beta: 0, bias: 'zero' },
    { L: 2, beta: 1, bias: 'zero' },
    { L: 2, beta: 1, bias: 'random' },
    { L: 3, beta: 0.5, bias: 'random' },
  ] as const)(
    'converges to the analytic NTK: relative Gram error < 12 % at D = 2048 (> 4× smaller than at D = 32): %o',
    (p) => {
      const K = gramMatrix(ntk(p), X, n, d, false);
      const errorAt = (D: number) => {
        const { features, dim } = drain(sketchedNtkFeatures(X, n, d, p, D, seededRandom(100 + D)));
        return relativeError(drain(featureGram(features, n, dim)), K);
      };
      const fine = errorAt(2048);
      expect(fine).toBeLessThan(0.12);
      expect(fine).toBeLessThan(errorAt(32) / 4);
    },
  );
});

describe('the random-features view', () => {
  it('the ladder of dimensions: powers of two from 16, and rf itself last', () => {
    expect(featureDims(1024)).toEqual([16, 32, 64, 128, 256, 512, 1024]);
    expect(featureDims(1000)).toEqual([16, 32, 64, 128, 256, 512, 1000]);
    expect(featureDims(16)).toEqual([16]);
  });

  it('a log–log slope needs two dimensions', () => {
    expect(logLogFit([16], [0.3])).toBeNull();
    expect(logLogFit([16, 64], [0.4, 0.2])!.slope).toBeCloseTo(-0.5, 12);
  });

  it('the error falls like D^{−1/2}: slope within 0.15 of −½ for L = 1 and within 0.2 for L = 2', () => {
    const view = featuresView({
      kernels: [ntk({ L: 1, beta: 0, bias: 'zero' }), ntk({ L: 2, beta: 0, bias: 'zero' })],
      n: 500,
      d: 3,
      rf: 1024,
      seed: 1,
    });
    const [one, two] = view.series;
    expect(one.method).toBe('arc-cosine');
    expect(two.method).toBe('sketched');
    expect(Math.abs(one.slope! + 0.5)).toBeLessThan(0.15);
    expect(Math.abs(two.slope! + 0.5)).toBeLessThan(0.2);
    for (const s of view.series) {
      expect(s.dims).toEqual(view.dims);
      for (const v of [...s.error, ...s.ms]) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it('caps the points, skips what is not an NTK and says so; a single D has no slope', () => {
    const kernels = [defaultInstance('laplace'), ntk({ L: 1, beta: 0, bias: 'zero' })];
    const view = featuresView({ kernels, n: 2000, d: 5, rf: 16, seed: 3 });
    expect(view.n).toBe(FEATURES_MAX_POINTS);
    expect(view.skipped).toEqual([0]);
    expect(view.series.map((s) => s.index)).toEqual([1]);
    expect(view.series[0].slope).toBeNull();
    const notes = featureNotes(view, kernels).join(' ');
    expect(notes).toContain('first 128');
    expect(notes).toContain('not an NTK');
    expect(featuresView({ kernels: [defaultInstance('gauss')], n: 50, d: 3, rf: 64, seed: 1 }).series).toEqual([]);
  });

  it('leaves out the dimensions beyond the work cap (deep NTKs at large D), keeping at least one', () => {
    const ladder = featureDims(65536);
    expect(affordableDims(1, 128, 3, ladder, FEATURES_WORK_CAP)).toEqual(ladder);
    const deep = affordableDims(8, 128, 3, ladder, FEATURES_WORK_CAP);
    expect(deep.length).toBeGreaterThan(1);
    expect(deep.length).toBeLessThan(ladder.length);
    expect(ladder.slice(0, deep.length)).toEqual(deep);
    // the cap is shared: eight instances get an eighth each, and at least the first dimension
    expect(affordableDims(8, 128, 3, ladder, FEATURES_WORK_CAP / 8).length).toBeLessThan(deep.length);
    expect(affordableDims(100, 128, 1000, ladder, 1e6)).toEqual([16]);
  });
});
