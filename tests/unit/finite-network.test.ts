/** Finite networks (docs/finite.md §1–2): the empirical NTK, its limit, orthogonal initialization. */
import { describe, expect, it } from 'vitest';
import { ntkOnRd } from '../../src/core/kernels/ntk';
import {
  empiricalNtk,
  initNetwork,
  type Network,
  type NetworkSpec,
  networkOutput,
  parameterGradient,
} from '../../src/core/finite/network';
import { householderQ, orthogonalMatrix } from '../../src/core/finite/orthogonal';
import { seededRandom } from '../../src/core/numerics/random';

const points = (n: number, d: number, seed: number) => {
  const r = seededRandom(seed);
  return Float64Array.from({ length: n * d }, () => r.normal());
};

/** Every parameter array of a network, in one list (weights then biases). */
const params = (net: Network) => [...net.weights, ...net.biases];

describe('finite network (network.ts)', () => {
  const spec: NetworkSpec = { d: 3, L: 2, m: 7, beta: 0.8, bias: 'random', init: 'gaussian' };

  it('the empirical NTK equals Σ_p ∂f(x)/∂p·∂f(z)/∂p by central differences (both conventions, both inits)', () => {
    for (const bias of ['zero', 'random'] as const) {
      for (const init of ['gaussian', 'orthogonal'] as const) {
        const net = initNetwork({ ...spec, bias, init }, 11);
        const X = points(3, 3, 5);
        // ∂f(x_i)/∂p by central differences, one parameter at a time
        const h = 1e-6;
        const grads = [0, 1, 2].map(() => [] as number[]);
        for (const p of params(net)) {
          for (let k = 0; k < p.length; k++) {
            const keep = p[k];
            p[k] = keep + h;
            const up = networkOutput(net, X, 3);
            p[k] = keep - h;
            const down = networkOutput(net, X, 3);
            p[k] = keep;
            for (let i = 0; i < 3; i++) grads[i].push((up[i] - down[i]) / (2 * h));
          }
        }
        const theta = empiricalNtk(net, X, 3, X, 3);
        for (let i = 0; i < 3; i++) {
          for (let j = 0; j < 3; j++) {
            const fd = grads[i].reduce((s, g, k) => s + g * grads[j][k], 0);
            expect(Math.abs(theta[i * 3 + j] - fd)).toBeLessThan(1e-6 * (1 + Math.abs(fd)));
          }
        }
        // the gradient of Σ r_i f(x_i) is Σ r_i ∂f(x_i)/∂p
        const r = Float64Array.from([0.3, -1.2, 0.7]);
        const g = parameterGradient(net, X, 3, r);
        const flat = [...g.weights, ...g.biases].flatMap((a) => Array.from(a));
        flat.forEach((v, k) => {
          const fd = r[0] * grads[0][k] + r[1] * grads[1][k] + r[2] * grads[2][k];
          expect(Math.abs(v - fd)).toBeLessThan(1e-6 * (1 + Math.abs(fd)));
        });
      }
    }
  });

  it('Θ_m(x, z) of a separate x and z equals the corresponding entries of the joint Gram matrix', () => {
    const net = initNetwork(spec, 2);
    const X = points(4, 3, 8);
    const joint = empiricalNtk(net, X, 4, X, 4);
    const part = empiricalNtk(net, X.subarray(0, 3), 1, X.subarray(3), 3);
    for (let j = 0; j < 3; j++) expect(part[j]).toBeCloseTo(joint[j + 1], 12);
  });

  it('is reproducible from its seed and differs between seeds', () => {
    expect(initNetwork(spec, 4).weights[1]).toEqual(initNetwork(spec, 4).weights[1]);
    expect(initNetwork(spec, 4).weights[1]).not.toEqual(initNetwork(spec, 5).weights[1]);
  });

  // The mean of Θ_m over many networks is within 4 standard errors of math.md's NTK (at width 128 the
  // finite-width bias, O(1/m), is below a tenth of a standard error here), for both conventions, both
  // initializations, L = 1 and 2, β > 0, at three angles and one point off the sphere.
  const cases = (['zero', 'random'] as const).flatMap((bias) =>
    (['gaussian', 'orthogonal'] as const).flatMap((init) => [1, 2].map((L) => ({ bias, init, L }))),
  );
  it.each(cases)('mean over 150 networks ≈ analytic NTK ($bias, $init, L = $L)', ({ bias, init, L }) => {
    const s: NetworkSpec = { d: 3, L, m: 128, beta: 0.6, bias, init };
    const x = Float64Array.from([0, 0, 1]);
    const Z = Float64Array.from([0, 0, 1, 1, 0, 0, -0.8, 0, -0.6, 0.9, 1.2, 0.3]);
    const nz = 4;
    const seeds = 150;
    const sum = new Float64Array(nz);
    const sum2 = new Float64Array(nz);
    for (let k = 0; k < seeds; k++) {
      const t = empiricalNtk(initNetwork(s, 100 + k), x, 1, Z, nz);
      for (let j = 0; j < nz; j++) {
        sum[j] += t[j];
        sum2[j] += t[j] * t[j];
      }
    }
    for (let j = 0; j < nz; j++) {
      const mean = sum[j] / seeds;
      const sd = Math.sqrt((sum2[j] - seeds * mean * mean) / (seeds - 1));
      const exact = ntkOnRd(x, Z.subarray(3 * j, 3 * j + 3), { L, beta: 0.6, bias });
      expect(Math.abs(mean - exact)).toBeLessThan(4 * (sd / Math.sqrt(seeds)) + 1e-12);
    }
  });
});

describe('orthogonal initialization (orthogonal.ts)', () => {
  it('Q has orthonormal columns to 1e−12 (tall and square, up to 200×200)', () => {
    const r = seededRandom(9);
    for (const [n, k] of [
      [5, 3],
      [200, 200],
      [300, 17],
    ]) {
      const q = householderQ(
        Float64Array.from({ length: n * k }, () => r.normal()),
        n,
        k,
      );
      let worst = 0;
      for (let a = 0; a < k; a++) {
        for (let b = 0; b <= a; b++) {
          let s = 0;
          for (let i = 0; i < n; i++) s += q[a * n + i] * q[b * n + i];
          worst = Math.max(worst, Math.abs(s - (a === b ? 1 : 0)));
        }
      }
      expect(worst).toBeLessThan(1e-12);
    }
  });

  it('weight matrices are √max(rows, cols) × orthonormal columns or rows', () => {
    const r = seededRandom(1);
    for (const [rows, cols] of [
      [40, 3],
      [1, 40],
      [3, 40],
    ]) {
      const w = orthogonalMatrix(rows, cols, r);
      const n = Math.max(rows, cols);
      // WᵀW = n·I (tall) or WWᵀ = n·I (wide)
      const tall = rows >= cols;
      const k = Math.min(rows, cols);
      for (let a = 0; a < k; a++) {
        for (let b = 0; b < k; b++) {
          let s = 0;
          for (let i = 0; i < n; i++) s += tall ? w[i * cols + a] * w[i * cols + b] : w[a * cols + i] * w[b * cols + i];
          expect(Math.abs(s / n - (a === b ? 1 : 0))).toBeLessThan(1e-12);
        }
      }
    }
  });

  it('entries have mean 0 and variance 1, and the signs are fixed (R has a positive diagonal: Haar, not biased)', () => {
    const r = seededRandom(21);
    // 400 matrices of 6×6: 14400 entries; mean and variance within 5 standard errors
    const values: number[] = [];
    let firstPositive = 0;
    for (let t = 0; t < 400; t++) {
      const w = orthogonalMatrix(6, 6, r);
      values.push(...w);
      if (w[0] > 0) firstPositive++;
    }
    const n = values.length;
    const mean = values.reduce((s, v) => s + v, 0) / n;
    const m2 = values.reduce((s, v) => s + v * v, 0) / n;
    // entries of √6·(Haar 6×6) have E[w⁴] = 6²·3/(6·8) = 2.25: sd of w² is √(2.25 − 1)
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n / 6));
    expect(Math.abs(m2 - 1)).toBeLessThan((5 * Math.sqrt(1.25)) / Math.sqrt(n / 6));
    // without the sign fix the (0,0) entry would be negative with probability 1 (Householder's R_00 < 0 for x0 > 0)
    expect(Math.abs(firstPositive / 400 - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / 400));
  });
});
