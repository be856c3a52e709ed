/**
 * The automatic fit window follows the data (math.md §4 "Fit window", issue 14 item 5): the v1 window
 * [⌈kmax/2⌉, kmax] wherever it holds at least 3 eigenvalues above the floor (no quoted slope changes),
 * otherwise the upper half [⌈K/2⌉, K] of the degrees up to K, the last one above the floor.
 */
import { describe, expect, it } from 'vitest';
import { defaultInstance, familyOf, type KernelInstance } from '../../src/core/kernels/registry';
import {
  fitAutomaticTail,
  fitSpectrumTails,
  fitTail,
  fitWindow,
  lastAboveFloor,
  type TailFit,
} from '../../src/core/spectrum/decayFit';
import { spectrum } from '../../src/core/spectrum/spectrum';

const KERNELS: KernelInstance[] = [
  defaultInstance('ntk', { L: 2 }),
  defaultInstance('laplace'),
  defaultInstance('gexp', { gamma: 0.5 }),
  defaultInstance('gauss'),
  defaultInstance('ntk'),
  defaultInstance('ntk', { beta: 1 }),
  defaultInstance('matern'),
];

function automaticFits(kernels: KernelInstance[], d: number, kmax: number, automatic: boolean) {
  const result = spectrum({ kernels, d, kmax, unit: true });
  const oddVanish = kernels.map((k) => familyOf(k).decay(d, k.params).oddVanish);
  return { result, fits: fitSpectrumTails(result.series, oddVanish, fitWindow(kmax, 0, 0), 'all', automatic) };
}

const fitted = (f: TailFit | null): TailFit => {
  expect(f).not.toBeNull();
  return f as TailFit;
};

describe('fitAutomaticTail on exact power laws cut by a floor', () => {
  // λ_k = k^−4, and a floor between λ_30 and λ_31: degrees 1..30 are above it
  const lambda = Float64Array.from({ length: 201 }, (_, k) => (k === 0 ? 1 : k ** -4));
  const floor = 30.5 ** -4;

  it('the v1 window [100, 200] lies at the floor: the upper half [15, 30] of the degrees above it is fitted', () => {
    expect(fitTail(lambda, floor, 100, 200, 'all')).toBeNull();
    expect(lastAboveFloor(lambda, floor, 200, 'all')).toBe(30);
    const fit = fitted(fitAutomaticTail(lambda, floor, 100, 200, 'all'));
    expect(fit).toMatchObject({ kFrom: 15, kTo: 30, points: 16, adapted: true });
    expect(fit.slope).toBeCloseTo(-4, 12);
  });

  it('a window with at least 3 eigenvalues above the floor is kept as it is', () => {
    for (const [lo, hi] of [
      [28, 200],
      [10, 30],
      [1, 200],
    ]) {
      const fit = fitted(fitAutomaticTail(lambda, floor, lo, hi, 'all'));
      expect(fit).toEqual(fitted(fitTail(lambda, floor, lo, hi, 'all')));
      expect(fit.adapted).toBeUndefined();
    }
  });

  it('parity: the even-only fit uses the upper half of the even degrees above the floor', () => {
    expect(lastAboveFloor(lambda, floor, 200, 'even')).toBe(30);
    expect(lastAboveFloor(lambda, floor, 200, 'odd')).toBe(29);
    expect(fitted(fitAutomaticTail(lambda, floor, 100, 200, 'even'))).toMatchObject({ kFrom: 16, kTo: 30, points: 8 });
    expect(fitted(fitAutomaticTail(lambda, floor, 100, 200, 'odd'))).toMatchObject({ kFrom: 15, kTo: 29, points: 8 });
  });

  it('the window end still bounds the degrees used', () => {
    expect(fitted(fitAutomaticTail(lambda, floor, 100, 20, 'all'))).toMatchObject({ kFrom: 10, kTo: 20 });
  });

  it('fewer than 3 degrees above the floor at all: no fit, and never NaN', () => {
    const short = Float64Array.from({ length: 201 }, (_, k) => (k <= 2 ? 1 : 0));
    expect(lastAboveFloor(short, 1e-15, 200, 'all')).toBe(2);
    expect(fitAutomaticTail(short, 1e-15, 100, 200, 'all')).toBeNull();
    expect(fitAutomaticTail(new Float64Array(201), 0, 100, 200, 'all')).toBeNull();
    expect(lastAboveFloor(new Float64Array(0), 0, 200, 'all')).toBe(0);
  });
});

describe('computed spectra', () => {
  it('links v1: wherever the v1 window has 3 eigenvalues above the floor, the automatic fit is the v1 fit', () => {
    for (const [d, kmax] of [
      [2, 200],
      [3, 200],
      [3, 100],
      [5, 200],
      [5, 400],
      [10, 50],
      [4, 1000],
    ]) {
      const v1 = automaticFits(KERNELS, d, kmax, false).fits;
      const now = automaticFits(KERNELS, d, kmax, true).fits;
      v1.forEach((fit, i) => {
        if (fit) expect(now[i], `d = ${d}, kmax = ${kmax}, kernel ${i + 1}`).toEqual(fit);
        else expect(now[i]?.adapted ?? true, `d = ${d}, kmax = ${kmax}, kernel ${i + 1}`).toBe(true);
      });
    }
    // the quoted default: Laplace at d = 3 over [100, 200], −2.989 (decay-fit.test.ts)
    const laplace = automaticFits([defaultInstance('laplace')], 3, 200, true).fits[0];
    expect(fitted(laplace)).toMatchObject({ kFrom: 100, kTo: 200, points: 101 });
  });

  it('d = 10, kmax = 200: NTK and Laplace get a fit on the degrees above the floor, slope within 0.75 of −10', () => {
    const kernels = [defaultInstance('ntk', { L: 2 }), defaultInstance('ntk'), defaultInstance('laplace')];
    const { result, fits } = automaticFits(kernels, 10, 200, true);
    // the v1 window [100, 200] holds no eigenvalue above the floor for any of them
    expect(automaticFits(kernels, 10, 200, false).fits).toEqual([null, null, null]);
    fits.forEach((f, i) => {
      const fit = fitted(f);
      const parity = i === 1 ? 'even' : 'all';
      const last = lastAboveFloor(result.series[i].lambda, result.series[i].floor, 200, parity);
      expect(fit.adapted).toBe(true);
      expect(fit.kTo).toBe(last);
      expect(fit.kFrom).toBeGreaterThanOrEqual(Math.ceil(last / 2));
      // measured: −9.31 (NTK L=2, k ∈ [38, 76]), −9.35 (NTK L=1, even k ∈ [38, 76]), −9.40 (Laplace, [43, 85]);
      // finite-k fits approach −d from above
      expect(fit.slope).toBeGreaterThan(-10);
      expect(fit.slope).toBeLessThan(-9.25);
      expect(fit.points).toBeGreaterThanOrEqual(15);
    });
  });

  it('d = 1000: every eigenvalue beyond k = 5 is at the floor, so a fit can only use k ≤ 5', () => {
    const { result, fits } = automaticFits(KERNELS, 1000, 200, true);
    result.series.forEach((s, i) => {
      expect(lastAboveFloor(s.lambda, s.floor, 200, 'all')).toBeLessThanOrEqual(5);
      if (fits[i]) expect(fits[i]?.kTo).toBeLessThanOrEqual(5);
    });
  });
});
