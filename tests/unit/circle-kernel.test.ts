/**
 * Kernel matrices on the circle (kernels/circleKernel.ts) against the registry's own evaluator, and the
 * pivoted Cholesky factorization behind the regression (numerics/cholesky.ts): numerical rank, pivots,
 * reconstruction.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pivotedCholesky, RANK_TOLERANCE, solveGram } from '../../src/core/numerics/cholesky';
import { crossKernel, gramOnCircle } from '../../src/core/kernels/circleKernel';
import { ProfileTable, TABLE_TOLERANCE } from '../../src/core/kernels/profileTable';
import { seededRandom } from '../../src/core/numerics/random';
import { anyInstance } from './arbitraries';
import { cornerInstances } from './corner-instances';

import { DEFAULTS, kernelAt, maxAbs, NTK1, randomData, TWO_PI } from './circle-data';

describe('kernel matrices on the circle', () => {
  it('the Gram matrix is exactly symmetric and matches the registry at the wrapped angle difference', () => {
    const { theta } = randomData(25, 3);
    theta.push(theta[4], theta[7] + TWO_PI, -theta[9]); // a repeat, a turn later, a negative angle
    for (const k of [...DEFAULTS, NTK1]) {
      for (const unit of [true, false]) {
        const K = gramOnCircle(k, unit, theta);
        const n = theta.length;
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            expect(K[i * n + j]).toBe(K[j * n + i]);
            // the reference reduces θ_i − θ_j instead of θ_i and θ_j: the angles differ by ~1e−15, which a
            // γ = 0.5 cusp turns into ~1e−8 for the pair a turn apart, so such pairs are left out
            if (Math.abs(Math.cos(theta[i] - theta[j]) - 1) < 1e-12) continue;
            expect(Math.abs(K[i * n + j] - kernelAt(k, unit, theta[i], theta[j]))).toBeLessThanOrEqual(1e-14 * K[0]);
          }
        }
        expect(K[4 * n + 25]).toBe(K[0]); // an exact repeat: κ(1)
        const C = crossKernel(k, unit, [0, 1, Math.PI], theta);
        expect(C.length).toBe(3 * n);
        for (let j = 0; j < n; j++) expect(C[n + j]).toBeCloseTo(kernelAt(k, unit, 1, theta[j]), 14);
      }
    }
  });

  it('profile tables agree with the direct evaluator to their bound (2·TABLE_TOLERANCE·κ(1)) for any instance', () => {
    fc.assert(
      fc.property(
        anyInstance,
        fc.boolean(),
        fc.array(fc.double({ min: 0, max: Math.PI, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (k, unit, angles) => {
          const table = ProfileTable.build(k, unit);
          if (table === null) return true; // no table: the regression evaluates directly
          expect(table.bound).toBe(2 * TABLE_TOLERANCE * kernelAt(k, unit, 0, 0));
          const values = new Float64Array(angles.length);
          table.fill(Float64Array.from(angles), angles.length, values);
          return angles.every((a, i) => {
            const exact = kernelAt(k, unit, a, 0);
            return Math.abs(table.at(a) - exact) <= table.bound && Math.abs(values[i] - exact) <= table.bound;
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the default kernels and the parameter corners all get a table of a few panels', () => {
    // every family of the registry at every combination of its parameters' extremes
    const corners = [...DEFAULTS, NTK1, ...cornerInstances()];
    for (const k of corners) expect(ProfileTable.build(k, true), JSON.stringify(k)).not.toBeNull();
  });
});

describe('pivoted Cholesky', () => {
  const random = seededRandom(11);
  const lowRank = (n: number, r: number) => {
    const B = Array.from({ length: n }, () => Array.from({ length: r }, () => random.normal()));
    return Float64Array.from({ length: n * n }, (_, q) => {
      const i = Math.floor(q / n);
      const j = q % n;
      return B[i].reduce((s, b, m) => s + b * B[j][m], 0);
    });
  };
  const reconstructionError = (A: Float64Array, n: number) => {
    const { L, rank } = pivotedCholesky(A, n, RANK_TOLERANCE);
    let e = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let m = 0; m < rank; m++) s += L[i * rank + m] * L[j * rank + m];
        e = Math.max(e, Math.abs(s - A[i * n + j]));
      }
    }
    return e / maxAbs(A);
  };

  it('finds the rank of B Bᵀ and reconstructs it', () => {
    for (const [n, r] of [
      [30, 5],
      [41, 1],
      [13, 13],
      [50, 49],
    ]) {
      const A = lowRank(n, r);
      expect(pivotedCholesky(A, n, RANK_TOLERANCE).rank, `n=${n} r=${r}`).toBe(r);
      expect(reconstructionError(A, n)).toBeLessThan(1e-13);
    }
  });

  it('pivots are a permutation; n = 0 gives rank 0', () => {
    const { pivots } = pivotedCholesky(lowRank(20, 20), 20, RANK_TOLERANCE);
    expect([...pivots].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(pivotedCholesky(new Float64Array(0), 0, RANK_TOLERANCE)).toMatchObject({ rank: 0 });
    expect(solveGram(new Float64Array(0), 0, 0, [])).toMatchObject({ rank: 0, minimumNorm: false });
  });
});
