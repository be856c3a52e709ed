/**
 * Kernel ridge regression on the circle (docs/function-space.md, src/core/functionSpace/regression.ts): agreement with a
 * plain dense solve, interpolation at ridge 0, the minimum-norm solution of rank-deficient Gram matrices
 * (Gaussian kernel, repeated angles), the missing odd degrees of the bias-free two-layer NTK, the profile
 * tables behind the speed, the preset targets, and no NaN anywhere. Kernel matrices and the Cholesky
 * factorization: circle-kernel.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultInstance, type KernelInstance } from '../../src/core/kernels/registry';
import { pivotedCholesky, RANK_TOLERANCE, solveGram } from '../../src/core/numerics/cholesky';
import { gramOnCircle } from '../../src/core/kernels/circleKernel';
import { predictorGap, regression } from '../../src/core/functionSpace/regression';
import { harmonicsTarget, loadTarget } from '../../src/core/functionSpace/targets';
import { seededRandom } from '../../src/core/numerics/random';
import { anyInstance } from './arbitraries';
import { DEFAULTS, LAPLACE, maxAbs, NTK1, NTK2, randomData, TWO_PI, kernelAt } from './circle-data';

/** Gaussian elimination with partial pivoting on a dense copy: the reference solve of A x = b. */
function denseSolve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      for (let q = c; q <= n; q++) M[r][q] -= f * M[c][q];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let q = r + 1; q < n; q++) s -= M[r][q] * x[q];
    x[r] = s / M[r][r];
  }
  return x;
}

/** The reference predictor: α from the dense solve of (K + ridge·I) α = y, f(θ) = Σ α_j k(θ, θ_j). */
function referencePredictor(k: KernelInstance, unit: boolean, theta: number[], y: number[], ridge: number) {
  const A = theta.map((a, i) => theta.map((b, j) => kernelAt(k, unit, a, b) + (i === j ? ridge : 0)));
  const alpha = denseSolve(A, y);
  return (t: number) => theta.reduce((s, tj, j) => s + alpha[j] * kernelAt(k, unit, t, tj), 0);
}

const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, x) => s + x * x, 0));

/** Orthonormal basis of the columns of L (n × r, row-major) by modified Gram–Schmidt, applied twice. */
function orthonormalColumns(L: Float64Array, n: number, r: number): number[][] {
  const Q: number[][] = [];
  for (let c = 0; c < r; c++) {
    const v = Array.from({ length: n }, (_, i) => L[i * r + c]);
    for (let pass = 0; pass < 2; pass++) {
      for (const q of Q) {
        const s = q.reduce((acc, qi, i) => acc + qi * v[i], 0);
        for (let i = 0; i < n; i++) v[i] -= s * q[i];
      }
    }
    const len = norm(v);
    Q.push(v.map((x) => x / len));
  }
  return Q;
}

/** Q Qᵀ v: the orthogonal projection onto the span of the columns. */
function project(Q: number[][], v: ArrayLike<number>): number[] {
  const out = new Array<number>(v.length).fill(0);
  for (const q of Q) {
    const s = q.reduce((acc, qi, i) => acc + qi * v[i], 0);
    for (let i = 0; i < v.length; i++) out[i] += s * q[i];
  }
  return out;
}

function matVec(K: Float64Array, n: number, x: ArrayLike<number>): number[] {
  return Array.from({ length: n }, (_, i) => {
    let s = 0;
    for (let j = 0; j < n; j++) s += K[i * n + j] * x[j];
    return s;
  });
}

/** Root-mean-square of f − g over [0, 2π] by the trapezoid rule on the (sorted) nodes of the result. */
function rmsGap(theta: Float64Array, f: Float64Array, g: (t: number) => number): number {
  let s = 0;
  for (let i = 1; i < theta.length; i++) {
    const a = f[i - 1] - g(theta[i - 1]);
    const b = f[i] - g(theta[i]);
    s += ((theta[i] - theta[i - 1]) * (a * a + b * b)) / 2;
  }
  return Math.sqrt(s / TWO_PI);
}

describe('kernel ridge regression', () => {
  it('matches a dense Gaussian-elimination solve (ridge > 0) at the data and on the grid to 1e−9 (1e−8 at ridge 1e−7)', () => {
    const { theta, y } = randomData(40, 5);
    const kernels = [...DEFAULTS, NTK1, defaultInstance('laplace', { c: 3 }), defaultInstance('gexp', { gamma: 1.5 })];
    for (const unit of [true, false]) {
      for (const ridge of [1e-7, 1e-3, 0.1]) {
        const result = regression({ kernels, unit, theta, y, ridge, grid: 181 });
        expect(result.theta.length).toBe(181 + 40);
        kernels.forEach((k, m) => {
          const f = referencePredictor(k, unit, theta, y, ridge);
          const ref = Array.from(result.theta, f);
          const gap = predictorGap(result.values[m], Float64Array.from(ref));
          // ridge 1e−7 takes the direct-Gram path; cond(K + 1e−7·I) reaches ~4e8 for the Gaussian, so two
          // stable solves agree only to ~cond·ε there
          const tolerance = ridge < 1e-6 ? 1e-8 : 1e-9;
          expect(gap, `${JSON.stringify(k)} unit=${unit} ridge=${ridge}`).toBeLessThanOrEqual(tolerance * maxAbs(ref));
          expect(result.fits[m]).toMatchObject({ rank: 40, minimumNorm: false });
        });
      }
    }
  });

  it('interpolates the data at ridge 0 with well-conditioned Gram matrices (Laplace, NTK L=2)', () => {
    const random = seededRandom(2);
    const theta = Array.from({ length: 12 }, (_, i) => (TWO_PI * (i + 0.3 * random.uniform())) / 12);
    const y = theta.map((t) => harmonicsTarget((t * 180) / Math.PI) + 0.3 * random.normal());
    const result = regression({ kernels: [LAPLACE, NTK2], unit: true, theta, y, ridge: 0, grid: 361 });
    for (const fit of result.fits) {
      expect(fit.rank).toBe(12);
      expect(fit.minimumNorm).toBe(false);
      expect(fit.maxResidual).toBeLessThanOrEqual(1e-9);
    }
    theta.forEach((t, i) => {
      const at = result.theta.indexOf(t);
      expect(at).toBeGreaterThanOrEqual(0); // every data angle is a node of the output
      for (const v of result.values) expect(Math.abs(v[at] - y[i])).toBeLessThanOrEqual(1e-9);
    });
  });

  describe('a narrow-spectrum Gaussian (c = 0.05, 60 points) is rank-deficient: α is the minimum-norm solution', () => {
    const n = 60;
    const theta = Array.from({ length: n }, (_, i) => (TWO_PI * (i + 0.37 * Math.sin(3 * i))) / n);
    const gauss = defaultInstance('gauss', { c: 0.05 });
    const K = gramOnCircle(gauss, true, theta);
    const { L, rank: r } = pivotedCholesky(K, n, RANK_TOLERANCE);
    const Q = orthonormalColumns(L, n, r);
    const frobenius = norm(K);

    /** α of y: finite, in the range of L, and K α = projection of y onto that range (normal equations). */
    function checkMinimumNorm(y: number[], tolerance: (alpha: Float64Array) => number) {
      const { alpha, rank, minimumNorm } = solveGram(K, n, 0, y);
      expect(rank).toBe(r);
      expect(rank).toBeLessThan(n);
      expect(rank).toBeGreaterThan(5);
      expect(minimumNorm).toBe(true);
      expect(alpha.every(Number.isFinite)).toBe(true);
      // the minimum-norm solution has no component in the null space of Lᵀ …
      const inRange = project(Q, alpha);
      expect(norm(alpha.map((a, i) => a - inRange[i]))).toBeLessThanOrEqual(1e-9 * norm(alpha));
      // … and fits the projection of y
      const Ka = matVec(K, n, alpha);
      const Py = project(Q, y);
      expect(norm(Ka.map((v, i) => v - Py[i]))).toBeLessThanOrEqual(tolerance(alpha));
      return Py;
    }

    it('a smooth target (well inside the range): K α = P y to 1e−8·‖y‖', () => {
      const y = theta.map((t) => Math.sin(t) + 0.5 * Math.cos(3 * t));
      const Py = checkMinimumNorm(y, () => 1e-8 * norm(y));
      const result = regression({ kernels: [gauss], unit: true, theta, y, ridge: 0, grid: 361 });
      expect(result.fits[0]).toMatchObject({ rank: r, minimumNorm: true });
      expect(result.values[0].every(Number.isFinite)).toBe(true);
      expect(result.fits[0].maxResidual).toBeCloseTo(Math.max(...y.map((v, i) => Math.abs(Py[i] - v))), 8);
    });

    it('with sin 11θ (mostly outside the range): K α = P y to the backward error of a stable solve', () => {
      // P y has parts along eigenvalues near the rank tolerance (~1e−13), so ‖α‖ reaches ~1e10; a
      // backward-stable solve then leaves ‖K α − P y‖ of order ε‖K‖‖α‖, and no better
      const y = theta.map((t) => Math.sin(t) + 0.5 * Math.cos(3 * t) + 0.1 * Math.sin(11 * t));
      checkMinimumNorm(y, (alpha) => 1e-8 * norm(y) + 100 * Number.EPSILON * frobenius * norm(alpha));
      const result = regression({ kernels: [gauss], unit: true, theta, y, ridge: 0, grid: 361 });
      expect(result.values[0].every(Number.isFinite)).toBe(true);
      expect(result.fits[0].maxResidual).toBeGreaterThan(0.05); // sin 11θ is beyond this kernel's reach
    });
  });

  it('repeated angles: rank n − 2, α shared equally, the predictor takes the mean of the repeated values', () => {
    const theta = [0.2, 1.0, 1.0, 2.5, 4.0, 4.0 + TWO_PI, 5.5];
    const y = [0.5, 1, -1, 0.3, 2, 0, -0.7];
    const K = gramOnCircle(LAPLACE, true, theta);
    const { alpha, rank, minimumNorm } = solveGram(K, theta.length, 0, y);
    expect(rank).toBe(5);
    expect(minimumNorm).toBe(true);
    expect(alpha[1]).toBeCloseTo(alpha[2], 10);
    expect(alpha[4]).toBeCloseTo(alpha[5], 10);
    const f = matVec(K, theta.length, alpha);
    expect(f[1]).toBeCloseTo(0, 10); // mean of 1 and −1
    expect(f[4]).toBeCloseTo(1, 10); // mean of 2 and 0
    for (const i of [0, 3, 6]) expect(f[i]).toBeCloseTo(y[i], 10);

    const result = regression({ kernels: DEFAULTS, unit: true, theta, y, ridge: 0, grid: 91 });
    expect(result.theta.length).toBe(91 + 5); // exact repeats appear once
    for (const v of result.values) expect(v.every(Number.isFinite)).toBe(true);
    expect(result.fits[1].maxResidual).toBeCloseTo(1, 8); // Laplace: |mean − value| = 1 at both repeats
  });

  describe('the bias-free two-layer NTK has no degree-3 harmonic (λ_3 = 0, math.md §4)', () => {
    const target = (t: number) => Math.cos(3 * t);
    it('40 equally spaced points: odd frequencies ≥ 3 alias only to odd degrees; rank 22 and f = 0 at the data', () => {
      const theta = Array.from({ length: 40 }, (_, i) => (TWO_PI * i) / 40);
      const result = regression({
        kernels: [NTK1, LAPLACE],
        unit: true,
        theta,
        y: theta.map(target),
        ridge: 0,
        grid: 721,
      });
      // nonzero circulant eigenvalues: frequencies 0, 20, ±1 and ±2, ±4, …, ±18 → 1 + 1 + 2 + 18 = 22
      expect(result.fits[0]).toMatchObject({ rank: 22, minimumNorm: true });
      expect(result.fits[0].maxResidual).toBeCloseTo(1, 9); // the projection of cos 3θ is 0
      expect(maxAbs(result.values[0])).toBeLessThan(1e-9);
      expect(result.fits[1]).toMatchObject({ rank: 40, minimumNorm: false });
      expect(result.fits[1].maxResidual).toBeLessThan(1e-9);
    });

    it('41 points: the NTK interpolates them but stays orthogonal to cos 3θ in between; Laplace recovers it', () => {
      for (const jitter of [0, 0.3]) {
        const theta = Array.from({ length: 41 }, (_, i) => (TWO_PI * (i + jitter * Math.sin(7 * i))) / 41);
        const result = regression({
          kernels: [NTK1, LAPLACE],
          unit: true,
          theta,
          y: theta.map(target),
          ridge: 0,
          grid: 1441,
        });
        expect(result.fits[0]).toMatchObject({ rank: 41, minimumNorm: false });
        expect(result.fits[0].maxResidual).toBeLessThan(1e-9);
        expect(result.fits[1].maxResidual).toBeLessThan(1e-9);
        // f ⊥ cos 3θ in L², so ‖f − cos 3θ‖_rms ≥ ‖cos 3θ‖_rms = 1/√2
        expect(rmsGap(result.theta, result.values[0], target)).toBeGreaterThan(0.69);
        expect(rmsGap(result.theta, result.values[1], target)).toBeLessThan(0.03);
      }
    });
  });

  it('no data: every predictor is 0 on the grid, rank 0', () => {
    const result = regression({ kernels: DEFAULTS, unit: true, theta: [], y: [], ridge: 0, grid: 721 });
    expect(result.theta.length).toBe(721);
    expect(result.theta[0]).toBe(0);
    expect(result.theta[720]).toBe(TWO_PI);
    for (const v of result.values) expect(v.every((x) => x === 0)).toBe(true);
    for (const fit of result.fits) expect(fit).toEqual({ rank: 0, minimumNorm: false, maxResidual: 0 });
  });

  it('never NaN: any kernel, repeated angles, ridge 0 to 100', () => {
    fc.assert(
      fc.property(
        anyInstance,
        fc.boolean(),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.double({ min: -10, max: 10, noNaN: true })), {
          maxLength: 14,
        }),
        fc.constantFrom(0, 1e-12, 1e-3, 100),
        (k, unit, points, ridge) => {
          const theta = points.map(([a]) => (a * TWO_PI) / 8);
          const y = points.map(([, v]) => v);
          const result = regression({ kernels: [k], unit, theta, y, ridge, grid: 37 });
          const fit = result.fits[0];
          return (
            result.values[0].every(Number.isFinite) &&
            Number.isFinite(fit.maxResidual) &&
            fit.rank <= (ridge === 0 ? new Set(theta).size : theta.length) &&
            fit.minimumNorm === fit.rank < theta.length
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('rejects malformed requests', () => {
    const base = { kernels: [LAPLACE], unit: true, theta: [1], y: [1], ridge: 0, grid: 10 };
    expect(() => regression({ ...base, y: [] })).toThrow(RangeError);
    expect(() => regression({ ...base, ridge: -1 })).toThrow(RangeError);
    expect(() => regression({ ...base, theta: [NaN] })).toThrow(RangeError);
    expect(() => regression({ ...base, grid: 1 })).toThrow(RangeError);
  });

  it('predictorGap is the largest absolute difference', () => {
    expect(predictorGap(Float64Array.of(1, 2, 3), Float64Array.of(1, 2.5, 2))).toBe(1);
    expect(predictorGap(new Float64Array(0), new Float64Array(0))).toBe(0);
  });
});

describe('preset targets', () => {
  it('harmonics: equally spaced, 0.1° angles, values of the target at those angles to 3 decimals', () => {
    const points = loadTarget('harmonics', 12, 1);
    expect(points.map((p) => p.angle)).toEqual(Array.from({ length: 12 }, (_, i) => 30 * i));
    for (const p of points) expect(p.value).toBe(Math.round(harmonicsTarget(p.angle) * 1000) / 1000 + 0);
    expect(loadTarget('harmonics', 7, 1).map((p) => p.angle)).toEqual([0, 51.4, 102.9, 154.3, 205.7, 257.1, 308.6]);
  });

  it('step: ±1 = sign(sin θ), no point on a jump for even or odd counts', () => {
    for (const count of [1, 2, 3, 8, 9, 40, 199, 200]) {
      const points = loadTarget('step', count, 1);
      expect(points.length).toBe(count);
      for (const p of points) {
        expect(p.angle % 180).not.toBe(0);
        expect(p.value).toBe(Math.sin((p.angle * Math.PI) / 180) > 0 ? 1 : -1);
      }
    }
    expect(loadTarget('step', 4, 0).map((p) => p.angle)).toEqual([45, 135, 225, 315]);
  });

  it('noisy: the harmonics plus 0.2·N(0,1) from the seed, reproducible', () => {
    const clean = loadTarget('harmonics', 50, 0);
    const noisy = loadTarget('noisy', 50, 42);
    expect(loadTarget('noisy', 50, 42)).toEqual(noisy);
    expect(loadTarget('noisy', 50, 43)).not.toEqual(noisy);
    const noise = noisy.map((p, i) => p.value - clean[i].value);
    const sd = Math.sqrt(noise.reduce((s, v) => s + v * v, 0) / noise.length);
    expect(sd).toBeGreaterThan(0.1);
    expect(sd).toBeLessThan(0.3);
    const random = seededRandom(42);
    noisy.forEach((p) => expect(p.value).toBeCloseTo(harmonicsTarget(p.angle) + 0.2 * random.normal(), 3));
    expect(noise.every((v) => Math.abs(v) < 1.5)).toBe(true);
  });

  it('count 0 gives no points; angles stay in [0, 360) with one decimal; values never −0', () => {
    expect(loadTarget('noisy', 0, 1)).toEqual([]);
    for (const kind of ['harmonics', 'step', 'noisy'] as const) {
      for (const p of loadTarget(kind, 200, 5)) {
        expect(p.angle).toBeGreaterThanOrEqual(0);
        expect(p.angle).toBeLessThan(360);
        expect(Math.round(p.angle * 10) / 10).toBe(p.angle);
        expect(Object.is(p.value, -0)).toBe(false);
      }
    }
  });
});
