/**
 * Gram matrices of every family (both NTK bias conventions, the homogeneous option) are symmetric and
 * positive semi-definite, on the sphere and in R^d; the bias-free NTK is positively homogeneous and the
 * NTK with bias is not (math.md §2.2).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultInstance, familyOf, FAMILIES, type KernelInstance } from '../../src/core/kernels/registry';
import { anyInstance, instanceOf, point, unitPoint } from './arbitraries';

function gram(k: KernelInstance, points: number[][]): number[][] {
  const f = familyOf(k);
  return points.map((x) => points.map((z) => f.onRd(x, z, k.params)));
}

/** Cholesky of K + ε·tr(K)·I succeeds iff K has no eigenvalue below −ε·tr(K) (up to rounding). */
function isPositiveSemiDefinite(K: number[][], eps = 1e-11): boolean {
  const n = K.length;
  const trace = K.reduce((s, row, i) => s + row[i], 0);
  const jitter = eps * Math.max(trace, 1e-300);
  const Lm = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = K[i][j] + (i === j ? jitter : 0);
      for (let m = 0; m < j; m++) s -= Lm[i][m] * Lm[j][m];
      if (i === j) {
        if (!(s > 0)) return false;
        Lm[i][i] = Math.sqrt(s);
      } else Lm[i][j] = s / Lm[j][j];
    }
  }
  return true;
}

const isSymmetric = (K: number[][]) => K.every((row, i) => row.every((v, j) => v === K[j][i]));

describe('Gram matrices', () => {
  for (const f of FAMILIES) {
    it(`${f.id}: symmetric and positive semi-definite on the sphere S^2 and in R^3`, () => {
      fc.assert(
        fc.property(
          instanceOf(f.id),
          fc.array(unitPoint(3), { minLength: 2, maxLength: 14 }),
          fc.array(point(3), { minLength: 2, maxLength: 14 }),
          (k, onSphere, inSpace) => {
            const A = gram(k, onSphere);
            const B = gram(k, inSpace);
            return isSymmetric(A) && isSymmetric(B) && isPositiveSemiDefinite(A) && isPositiveSemiDefinite(B);
          },
        ),
        { numRuns: 150 },
      );
    });
  }

  it('both NTK bias conventions are positive semi-definite in R^5 with large β and depth', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('zero', 'random'),
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.array(point(5, 10), { minLength: 2, maxLength: 12 }),
        (bias, L, beta, pts) => isPositiveSemiDefinite(gram(defaultInstance('ntk', { L, beta, bias }), pts)),
      ),
      { numRuns: 150 },
    );
  });

  it('k(x, z) = k(z, x) to the last bit with a tiny random bias and the origin (found by fast-check)', () => {
    const k = defaultInstance('ntk', { L: 2, beta: 1.176523522045472e-15, bias: 'random' });
    expect(
      isSymmetric(
        gram(k, [
          [0, 2.983359798789022, 0],
          [0, 0, 0],
        ]),
      ),
    ).toBe(true);
  });

  it('a matrix with a negative eigenvalue is caught by the PSD check', () => {
    expect(
      isPositiveSemiDefinite([
        [1, 2],
        [2, 1],
      ]),
    ).toBe(false);
    expect(
      isPositiveSemiDefinite([
        [1, 1],
        [1, 1],
      ]),
    ).toBe(true);
  });
});

describe('homogeneity off the sphere (math.md §2.2, §2.4)', () => {
  it('the bias-free NTK satisfies Θ(ax, bz) = ab·Θ(x, z) for a, b > 0, in both conventions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom('zero', 'random'),
        point(4),
        point(4),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        (L, bias, x, z, a, b) => {
          const k = defaultInstance('ntk', { L, bias });
          const f = familyOf(k);
          const base = f.onRd(x, z, k.params);
          const scaled = f.onRd(
            x.map((t) => a * t),
            z.map((t) => b * t),
            k.params,
          );
          return (
            Math.abs(scaled - a * b * base) <=
            1e-12 * (Math.abs(a * b * base) + a * b * Math.hypot(...x) * Math.hypot(...z))
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('with β > 0 the NTK is not homogeneous, in either convention', () => {
    for (const bias of ['zero', 'random']) {
      const k = defaultInstance('ntk', { L: 2, beta: 0.5, bias });
      const f = familyOf(k);
      const x = [0.6, 0.8, 0];
      const z = [0, 1, 0];
      const ratio = f.onRd([1.2, 1.6, 0], z, k.params) / f.onRd(x, z, k.params);
      expect(Math.abs(ratio - 2)).toBeGreaterThan(0.05);
    }
  });

  it('hom=1 makes every shift-invariant kernel homogeneous and leaves it unchanged on the sphere', () => {
    fc.assert(
      fc.property(
        anyInstance,
        unitPoint(3),
        unitPoint(3),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (k, x, z, a) => {
          const f = familyOf(k);
          // exp(−c r^γ) has slope ~γ r^(γ−1) at r = 0: for γ → 0 a rounding of 1e−16 in the direction
          // x̂ moves the value by ~(1e−16)^γ, so identity to 1e−12 is only asked of γ ≥ 0.2.
          if (!('hom' in k.params) || (k.params.gamma as number) < 0.2) return true;
          const hom = { ...k.params, hom: 1 };
          const plain = { ...k.params, hom: 0 };
          const onSphere = Math.abs(f.onRd(x, z, hom) - f.onRd(x, z, plain)) <= 1e-12;
          const scaled = f.onRd(
            x.map((t) => a * t),
            z,
            hom,
          );
          return onSphere && Math.abs(scaled - a * f.onRd(x, z, hom)) <= 1e-12 * a;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the zero-bias NTK at the origin is β²(2 − 2^−L) for any z (math.md §2.2)', () => {
    for (const L of [1, 2, 5]) {
      const k = defaultInstance('ntk', { L, beta: 1 });
      for (const z of [
        [0.6, 0.8, 0],
        [3, -1, 2],
      ]) {
        expect(familyOf(k).onRd([0, 0, 0], z, k.params)).toBeCloseTo(2 - 2 ** -L, 14);
      }
    }
  });
});

describe('κ(1) (the norm=unit divisor) equals the value at x = z on the sphere', () => {
  it('for every family', () => {
    fc.assert(
      fc.property(anyInstance, (k) => {
        const f = familyOf(k);
        const v = f.onSphere(0, 2, k.params);
        return Math.abs(v - f.atOne(k.params)) <= 1e-13 * f.atOne(k.params);
      }),
      { numRuns: 500 },
    );
  });
});
