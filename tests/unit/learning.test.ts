/**
 * Spectral bias (docs/function-space.md, src/core/functionSpace/learning.ts): the closed-form gradient flow against a
 * numerical integration, the profile f_t against an independent recurrence, the learning order of the
 * NTK, Laplace and Gaussian kernels (math.md §4 decay rates), the never-learned odd degrees of the
 * bias-free two-layer NTK, the shared time grid, and no NaN or Infinity anywhere.
 */
import { describe, expect, it } from 'vitest';
import { defaultInstance } from '../../src/core/kernels/registry';
import {
  learningCurves,
  learningView,
  TIME_MAX,
  TIME_MIN,
  type LearningCurves,
} from '../../src/core/functionSpace/learning';

const LAPLACE = defaultInstance('laplace');
const NTK2 = defaultInstance('ntk', { L: 2 });
const NTK1 = defaultInstance('ntk', { L: 1 });
const GAUSS = defaultInstance('gauss');

/** P_k(cos θ) of dimension d by the plain three-term recurrence of math.md §3. */
function legendre(d: number, k: number, u: number): number {
  let previous = 1;
  let current = u;
  if (k === 0) return previous;
  for (let j = 1; j < k; j++) {
    const next = ((2 * j + d - 2) * u * current - j * previous) / (j + d - 2);
    previous = current;
    current = next;
  }
  return current;
}

/** RK4 for da/dt = −λ(a − 1), a(0) = 0, reporting a at ascending times; steps of at most 0.01/λ. */
function integrate(lambda: number, times: Float64Array): number[] {
  let a = 0;
  let now = 0;
  const f = (x: number) => -lambda * (x - 1);
  return Array.from(times, (target) => {
    while (now < target && 1 - a > 1e-13) {
      const h = Math.min(0.01 / lambda, target - now);
      const k1 = f(a);
      const k2 = f(a + (h / 2) * k1);
      const k3 = f(a + (h / 2) * k2);
      const k4 = f(a + h * k3);
      a += (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4);
      now += h;
    }
    return a;
  });
}

/** Every number of the view, for the finiteness checks. */
function allNumbers(v: LearningCurves): number[] {
  const out = [...v.time, ...v.theta, ...v.target, v.t];
  for (const k of v.kernels) {
    out.push(k.floor, ...k.profile);
    for (const c of k.degrees) {
      out.push(c.k, c.lambda, c.rate, c.residualAtT, ...c.residual);
      if (c.timeToLearn !== null) out.push(c.timeToLearn);
    }
  }
  return out;
}

describe('gradient flow in closed form', () => {
  const view = learningView({
    kernels: [NTK2, LAPLACE, GAUSS, NTK1],
    d: 3,
    unit: true,
    degrees: [0, 1, 2, 3, 4, 8],
    t: 50,
  });

  it('residual curves e^{−λ_k t} match an RK4 integration of da_k/dt = −λ_k (a_k − 1) to 1e−6', () => {
    for (const kernel of view.kernels) {
      for (const c of kernel.degrees) {
        if (c.rate === 0) {
          expect(c.residual.every((r) => r === 1)).toBe(true);
          continue;
        }
        const a = integrate(c.rate, view.time);
        a.forEach((ak, i) =>
          expect(Math.abs(c.residual[i] - (1 - ak)), `k=${c.k} t=${view.time[i]}`).toBeLessThan(1e-6),
        );
        const [atT] = integrate(c.rate, Float64Array.of(view.t));
        expect(Math.abs(c.residualAtT - (1 - atT))).toBeLessThan(1e-6);
      }
    }
  });

  it('t_k = ln 10/λ_k is where the residual crosses 10 %', () => {
    for (const kernel of view.kernels) {
      for (const c of kernel.degrees) {
        if (c.timeToLearn === null) continue;
        expect(c.timeToLearn * c.rate).toBeCloseTo(Math.LN10, 12);
        const [a] = integrate(c.rate, Float64Array.of(c.timeToLearn));
        expect(1 - a).toBeCloseTo(0.1, 6);
      }
    }
  });

  it('the profile is Σ_k (1 − e^{−λ_k t}) P_k(cos θ) and the target Σ_k P_k(cos θ) (d = 3 and d = 2)', () => {
    for (const d of [2, 3, 7]) {
      const degrees = [0, 1, 3, 10, 40];
      const v = learningView({ kernels: [NTK2, LAPLACE], d, unit: false, degrees, t: 7 });
      expect(v.theta.length).toBe(361);
      expect(v.theta[360]).toBe(Math.PI);
      v.theta.forEach((theta, i) => {
        const u = Math.cos(theta);
        const P = degrees.map((k) => (d === 2 ? Math.cos(k * theta) : legendre(d, k, u)));
        expect(Math.abs(v.target[i] - P.reduce((s, p) => s + p, 0))).toBeLessThan(1e-12);
        for (const kernel of v.kernels) {
          const f = kernel.degrees.reduce((s, c, q) => s + (1 - Math.exp(-c.rate * v.t)) * P[q], 0);
          expect(Math.abs(kernel.profile[i] - f)).toBeLessThan(1e-12);
        }
      });
      expect(v.target[0]).toBeCloseTo(degrees.length, 12); // P_k(1) = 1
    }
  });
});

describe('spectral bias: the order in which degrees are learned (math.md §4)', () => {
  const degrees = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32];

  it('Laplace and NTK (L = 2) at d = 3: t_k increases with k, and t_k·k^−3 is nearly constant on [8, 32]', () => {
    const v = learningView({ kernels: [LAPLACE, NTK2], d: 3, unit: true, degrees, t: 100 });
    for (const kernel of v.kernels) {
      const times = kernel.degrees.map((c) => c.timeToLearn);
      expect(times.every((tk) => tk !== null)).toBe(true);
      for (let q = 1; q < times.length; q++) expect(times[q]!).toBeGreaterThan(times[q - 1]!);
      expect(kernel.order).toEqual(degrees);
      const scaled = kernel.degrees.filter((c) => c.k >= 8).map((c) => c.timeToLearn! / c.k ** 3);
      expect(Math.max(...scaled) / Math.min(...scaled)).toBeLessThan(1.5);
    }
  });

  it('Gaussian: t_k grows faster than any power (t_2k/t_k increases with k)', () => {
    const v = learningView({ kernels: [GAUSS], d: 3, unit: true, degrees: [1, 2, 4, 8], t: 100 });
    const t = v.kernels[0].degrees.map((c) => c.timeToLearn!);
    const ratios = [t[1] / t[0], t[2] / t[1], t[3] / t[2]];
    expect(ratios[1]).toBeGreaterThan(ratios[0]);
    expect(ratios[2]).toBeGreaterThan(ratios[1]);
    expect(ratios[2]).toBeGreaterThan(100); // a power law k^p would give 2^p here for every k
  });

  it('bias-free two-layer NTK: odd degrees k ≥ 3 are never learned (λ_k within the floor), and come last', () => {
    const ks = [1, 2, 3, 4, 5, 7, 10, 11, 21, 40];
    for (const d of [2, 3, 5]) {
      const v = learningView({ kernels: [NTK1], d, unit: true, degrees: ks, t: 1e15 });
      const kernel = v.kernels[0];
      for (const c of kernel.degrees) {
        const never = c.k >= 3 && c.k % 2 === 1;
        expect(c.timeToLearn === null, `d=${d} k=${c.k}`).toBe(never);
        expect(c.residualAtT).toBe(never ? 1 : 0);
      }
      expect(kernel.order.slice(-5)).toEqual([3, 5, 7, 11, 21]);
    }
  });
});

describe('time grid and limits', () => {
  it('spans 0.01/max λ to 100 × the largest finite t_k, clamped to [1e−3, 1e16]', () => {
    const lambdas = [Float64Array.of(2, 0.5, 1e-3, 1e-20)];
    const v = learningCurves({ lambdas, floors: [1e-18], degrees: [0, 1, 2, 3], t: 1, d: 3, samples: 50 });
    expect(v.time.length).toBe(50);
    expect(v.time[0]).toBeCloseTo(0.01 / 2, 15);
    expect(v.time[49]).toBeCloseTo(100 * (Math.LN10 / 1e-3), 6);
    for (let i = 1; i < 50; i++) expect(v.time[i] / v.time[i - 1]).toBeCloseTo(v.time[1] / v.time[0], 10);
    expect(v.kernels[0].degrees[3].timeToLearn).toBeNull(); // 1e−20 ≤ floor

    const wide = learningCurves({
      lambdas: [Float64Array.of(1e6, 1e-14)],
      floors: [1e-18],
      degrees: [0, 1],
      t: 1,
      d: 3,
    });
    expect(wide.time[0]).toBe(TIME_MIN);
    expect(wide.time[wide.time.length - 1]).toBe(TIME_MAX);
    const none = learningCurves({
      lambdas: [Float64Array.of(0, -1e-17)],
      floors: [1e-16],
      degrees: [0, 1],
      t: 1,
      d: 3,
    });
    expect([none.time[0], none.time[none.time.length - 1]]).toEqual([TIME_MIN, TIME_MAX]);
    expect(none.kernels[0].order).toEqual([0, 1]);
  });

  it('no NaN or Infinity: t = 0, huge t, no degrees, degree 0 only, d = 2 and d = 1000', () => {
    const cases = [
      { d: 3, degrees: [1, 2, 3, 4, 6, 8], t: 0 },
      { d: 3, degrees: [1, 2, 3, 4, 6, 8], t: 1e15 },
      { d: 3, degrees: [1, 1000], t: Number.MAX_VALUE },
      { d: 3, degrees: [], t: 100 },
      { d: 2, degrees: [0], t: 100 },
      { d: 1000, degrees: [0, 1, 2, 50], t: 100 },
    ];
    for (const c of cases) {
      const v = learningView({
        kernels: [NTK2, LAPLACE, defaultInstance('gexp', { gamma: 0.5 }), GAUSS, NTK1],
        unit: true,
        ...c,
      });
      expect(allNumbers(v).every(Number.isFinite), JSON.stringify(c)).toBe(true);
      expect(v.time.length).toBeGreaterThan(1);
      if (c.t === 0) {
        for (const k of v.kernels) {
          expect(k.profile.every((x) => x === 0)).toBe(true);
          expect(k.degrees.every((d) => d.residualAtT === 1)).toBe(true);
        }
      }
    }
    const learned = learningView({ kernels: [LAPLACE], d: 3, unit: true, degrees: [1, 2, 3], t: 1e15 });
    learned.target.forEach((g, i) => expect(learned.kernels[0].profile[i]).toBeCloseTo(g, 12));
  });

  it('degrees are sorted and deduplicated; bad input is rejected', () => {
    const v = learningCurves({ lambdas: [Float64Array.of(1, 0.5, 0.25)], floors: [0], degrees: [2, 0, 2], t: 1, d: 3 });
    expect(v.degrees).toEqual([0, 2]);
    const bad = { lambdas: [Float64Array.of(1, 0.5)], floors: [0], degrees: [1], t: 1, d: 3 };
    expect(() => learningCurves({ ...bad, degrees: [2] })).toThrow(RangeError);
    expect(() => learningCurves({ ...bad, degrees: [0.5] })).toThrow(RangeError);
    expect(() => learningCurves({ ...bad, t: -1 })).toThrow(RangeError);
    expect(() => learningCurves({ ...bad, t: NaN })).toThrow(RangeError);
    expect(() => learningCurves({ ...bad, d: 1 })).toThrow(RangeError);
    expect(() => learningCurves({ ...bad, floors: [] })).toThrow(RangeError);
  });
});
