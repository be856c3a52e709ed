/**
 * The Legendre polynomial of dimension d, multiplicities N(d, k), the Funk–Hecke constant and the
 * log-gamma functions behind them (math.md §3), against closed forms.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  funkHeckeConstant,
  LegendreSweep,
  log10Multiplicity,
  logGamma,
  logGammaHalfRatio,
  multiplicity,
} from '../../src/core/spectrum/gegenbauer';

/** Nodes for LegendreSweep at angles θ ∈ [0, π] (ascending, so δ ascends). */
function nodesAt(thetas: readonly number[]) {
  const half = (f: (x: number) => number) => Float64Array.from(thetas, (t) => 2 * f(t / 2) ** 2);
  return { cosine: Float64Array.from(thetas, Math.cos), delta: half(Math.sin), sigma: half(Math.cos) };
}

/** P_0..P_kmax at the angles, row k. */
function table(d: number, thetas: readonly number[], kmax: number): Float64Array[] {
  const sweep = new LegendreSweep(d, nodesAt(thetas));
  const rows: Float64Array[] = [];
  for (let k = 0; k <= kmax; k++) {
    rows.push(sweep.values());
    sweep.advance();
  }
  return rows;
}

const THETAS = [0, 1e-7, 1e-3, 0.3, 1, Math.PI / 2, 2, 3, Math.PI - 1e-6, Math.PI];

describe('LegendreSweep: the normalized Legendre polynomial of dimension d (math.md §3)', () => {
  it('d = 2 is cos kθ, to ~kε (the rounding of kθ in the reference included)', () => {
    const rows = table(2, THETAS, 2000);
    rows.forEach((row, k) => {
      row.forEach((p, i) => {
        const exact = Math.cos(k * THETAS[i]);
        expect(Math.abs(p - exact), `k=${k} θ=${THETAS[i]}`).toBeLessThan(4e-16 * (k + 10));
      });
    });
  });

  it('d = 4 is sin((k+1)θ)/((k+1) sin θ) (away from θ = π, where that form loses digits)', () => {
    const thetas = THETAS.slice(1, -2);
    const rows = table(4, thetas, 1000);
    rows.forEach((row, k) => {
      row.forEach((p, i) => {
        const t = thetas[i];
        const exact = Math.sin((k + 1) * t) / ((k + 1) * Math.sin(t));
        expect(Math.abs(p - exact), `k=${k} θ=${t}`).toBeLessThan(2e-16 * (k + 10));
      });
    });
  });

  it('d = 3 is the Legendre polynomial (explicit low degrees)', () => {
    const rows = table(3, THETAS, 4);
    THETAS.forEach((th, i) => {
      const t = Math.cos(th);
      expect(rows[2][i]).toBeCloseTo((3 * t * t - 1) / 2, 15);
      expect(rows[3][i]).toBeCloseTo((5 * t ** 3 - 3 * t) / 2, 15);
      expect(rows[4][i]).toBeCloseTo((35 * t ** 4 - 30 * t * t + 3) / 8, 15);
    });
  });

  it('P_k(1) = 1 exactly, |P_k| ≤ 1 and P_k(−t) = (−1)^k P_k(t) for any d', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1000 }), fc.double({ min: 0, max: Math.PI / 2, noNaN: true }), (d, th) => {
        const rows = table(d, [0, th, Math.PI - th], 300);
        return rows.every(
          ([one, p, mirrored], k) =>
            one === 1 && Math.abs(p) <= 1 + 1e-13 && Math.abs(mirrored - (k % 2 ? -p : p)) <= 1e-13,
        );
      }),
      { numRuns: 40 },
    );
  });

  it('rejects nodes that are not in ascending δ', () => {
    expect(() => new LegendreSweep(3, nodesAt([1, 0.5]))).toThrow(/ascending/);
  });
});

describe('multiplicity N(d, k) of the degree-k harmonics (math.md §3)', () => {
  it('d = 2: 1, 2, 2, …; d = 3: 2k + 1; d = 4: (k + 1)²; d = 5: (k+1)(k+2)(2k+3)/6', () => {
    for (let k = 0; k <= 300; k++) {
      expect(multiplicity(2, k)).toBe(k === 0 ? 1 : 2);
      expect(multiplicity(3, k)).toBe(2 * k + 1);
      expect(multiplicity(4, k)).toBe((k + 1) ** 2);
      expect(multiplicity(5, k)).toBe(((k + 1) * (k + 2) * (2 * k + 3)) / 6);
    }
  });

  it('exact integers up to 2^53 (against BigInt binomials), then floats, never Infinity', () => {
    const binom = (n: bigint, r: bigint) => {
      let c = 1n;
      for (let i = 1n; i <= r; i++) c = (c * (n - r + i)) / i;
      return c;
    };
    const exact = (d: number, k: number) =>
      binom(BigInt(k + d - 2), BigInt(k)) + binom(BigInt(k + d - 3), BigInt(k - 1));
    for (const [d, k] of [
      [30, 20],
      [30, 40],
      [100, 8],
      [12, 1000],
    ]) {
      const n = exact(d, k);
      if (n < 2n ** 53n) expect(multiplicity(d, k)).toBe(Number(n));
      else expect(Math.abs(multiplicity(d, k) / Number(n) - 1)).toBeLessThan(1e-13);
    }
    expect(multiplicity(1000, 5000)).toBe(Number.MAX_VALUE);
  });

  it('log10 N for large d and k, against a sum of logarithms of the binomial product', () => {
    for (const [d, k] of [
      [1000, 5000],
      [1000, 1],
      [500, 2000],
      [3, 5000],
    ]) {
      // N = (2k+d−2)/k · C(k+d−3, d−2),  C(k+d−3, d−2) = Π_{i=1}^{d−2} (k−1+i)/i
      let log10 = Math.log10((2 * k + d - 2) / k);
      for (let i = 1; i <= d - 2; i++) log10 += Math.log10((k - 1 + i) / i);
      expect(Math.abs(log10Multiplicity(d, k) - log10) / log10).toBeLessThan(1e-12);
    }
    expect(log10Multiplicity(1000, 0)).toBe(0);
    expect(log10Multiplicity(2, 7)).toBeCloseTo(Math.log10(2), 15);
  });
});

describe('Funk–Hecke constant and log-gamma', () => {
  it('c_d = Γ(d/2)/(√π Γ((d−1)/2)): 1/π, 1/2, 2/π, 3/4, then c_{d+2} = c_d·d/(d−1) up to d = 1000', () => {
    const c = [0, 0, 1 / Math.PI, 1 / 2];
    for (let d = 4; d <= 1000; d++) c.push((c[d - 2] * (d - 2)) / (d - 3));
    for (let d = 2; d <= 1000; d++) expect(Math.abs(funkHeckeConstant(d) / c[d] - 1), `d=${d}`).toBeLessThan(5e-14);
    // Γ(x+½)/Γ(x) ≈ √x (1 − 1/(8x)), x = (d−1)/2
    expect(funkHeckeConstant(1000) / (Math.sqrt(999 / (2 * Math.PI)) * (1 - 1 / (4 * 999)))).toBeCloseTo(1, 6);
  });

  it('logGamma at integers and half-integers; logGammaHalfRatio without cancellation', () => {
    let factorial = 1;
    for (let n = 1; n <= 30; n++) {
      expect(Math.abs(logGamma(n) - Math.log(factorial))).toBeLessThan(1e-14 * Math.max(1, Math.log(factorial)));
      factorial *= n;
    }
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 15);
    expect(Math.exp(logGammaHalfRatio(1))).toBeCloseTo(Math.sqrt(Math.PI) / 2, 15);
    // Γ(x+½)/Γ(x) ~ √x (1 − 1/(8x) + 1/(128x²)) for large x
    const x = 1e6;
    expect(Math.exp(logGammaHalfRatio(x)) / (Math.sqrt(x) * (1 - 1 / (8 * x) + 1 / (128 * x * x)))).toBeCloseTo(1, 14);
  });
});
