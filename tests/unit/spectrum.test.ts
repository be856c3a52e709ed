/**
 * Mercer eigenvalues on the sphere (math.md §3): the 40-digit tables for every kernel at d = 2 and 3, the
 * identities of §3 (trace, Mercer reconstruction, the exact zeros of the two-layer NTK), closed forms
 * (d = 3 rationals, the Gaussian's Bessel series), the accuracy floor, extreme parameters, the job protocol
 * and the quadrature underneath.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultInstance, familyOf, type KernelInstance } from '../../src/core/kernels/registry';
import { gaussLegendre } from '../../src/core/spectrum/quadrature';
import {
  log10Multiplicity,
  multiplicity,
  spectrum,
  spectrumJob,
  type SpectrumRequest,
  type SpectrumSeries,
} from '../../src/core/spectrum/spectrum';
import { anyInstance } from './arbitraries';
import { fixture, referenceKernel } from './reference';
import { legendreRows } from './legendre';

const atOne = (k: KernelInstance) => familyOf(k).atOne(k.params);
const one = (kernel: KernelInstance, d: number, kmax: number, unit = false): SpectrumSeries =>
  spectrum({ kernels: [kernel], d, kmax, unit }).series[0];

/**
 * The Gaussian exp(−c‖x−z‖²) on S^{d−1}: λ_k = e^{−2c} Γ(d/2) c^{1−d/2} I_{k+d/2−1}(2c) (tests/fixtures/generate.py).
 * With the power series I_ν(2c) = Σ_m c^{2m+ν} / (m! Γ(m+ν+1)) this is
 *   λ_k = e^{−2c} Σ_m c^{k+2m} / (m! (d/2)_{k+m}),
 * positive terms only (no cancellation), each from the previous by a ratio (no overflow).
 */
function gaussianEigenvalue(d: number, c: number, k: number): number {
  let term = 1; // c^k / (d/2)_k
  for (let i = 0; i < k; i++) term *= c / (d / 2 + i);
  let sum = 0;
  for (let m = 0; term > 1e-18 * sum; m++) {
    sum += term;
    term *= (c * c) / ((m + 1) * (d / 2 + k + m));
  }
  return Math.exp(-2 * c) * sum;
}

describe('λ_k against the 40-digit tables (all kernels, d = 2 and 3, k = 0..400)', () => {
  for (const file of ['eigenvalues_d2.json', 'eigenvalues_d3.json']) {
    const table = fixture(file);
    const names = Object.keys(table.kernels);
    const kernels = names.map(referenceKernel);
    const result = spectrum({ kernels, d: table.d, kmax: 400, unit: false });

    it(`d = ${table.d}: |λ_k − ref| ≤ 1e−13·κ(1) and ≤ floor; relative ≤ 1e−8 where λ_k ≥ 1e−6·λ_0`, () => {
      names.forEach((name, j) => {
        const ref = (table.kernels[name].lambda as string[]).map(Number);
        const { lambda, floor } = result.series[j];
        ref.forEach((r, k) => {
          const error = Math.abs(lambda[k] - r);
          expect(error, `${name} k=${k}`).toBeLessThanOrEqual(1e-13 * atOne(kernels[j]));
          expect(error, `${name} k=${k} (floor)`).toBeLessThanOrEqual(floor);
          if (r >= 1e-6 * ref[0]) expect(error / r, `${name} k=${k} (relative)`).toBeLessThanOrEqual(1e-8);
        });
      });
    });

    it(`d = ${table.d}: the multiplicities of the table`, () => {
      (table.multiplicity as string[]).forEach((n, k) => expect(multiplicity(table.d, k)).toBe(Number(n)));
      expect(Array.from(result.log10Multiplicity.subarray(0, 401))).toEqual(
        (table.multiplicity as string[]).map((n) => Math.log10(Number(n))),
      );
    });

    it(`d = ${table.d}: the two-layer bias-free NTK vanishes at odd k ≥ 3 to within its floor`, () => {
      const j = names.indexOf('ntk_L1_beta0');
      const { lambda, floor } = result.series[j];
      expect(floor).toBeLessThan(1e-14 * atOne(kernels[j]));
      for (let k = 3; k <= 400; k += 2) expect(Math.abs(lambda[k]), `k=${k}`).toBeLessThanOrEqual(floor);
    });

    it(`d = ${table.d}: the truncated trace Σ_{k≤400} N λ_k of the table`, () => {
      names.forEach((name, j) => {
        const { lambda } = result.series[j];
        let sum = 0;
        for (let k = 0; k <= 400; k++) sum += multiplicity(table.d, k) * lambda[k];
        const ref = Number(table.kernels[name].identities.truncated_sum);
        expect(Math.abs(sum - ref), name).toBeLessThanOrEqual(1e-12 * atOne(kernels[j]));
      });
    });
  }
});

describe('closed forms', () => {
  it('d = 3, L = 1, β = 0: λ_0..λ_6 = 1/2, 1/3, 5/64, 0, 1/192, 0, 23/16384', () => {
    const { lambda } = one(defaultInstance('ntk', { L: 1 }), 3, 6);
    [1 / 2, 1 / 3, 5 / 64, 0, 1 / 192, 0, 23 / 16384].forEach((r, k) =>
      expect(Math.abs(lambda[k] - r), `k=${k}`).toBeLessThan(2e-16),
    );
  });

  it('the Gaussian at d = 5, 10 and 30 follows its Bessel series: |error| ≤ floor, relative ≤ 1e−10 above 1e−6·λ_0', () => {
    for (const [d, c] of [
      [5, 0.5],
      [5, 2],
      [5, 10],
      [10, 1],
      [10, 5],
      [30, 1],
    ]) {
      const { lambda, floor } = one(defaultInstance('gauss', { c }), d, 120);
      const lambda0 = gaussianEigenvalue(d, c, 0);
      lambda.forEach((value, k) => {
        const ref = gaussianEigenvalue(d, c, k);
        expect(Math.abs(value - ref), `d=${d} c=${c} k=${k}`).toBeLessThanOrEqual(floor);
        if (ref >= 1e-6 * lambda0) expect(Math.abs(value / ref - 1), `d=${d} c=${c} k=${k}`).toBeLessThan(1e-10);
      });
    }
  });
});

describe('identities of math.md §3', () => {
  // (for larger d, N(d, k) multiplies the rounding-level λ_k of the tail past 1e−14)
  it('trace Σ N(d,k) λ_k = κ(1) for the Gaussian, to 1e−14, at d = 2, 3, 5', () => {
    for (const d of [2, 3, 5]) {
      const k = defaultInstance('gauss', { c: 2 });
      const { lambda } = one(k, d, 80);
      let sum = 0;
      lambda.forEach((l, j) => (sum += multiplicity(d, j) * l));
      expect(Math.abs(sum - 1), `d=${d}`).toBeLessThan(1e-14);
    }
  });

  it('trace for the NTK and the Laplace kernel at d = 3: partial sums S(K) ≈ κ(1) − A/K − B/K² (Richardson)', () => {
    for (const k of [defaultInstance('ntk', { L: 2 }), defaultInstance('laplace', { c: 1 })]) {
      const { lambda } = one(k, 3, 2000);
      const partial = (K: number) => {
        let s = 0;
        for (let j = 0; j <= K; j++) s += (2 * j + 1) * lambda[j];
        return s;
      };
      const [s1, s2, s4] = [partial(500), partial(1000), partial(2000)];
      expect((atOne(k) - s4) / atOne(k), `${k.family} deficit`).toBeGreaterThan(1e-4);
      expect(Math.abs((8 * s4 - 6 * s2 + s1) / 3 - atOne(k)) / atOne(k), k.family).toBeLessThan(1e-8);
    }
  });

  it('Mercer: κ(u) = Σ N λ_k P_k(u): Gaussian to 1e−14 (d = 3, 7), NTK and Laplace to 1e−4 (d = 3, K = 2000)', () => {
    const u = [0.95, 0.7, 0.2, -0.3, -0.9];
    const reconstruct = (k: KernelInstance, d: number, kmax: number) => {
      const { lambda } = one(k, d, kmax);
      const rows = legendreRows(d, u, kmax);
      return u.map((_, i) => rows.reduce((s, row, j) => s + multiplicity(d, j) * lambda[j] * row[i], 0));
    };
    const cases: [KernelInstance, number, number, number][] = [
      [defaultInstance('gauss', { c: 1.5 }), 3, 80, 1e-14],
      [defaultInstance('gauss', { c: 1.5 }), 7, 80, 1e-14],
      [defaultInstance('ntk', { L: 2, beta: 0.5 }), 3, 2000, 1e-4],
      [defaultInstance('laplace', { c: 1 }), 3, 2000, 1e-4],
    ];
    for (const [k, d, kmax, tolerance] of cases) {
      const values = reconstruct(k, d, kmax);
      u.forEach((x, i) => {
        const exact = familyOf(k).onSphere(1 - x, 1 + x, k.params);
        expect(Math.abs(values[i] - exact) / atOne(k), `${k.family} d=${d} u=${x}`).toBeLessThan(tolerance);
      });
    }
  });

  it('positive definiteness: λ_k ≥ −floor for any instance of any family (d ≤ 60, kmax = 30)', () => {
    fc.assert(
      fc.property(anyInstance, fc.integer({ min: 2, max: 60 }), (k, d) => {
        const { lambda, floor } = one(k, d, 30, true);
        return floor > 0 && lambda.every((l) => Number.isFinite(l) && l >= -floor);
      }),
      { numRuns: 30 },
    );
  });
});

describe('accuracy floor', () => {
  /** 30-digit values (mpmath quad of the Funk–Hecke integral, 40 digits working precision), d = 30. */
  const NTK_L1_D30: Record<number, number> = {
    0: 0.334447126665320923264619083169,
    1: 0.0333333333333333333333333333333,
    2: 0.00102160681167279393162634139735,
    18: 1.02596315136749884011352168172e-15,
    20: 1.42468199653181130053820461945e-16,
  };

  it('d = 30: the floor is ~1e−15·κ(1), covers the error, and eigenvalues fall below it from k ≈ 19', () => {
    const k = defaultInstance('ntk', { L: 1 });
    for (const kmax of [40, 400]) {
      const { lambda, floor } = one(k, 30, kmax);
      expect(floor / atOne(k)).toBeGreaterThan(1e-16);
      expect(floor / atOne(k)).toBeLessThan(5e-15);
      for (const [j, ref] of Object.entries(NTK_L1_D30)) {
        expect(Math.abs(lambda[Number(j)] - ref), `k=${j}`).toBeLessThanOrEqual(floor);
      }
      for (let j = 0; j <= 14; j += 2) expect(lambda[j], `k=${j}`).toBeGreaterThan(floor);
      for (let j = 22; j <= 40; j++) expect(Math.abs(lambda[j]), `k=${j}`).toBeLessThanOrEqual(floor);
    }
  });

  it('the Gaussian below 1e−300 is not shown as signal: every λ_k past the floor stays under it', () => {
    const { lambda, floor } = one(defaultInstance('gauss', { c: 1 }), 3, 400);
    expect(gaussianEigenvalue(3, 1, 200)).toBeLessThan(1e-300);
    for (let k = 0; k <= 400; k++) {
      const ref = gaussianEigenvalue(3, 1, k);
      expect(Math.abs(lambda[k] - ref), `k=${k}`).toBeLessThanOrEqual(floor);
    }
  });

  it('unit normalization divides λ_k and the floor by κ(1)', () => {
    const k = defaultInstance('ntk', { L: 3, beta: 1 });
    const raw = one(k, 4, 50);
    const unit = one(k, 4, 50, true);
    expect(unit.floor).toBeCloseTo(raw.floor / atOne(k), 30);
    raw.lambda.forEach((l, j) => expect(unit.lambda[j]).toBe(l / atOne(k)));
  });
});

describe('extreme requests', () => {
  const corners = [
    defaultInstance('ntk', { L: 100, beta: 10 }),
    defaultInstance('ntk', { L: 100, beta: 10, bias: 'random' }),
    defaultInstance('laplace', { c: 0.01 }),
    defaultInstance('laplace', { c: 100 }),
    defaultInstance('gexp', { gamma: 0.01, c: 0.01 }),
    defaultInstance('gexp', { gamma: 0.01, c: 100 }),
    defaultInstance('gexp', { gamma: 2, c: 100 }),
    defaultInstance('gauss', { c: 0.01 }),
  ];

  for (const d of [1000, 2]) {
    it(`d = ${d}, kmax = 5000, L = 100, β = 10, c = 0.01 and 100, γ = 0.01 and 2: finite values, floor > 0`, () => {
      const result = spectrum({ kernels: corners, d, kmax: 5000, unit: true });
      expect(result.log10Multiplicity.every(Number.isFinite)).toBe(true);
      for (const { lambda, floor } of result.series) {
        expect(lambda.length).toBe(5001);
        expect(lambda.every(Number.isFinite)).toBe(true);
        expect(floor > 0 && Number.isFinite(floor)).toBe(true);
        expect(lambda[0]).toBeGreaterThan(-floor);
      }
    });
  }

  it('d and kmax out of range are refused', () => {
    const k = [defaultInstance('laplace')];
    for (const [d, kmax] of [
      [1, 10],
      [1001, 10],
      [3, 0],
      [3, 5001],
      [3.5, 10],
    ]) {
      expect(() => spectrum({ kernels: k, d, kmax, unit: true }), `d=${d} kmax=${kmax}`).toThrow(RangeError);
    }
  });
});

describe('spectrumJob', () => {
  it('yields progress in [0, 1], non-decreasing, often for a large request, and returns what spectrum returns', () => {
    const req: SpectrumRequest = {
      kernels: [defaultInstance('ntk', { L: 3 }), defaultInstance('gexp', { gamma: 1.5 })],
      d: 3,
      kmax: 2000,
      unit: true,
    };
    const job = spectrumJob(req);
    const progress: number[] = [];
    let step = job.next();
    while (!step.done) {
      progress.push(step.value);
      step = job.next();
    }
    expect(progress.length).toBeGreaterThan(3);
    progress.forEach((p, i) => {
      expect(p).toBeGreaterThanOrEqual(i > 0 ? progress[i - 1] : 0);
      expect(p).toBeLessThanOrEqual(1);
    });
    expect(step.value).toEqual(spectrum(req));
    expect(step.value.log10Multiplicity[2000]).toBe(log10Multiplicity(3, 2000));
  });

  it('no kernels: an empty series list', () => {
    expect(spectrum({ kernels: [], d: 5, kmax: 10, unit: true }).series).toEqual([]);
  });
});

describe('Gauss–Legendre rules (quadrature.ts)', () => {
  it('integrate polynomials of degree 2n − 1, and cos(ns), for n from 5 to 3000', () => {
    for (const n of [5, 59, 60, 61, 200, 1001, 3000]) {
      const { nodes, nodesLow, weights } = gaussLegendre(n);
      expect(
        weights.reduce((a, b) => a + b, 0),
        `n=${n}`,
      ).toBeCloseTo(1, 14);
      // ∫_0^1 (2s − 1)^j ds = 1/(j + 1) for even j, 0 for odd j
      for (const j of [2, 8, 2 * n - 2, 2 * n - 1]) {
        const sum = nodes.reduce((s, x, i) => s + weights[i] * (2 * x - 1) ** j, 0);
        expect(Math.abs(sum - (j % 2 ? 0 : 1 / (j + 1))), `n=${n} j=${j}`).toBeLessThan(1e-15);
      }
      // cos(ωs) is cos((ω/2)x) in x = 2s − 1: resolved by degree 2n − 1 for ω = n ≥ 59 (the rounding of
      // the phase n·s, ~nε per node, averages to ~√n ε)
      if (n >= 59) {
        const sum = nodes.reduce((s, x, i) => s + weights[i] * Math.cos(n * (x + nodesLow[i])), 0);
        expect(Math.abs(sum - Math.sin(n) / n), `n=${n} ω=${n}`).toBeLessThan(4e-16 * Math.sqrt(n));
      }
      for (let i = 0; i < n; i++) {
        expect(nodes[i] + nodes[n - 1 - i], `n=${n} symmetric`).toBeCloseTo(1, 15);
        if (i > 0) expect(nodes[i]).toBeGreaterThan(nodes[i - 1]);
      }
    }
  });
});
