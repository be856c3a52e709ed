/**
 * GP samples (docs/function-space.md, "GP samples"): the coefficients are common random numbers (same
 * seed, same ξ; a higher degree only adds terms), and the empirical covariance of many samples converges
 * to the truncated Mercer sum (and, for the Gaussian, to the kernel itself). The harmonics themselves:
 * harmonics.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { harmonicCount, latitudeGrid, sphereGridSize, synthesizeSphere } from '../../src/core/functionSpace/harmonics';
import { carriedFromAngle, defaultInstance, sphereValue } from '../../src/core/kernels/registry';
import {
  amplitudes,
  circleSamples,
  gpSamples,
  sampleCoefficients,
  sphereSamples,
} from '../../src/core/functionSpace/samples';
import { spectrum } from '../../src/core/spectrum/spectrum';

import { legendre } from './legendre';

/** x·y of two grid points (latitude ϑ, longitude φ). */
function gridCosine(lat1: number, lon1: number, lat2: number, lon2: number): number {
  return Math.sin(lat1) * Math.sin(lat2) + Math.cos(lat1) * Math.cos(lat2) * Math.cos(lon1 - lon2);
}

describe('common random numbers', () => {
  it('the same seed gives the same ξ; a longer draw extends a shorter one; another seed differs', () => {
    const short = sampleCoefficients(7, 100);
    const long = sampleCoefficients(7, 1000);
    expect(Array.from(sampleCoefficients(7, 100))).toEqual(Array.from(short));
    expect(Array.from(long.subarray(0, 100))).toEqual(Array.from(short));
    expect(sampleCoefficients(8, 100)[0]).not.toBe(short[0]);
  });

  it('eigenvalues at or below the floor, or negative, are used as 0', () => {
    const s = amplitudes(Float64Array.from([1, -1e-20, 1e-30, 1e-20, 0.25]), 1e-20, 4);
    expect(Array.from(s)).toEqual([1, 0, 0, 0, 0.5]);
  });

  it('circle: draw order ξ_0, (ξ_k1, ξ_k2); f_K′ − f_K is exactly the added degrees', () => {
    const kernels = [defaultInstance('laplace'), defaultInstance('ntk', { L: 2 })];
    const [K, K2, seed] = [10, 25, 3];
    const { series } = spectrum({ kernels, d: 2, kmax: K2, unit: false });
    const lambdas = series.map((s) => s.lambda);
    const floors = series.map((s) => s.floor);
    const low = circleSamples(lambdas, floors, K, seed);
    const high = circleSamples(lambdas, floors, K2, seed);
    expect(low.theta.length).toBe(1024);
    const xi = sampleCoefficients(seed, 2 * K2 + 1);
    kernels.forEach((_, v) => {
      const s = amplitudes(lambdas[v], floors[v], K2);
      for (const i of [0, 3, 200, 511, 1023]) {
        const theta = high.theta[i];
        let added = 0;
        for (let k = K + 1; k <= K2; k++) {
          added += Math.SQRT2 * s[k] * (xi[2 * k - 1] * Math.cos(k * theta) + xi[2 * k] * Math.sin(k * theta));
        }
        expect(Math.abs(high.values[v][i] - low.values[v][i] - added), `kernel ${v}, i ${i}`).toBeLessThan(1e-12);
      }
    });
  });

  it('sphere: f_K′ − f_K is exactly the added degrees', () => {
    const kernels = [defaultInstance('gexp', { gamma: 0.5 }), defaultInstance('gauss')];
    const [K, K2, seed] = [12, 30, 5];
    const { series } = spectrum({ kernels, d: 3, kmax: K2, unit: true });
    const lambdas = series.map((s) => s.lambda);
    const floors = series.map((s) => s.floor);
    const low = sphereSamples(lambdas, floors, K, seed);
    const high = sphereSamples(lambdas, floors, K2, seed);
    expect([low.nLat, low.nLon, high.nLat, high.nLon]).toEqual([128, 256, 128, 256]);
    const xi = sampleCoefficients(seed, harmonicCount(K2));
    const added = kernels.map((_, v) => {
      const s = amplitudes(lambdas[v], floors[v], K2);
      return Float64Array.from(xi, (c, i) => {
        const l = Math.floor(Math.sqrt(i));
        return l > K ? s[l] * c : 0;
      });
    });
    const expected = synthesizeSphere(added, K2, high.latitude, high.nLon);
    kernels.forEach((_, v) => {
      let worst = 0;
      high.values[v].forEach((f, i) => (worst = Math.max(worst, Math.abs(f - low.values[v][i] - expected[v][i]))));
      expect(worst, `kernel ${v}`).toBeLessThan(1e-12);
    });
  });

  it('gpSamples = the spectrum core at d = 2 or 3 (after norm) followed by circleSamples / sphereSamples', () => {
    const kernels = [defaultInstance('ntk', { L: 1 }), defaultInstance('gexp', { gamma: 0.5 })];
    for (const [domain, d] of [
      ['circle', 2],
      ['sphere', 3],
    ] as const) {
      const r = gpSamples({ kernels, unit: true, domain, degree: 20, seed: 9 });
      const { series } = spectrum({ kernels, d, kmax: 20, unit: true });
      const args = [series.map((s) => s.lambda), series.map((s) => s.floor), 20, 9] as const;
      const direct = domain === 'circle' ? circleSamples(...args) : sphereSamples(...args);
      expect(r.domain).toBe(domain);
      expect(r.degree).toBe(20);
      expect(r.values).toEqual(direct.values);
      expect(r.range).toEqual(direct.range);
    }
  });

  it('the range covers every kernel; arrays have their own buffers (transferable)', () => {
    const r = gpSamples({
      kernels: [defaultInstance('laplace'), defaultInstance('gauss', { c: 0.1 })],
      unit: false,
      domain: 'sphere',
      degree: 8,
      seed: 1,
    });
    if (r.domain !== 'sphere') throw new Error('expected a sphere result');
    const all = r.values.flatMap((v) => Array.from(v));
    expect(r.range).toEqual([Math.min(...all), Math.max(...all)]);
    const buffers = new Set([r.latitude.buffer, ...r.values.map((v) => v.buffer)]);
    expect(buffers.size).toBe(1 + r.values.length);
    r.values.forEach((v) => expect(v.length).toBe(r.nLat * r.nLon));
  });
});

/**
 * Empirical covariance over S samples: Ĉ = (1/S) Σ_s f_s(x) f_s(y) (mean 0 is known). For jointly Gaussian
 * f(x), f(y): Var(f(x) f(y)) = C(x,x) C(y,y) + C(x,y)², so the standard error of Ĉ is
 * √((C_xx C_yy + C_xy²)/S). The tolerance is 5 standard errors (the seeds are fixed, so the test is
 * deterministic; 5σ leaves room for the ~20 comparisons made).
 */
const STANDARD_ERRORS = 5;

function expectCovariance(products: number[], cxx: number, cyy: number, cxy: number, label: string): void {
  const S = products.length;
  const estimate = products.reduce((a, b) => a + b, 0) / S;
  const standardError = Math.sqrt((cxx * cyy + cxy * cxy) / S);
  expect(Math.abs(estimate - cxy), label).toBeLessThan(STANDARD_ERRORS * standardError);
}

describe('empirical covariance → truncated Mercer sum Σ_{k≤K} N λ_k P_k(x·y)', () => {
  it('circle: 2000 samples, Laplace and Gaussian at K = 32 (the Gaussian’s sum is κ itself to 1e−13)', () => {
    const kernels = [defaultInstance('laplace'), defaultInstance('gauss')];
    const K = 32;
    const S = 2000;
    const { series } = spectrum({ kernels, d: 2, kmax: K, unit: false });
    const lambdas = series.map((s) => s.lambda);
    const floors = series.map((s) => s.floor);
    // C(Δ) = λ_0 + Σ_{k=1..K} 2 λ_k cos kΔ  (d = 2: N = 2, P_k(cos Δ) = cos kΔ)
    const mercer = (v: number, delta: number) => {
      const s = amplitudes(lambdas[v], floors[v], K);
      let c = s[0] * s[0];
      for (let k = 1; k <= K; k++) c += 2 * s[k] * s[k] * Math.cos(k * delta);
      return c;
    };
    const gauss = kernels[1];
    for (const delta of [0, 0.3, 1, Math.PI / 2, Math.PI]) {
      const { delta: dd, sigma } = carriedFromAngle(delta);
      expect(Math.abs(mercer(1, delta) - sphereValue(gauss, dd, sigma, false))).toBeLessThan(1e-13);
    }
    const pairs: [number, number][] = [
      [0, 0],
      [0, 64],
      [0, 256],
      [100, 612],
      [0, 512],
      [700, 701],
    ];
    const products = kernels.map(() => pairs.map((): number[] => []));
    let theta: Float64Array = new Float64Array(0);
    for (let seed = 1; seed <= S; seed++) {
      const r = circleSamples(lambdas, floors, K, seed);
      theta = r.theta;
      r.values.forEach((f, v) => pairs.forEach(([i, j], p) => products[v][p].push(f[i] * f[j])));
    }
    kernels.forEach((k, v) => {
      const c0 = mercer(v, 0);
      pairs.forEach(([i, j], p) => {
        const cxy = mercer(v, theta[j] - theta[i]);
        expectCovariance(products[v][p], c0, c0, cxy, `${k.family} pair (${i}, ${j})`);
      });
    });
  });

  it('sphere: 400 samples, Laplace and Gaussian at K = 16 (the Gaussian’s sum is κ itself to 1e−13)', () => {
    const kernels = [defaultInstance('laplace'), defaultInstance('gauss')];
    const K = 16;
    const S = 400;
    const { series } = spectrum({ kernels, d: 3, kmax: K, unit: false });
    const lambdas = series.map((s) => s.lambda);
    const floors = series.map((s) => s.floor);
    const mercer = (v: number, t: number) => {
      const s = amplitudes(lambdas[v], floors[v], K);
      const p = legendre(t, K);
      let c = 0;
      for (let l = 0; l <= K; l++) c += (2 * l + 1) * s[l] * s[l] * p[l];
      return c;
    };
    const gauss = kernels[1];
    for (const t of [1, 0.9, 0.2, -0.5, -1]) {
      const theta = Math.acos(t);
      const { delta, sigma } = carriedFromAngle(theta);
      expect(Math.abs(mercer(1, t) - sphereValue(gauss, delta, sigma, false))).toBeLessThan(1e-13);
    }
    const { nLat, nLon } = sphereGridSize(K);
    const lat = latitudeGrid(nLat);
    const lon = (j: number) => (2 * Math.PI * j) / nLon;
    // (latitude index, longitude index) pairs: same point, neighbours, far apart, antipodes, near a pole
    const pairs: [[number, number], [number, number]][] = [
      [
        [64, 0],
        [64, 0],
      ],
      [
        [64, 0],
        [66, 3],
      ],
      [
        [40, 10],
        [90, 70],
      ],
      [
        [20, 30],
        [107, 158],
      ],
      [
        [0, 0],
        [0, 128],
      ],
      [
        [127, 5],
        [120, 200],
      ],
    ];
    const products = kernels.map(() => pairs.map((): number[] => []));
    for (let seed = 1; seed <= S; seed++) {
      const r = sphereSamples(lambdas, floors, K, seed);
      r.values.forEach((f, v) =>
        pairs.forEach(([[i1, j1], [i2, j2]], p) => products[v][p].push(f[i1 * nLon + j1] * f[i2 * nLon + j2])),
      );
    }
    kernels.forEach((k, v) => {
      const c0 = mercer(v, 1);
      pairs.forEach(([[i1, j1], [i2, j2]], p) => {
        const cxy = mercer(v, gridCosine(lat[i1], lon(j1), lat[i2], lon(j2)));
        expectCovariance(products[v][p], c0, c0, cxy, `${k.family} pair (${i1},${j1})–(${i2},${j2})`);
      });
    });
  });
});
