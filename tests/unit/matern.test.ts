/**
 * The Matérn family (math.md §2.5, §4): values against the high-precision reference (tests/fixtures/matern.json),
 * eigenvalues through the app's spectrum core against the reference, ν = ½ is the Laplace kernel bit for bit,
 * the tail slopes approach −(d − 1 + 2ν), and the identities of math.md §3.
 */
import { describe, expect, it } from 'vitest';
import { defaultInstance, familyOf, type KernelInstance } from '../../src/core/kernels/registry';
import { registryRowKernel, rowKernel, type PairRow } from '../../src/core/kernels/rows';
import { fitTail } from '../../src/core/spectrum/decayFit';
import { multiplicity, spectrum, type SpectrumSeries } from '../../src/core/spectrum/spectrum';
import { legendreRows } from './legendre';
import { carriedFromReferenceAngle, fixture, referenceKernel, relativeError } from './reference';

const one = (kernel: KernelInstance, d: number, kmax: number): SpectrumSeries =>
  spectrum({ kernels: [kernel], d, kmax, unit: false }).series[0];

const NUS = [0.5, 1.5, 2.5] as const;

/** The high-precision reference (tests/fixtures/generate.py). */
const REF = fixture('matern.json');

describe('Matérn eigenvalues against matern.json: floor, relative accuracy, identities and slopes', () => {
  for (const key of Object.keys(REF.eigenvalues)) {
    const table = REF.eigenvalues[key];
    const names = Object.keys(table.kernels);
    const kmax = table.K as number;
    const result = spectrum({ kernels: names.map(referenceKernel), d: table.d, kmax, unit: false });

    it(`d = ${table.d}: |λ_k − ref| ≤ 1e−13·κ(1) and ≤ floor for k ≤ ${kmax}; relative ≤ 1e−8 where λ_k ≥ 1e−6·λ_0`, () => {
      names.forEach((name, j) => {
        const ref = (table.kernels[name].lambda as (string | null)[]).map(Number);
        const { lambda, floor } = result.series[j];
        ref.forEach((r, k) => {
          const error = Math.abs(lambda[k] - r);
          expect(error, `${name} k=${k}`).toBeLessThanOrEqual(1e-13); // κ(1) = 1
          expect(error, `${name} k=${k} (floor)`).toBeLessThanOrEqual(floor);
          if (r >= 1e-6 * ref[0]) expect(error / r, `${name} k=${k} (relative)`).toBeLessThanOrEqual(1e-8);
        });
      });
    });

    // N(d,k) multiplies the rounding of λ_k: ~1e−14 at d = 2, 3, ~2e−12 at d = 5 (N(5,400) ≈ 1e7)
    const tolerance = table.d <= 3 ? 5e-14 : 5e-12;
    it(`d = ${table.d}: the truncated trace and the Mercer partial sums Σ_{k≤${kmax}} N λ_k P_k(u) of the reference to ${tolerance}`, () => {
      names.forEach((name, j) => {
        const { lambda } = result.series[j];
        const { truncated_sum, mercer } = table.kernels[name].identities;
        let trace = 0;
        for (let k = 0; k <= kmax; k++) trace += multiplicity(table.d, k) * lambda[k];
        expect(Math.abs(trace - Number(truncated_sum)), `${name} trace`).toBeLessThanOrEqual(tolerance);
        // the sweep wants ascending δ = 1 − u: the reference's u in descending order
        const points = [...(mercer as { u: string; partial_sum: string }[])].sort((p, q) => Number(q.u) - Number(p.u));
        const rows = legendreRows(
          table.d,
          points.map((m) => Number(m.u)),
          kmax,
        );
        points.forEach((m, i) => {
          let sum = 0;
          for (let k = 0; k <= kmax; k++) sum += multiplicity(table.d, k) * lambda[k] * rows[k][i];
          expect(Math.abs(sum - Number(m.partial_sum)), `${name} u=${m.u}`).toBeLessThanOrEqual(tolerance);
        });
      });
    });

    it(`d = ${table.d}: tail slopes from [100, ${kmax}] match the reference's (its own slope, or on the window where λ_k ≥ 1e4·floor)`, () => {
      const compared: string[] = [];
      names.forEach((name, j) => {
        const entry = table.kernels[name];
        const { lambda, floor } = result.series[j];
        const [from, to] = entry.tail_slope_window as [number, number];
        const ref = Float64Array.from(entry.lambda as string[], Number);
        // near the floor the rounding of λ_k tilts a fit: end the window where λ_k is still ≥ 1e4·floor
        let end = to;
        while (end > from && !(lambda[end] >= 1e4 * floor)) end--;
        if (end - from < 20) return; // at or below the floor almost from k = 100 (large c at d = 5)
        const ours = fitTail(lambda, floor, from, end, 'all')!;
        if (end === to) expect(Math.abs(ours.slope - entry.tail_slope), name).toBeLessThan(1e-7);
        // λ_k ≥ 1e4·floor: relative rounding ≤ 1e−4 at the window's end, ≪ 1e−6 in the slope
        const theirs = fitTail(ref, 0, from, end, 'all')!.slope;
        expect(Math.abs(ours.slope - theirs), `${name} [${from}, ${end}]`).toBeLessThan(1e-6);
        compared.push(name);
      });
      // the others reach the floor within ~20 degrees of k = 100 (ν = 5/2, or c = 100 at d = 5)
      expect(compared.length).toBeGreaterThanOrEqual(table.d === 5 ? 3 : 6);
    });
  }
});

describe('Matérn against the high-precision reference (tests/fixtures/matern.json)', () => {
  it('on the sphere, at the 41 cosines and at the extreme angles (θ = 1e−12 … π − 1e−12): ≤ 1e−12 relative', () => {
    let worst = 0;
    for (const [name, values] of Object.entries<string[]>(REF.sphere.values)) {
      const k = referenceKernel(name);
      REF.sphere.u.forEach((text: string, i: number) => {
        const u = Number(text);
        const got = familyOf(k).onSphere(1 - u, 1 + u, k.params);
        worst = Math.max(worst, relativeError(got, Number(values[i])));
      });
    }
    for (const [name, values] of Object.entries<string[]>(REF.extreme.values)) {
      const k = referenceKernel(name);
      REF.extreme.theta.forEach((text: string, i: number) => {
        const { delta, sigma } = carriedFromReferenceAngle(text);
        worst = Math.max(worst, relativeError(familyOf(k).onSphere(delta, sigma, k.params), Number(values[i])));
      });
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it('off the sphere, native and homogeneous, the origin included: ≤ 1e−12 relative', () => {
    for (const { x, z, kernel, value } of REF.off_sphere) {
      const k = referenceKernel(kernel);
      expect(relativeError(familyOf(k).onRd(x, z, k.params), Number(value)), `${kernel} ${x} ${z}`).toBeLessThan(1e-12);
    }
  });
});

describe('Matérn: closed forms and special cases', () => {
  it('κ(1) = 1, and the values of math.md §2.5 at r = 1 (δ = ½)', () => {
    const at = (nu: number, c: number) => familyOf(defaultInstance('matern', { nu, c })).onSphere(0.5, 1.5, { nu, c });
    for (const nu of NUS) {
      const k = defaultInstance('matern', { nu });
      expect(familyOf(k).atOne(k.params)).toBe(1);
      expect(familyOf(k).onSphere(0, 2, k.params)).toBe(1);
    }
    const s3 = Math.sqrt(3);
    const s5 = Math.sqrt(5);
    expect(at(0.5, 2)).toBeCloseTo(Math.exp(-2), 15);
    expect(at(1.5, 2)).toBeCloseTo((1 + 2 * s3) * Math.exp(-2 * s3), 15);
    expect(at(2.5, 2)).toBeCloseTo((1 + 2 * s5 + 20 / 3) * Math.exp(-2 * s5), 15);
  });

  it('ν = ½ is the Laplace kernel with the same c, bit for bit: sphere, R^d, hom, rows and spectrum', () => {
    for (const c of [0.01, 0.37, 1, 2, 100]) {
      for (const hom of [0, 1]) {
        const m = defaultInstance('matern', { nu: 0.5, c, hom });
        const l = defaultInstance('laplace', { c, hom });
        const [fm, fl] = [familyOf(m), familyOf(l)];
        for (let i = 0; i <= 200; i++) {
          const { delta, sigma } = carriedFromReferenceAngle(String((Math.PI * i) / 200));
          expect(fm.onSphere(delta, sigma, m.params)).toBe(fl.onSphere(delta, sigma, l.params));
        }
        for (const [x, z] of [
          [
            [0.3, -1.2, 2],
            [1.1, 0.4, -0.5],
          ],
          [
            [0, 0, 0],
            [1, 2, 3],
          ],
          [
            [1e-8, 2, 0],
            [1e-8, 2, 1e-9],
          ],
        ]) {
          expect(fm.onRd(x, z, m.params)).toBe(fl.onRd(x, z, l.params));
        }
        const row = pairRow(1.3, [0, 0.5, 1, 2.5, 7], [0, 1e-12, 0.3, 1, 2]);
        const [a, b] = [new Float64Array(5), new Float64Array(5)];
        rowKernel(m, true)(row, 0, 5, a, 0, 1);
        rowKernel(l, true)(row, 0, 5, b, 0, 1);
        expect(a).toEqual(b);
      }
      for (const d of [2, 3, 7]) {
        const [sm, sl] = [
          one(defaultInstance('matern', { nu: 0.5, c }), d, 300),
          one(defaultInstance('laplace', { c }), d, 300),
        ];
        expect(sm.lambda).toEqual(sl.lambda);
        expect(sm.floor).toBe(sl.floor);
      }
    }
  });

  it('the fast rows reproduce onRd (registryRowKernel), hom or not', () => {
    const row = pairRow(0.7, [0, 1e-9, 0.5, 1, 3, 40], [0, 1e-14, 1e-6, 0.4, 1.7, 2]);
    for (const nu of NUS) {
      for (const c of [0.01, 1, 100]) {
        for (const hom of [0, 1]) {
          const k = defaultInstance('matern', { nu, c, hom });
          const [fast, slow] = [new Float64Array(6), new Float64Array(6)];
          rowKernel(k, false)(row, 0, 6, fast, 0, 1);
          registryRowKernel(k, false)(row, 0, 6, slow, 0, 1);
          fast.forEach((v, j) => {
            expect(Math.abs(v - slow[j]), `ν=${nu} c=${c} hom=${hom} j=${j}`).toBeLessThanOrEqual(
              1e-12 * Math.abs(slow[j]) + 1e-300,
            );
          });
        }
      }
    }
  });
});

/**
 * Pairs (x, z_j) in the plane with ‖x‖ = nx, ‖z_j‖ = nz[j] and carried cosines δ_j (σ = 2 − δ), with
 * r² = ‖x − z‖² = (nx − nz)² + 2·nx·nz·δ formed without cancellation.
 */
function pairRow(nx: number, nz: number[], delta: number[]): PairRow {
  const n = nz.length;
  const row: PairRow = {
    nx,
    nz: Float64Array.from(nz),
    delta: Float64Array.from(delta),
    sigma: Float64Array.from(delta, (t) => 2 - t),
    dot: new Float64Array(n),
    r2: new Float64Array(n),
  };
  for (let j = 0; j < n; j++) {
    row.dot[j] = nx * nz[j] * (1 - delta[j]);
    row.r2[j] = (nx - nz[j]) ** 2 + 2 * nx * nz[j] * delta[j];
  }
  return row;
}

describe('Matérn: decay rates (math.md §4)', () => {
  // the window [kmax/2, kmax]; at d = 5 the eigenvalues of ν = 5/2 reach the floor near k = 100, and the
  // finite-k fits sit further above the rate (the local slope approaches it like k/(k + const·d))
  const cases: [d: number, kmax: number, tolerance: number][] = [
    [2, 200, 0.01],
    [3, 200, 0.03],
    [5, 100, 0.2],
  ];
  for (const [d, kmax, tolerance] of cases) {
    it(`d = ${d}: the tail slope over [${kmax / 2}, ${kmax}] is within ${tolerance} above −(d − 1 + 2ν)`, () => {
      for (const nu of NUS) {
        const k = defaultInstance('matern', { nu });
        const { lambda, floor } = one(k, d, kmax);
        const fit = fitTail(lambda, floor, kmax / 2, kmax, 'all')!;
        const rate = familyOf(k).decay(d, k.params).exponent!;
        expect(rate).toBe(-(d - 1 + 2 * nu));
        expect(fit.points, `ν=${nu}`).toBe(kmax / 2 + 1);
        expect(fit.slope - rate, `ν=${nu}: slope ${fit.slope}`).toBeGreaterThan(0);
        expect(fit.slope - rate, `ν=${nu}: slope ${fit.slope}`).toBeLessThan(tolerance);
      }
    });
  }
});

describe('Matérn: identities of math.md §3', () => {
  /** λ_0..λ_2000 and the partial sums of N(d,k)·λ_k·P_k(u), for c = 2. */
  function partialSums(nu: number, d: number, u: readonly number[]) {
    const k = defaultInstance('matern', { nu, c: 2 });
    const kmax = 2000;
    const { lambda } = one(k, d, kmax);
    const rows = legendreRows(d, u, kmax);
    const sums = u.map(() => 0);
    const trace = new Float64Array(kmax + 1);
    let t = 0;
    for (let j = 0; j <= kmax; j++) {
      const w = multiplicity(d, j) * lambda[j];
      trace[j] = t += w;
      u.forEach((_, i) => (sums[i] += w * rows[j][i]));
    }
    return { kernel: k, trace, sums };
  }

  it('trace Σ N(d,k) λ_k = κ(1) = 1 (d = 2, 3): partial sums S(K) ≈ 1 − A/K^{2ν} − B/K^{2ν+1} (Richardson)', () => {
    for (const d of [2, 3]) {
      for (const nu of [1.5, 2.5]) {
        const { trace } = partialSums(nu, d, []);
        const [s1, s2, s4] = [trace[500], trace[1000], trace[2000]];
        const richardson = (a: number, b: number, p: number) => (2 ** p * b - a) / (2 ** p - 1);
        const p = 2 * nu;
        const limit = richardson(richardson(s1, s2, p), richardson(s2, s4, p), p + 1);
        expect(1 - s4, `ν=${nu} d=${d} deficit`).toBeGreaterThan(0);
        expect(Math.abs(limit - 1), `ν=${nu} d=${d}`).toBeLessThan(1e-13);
      }
    }
  });

  // the truncation after K = 2000 leaves ~1e−11 for ν = 3/2 (terms ~k^{−4} at d = 2), ~1e−14 for ν = 5/2
  it('Mercer: κ(u) = Σ N(d,k) λ_k P_k(u) for u ≤ 0.95 to 2e−11 (ν = 3/2) and 1e−13 (ν = 5/2), d = 2, 3, 5, K = 2000', () => {
    const u = [0.95, 0.7, 0.2, -0.3, -0.9, -1];
    for (const d of [2, 3, 5]) {
      for (const nu of [1.5, 2.5]) {
        const { kernel, sums } = partialSums(nu, d, u);
        u.forEach((x, i) => {
          const exact = familyOf(kernel).onSphere(1 - x, 1 + x, kernel.params);
          expect(Math.abs(sums[i] - exact), `ν=${nu} d=${d} u=${x}`).toBeLessThan(nu === 1.5 ? 2e-11 : 1e-13);
        });
      }
    }
  });
});
