/**
 * Real spherical harmonics and the sampling grid (functionSpace/harmonics.ts, docs/function-space.md): the
 * harmonics are orthonormal for the uniform probability measure and satisfy the addition theorem (math.md
 * §3) up to degree 512, and the grid synthesis agrees with direct evaluation.
 */
import { describe, expect, it } from 'vitest';
import {
  columnStart,
  harmonicCount,
  harmonicIndex,
  harmonicsAt,
  latitudeGrid,
  legendreCount,
  legendreRecurrence,
  normalizedLegendre,
  sphereGridSize,
  synthesizeSphere,
} from '../../src/core/functionSpace/harmonics';
import { gaussLegendre } from '../../src/core/spectrum/quadrature';
import { seededRandom } from '../../src/core/numerics/random';

import { legendre } from './legendre';

/** Gauss–Legendre in x = sin ϑ on [−1, 1] for dx/2 (gaussLegendre is on [0, 1], weights summing to 1). */
function latitudeRule(n: number): { x: Float64Array; u: Float64Array; w: Float64Array } {
  const { nodes, weights } = gaussLegendre(n);
  return {
    x: Float64Array.from(nodes, (s) => 2 * s - 1),
    // cos ϑ = √(1 − x²) = 2√(s(1 − s)), without the cancellation of 1 − x² near the poles
    u: Float64Array.from(nodes, (s) => 2 * Math.sqrt(s * (1 - s))),
    w: weights,
  };
}

/** A uniform random point of S² as (sin ϑ, cos ϑ, φ) and its Cartesian coordinates. */
function randomPoint(random: { normal(): number }) {
  const v = [random.normal(), random.normal(), random.normal()];
  const r = Math.hypot(...v);
  const [X, Y, Z] = v.map((t) => t / r);
  return { x: Z, u: Math.hypot(X, Y), phi: Math.atan2(Y, X), xyz: [X, Y, Z] };
}

describe('real spherical harmonics (harmonics.ts)', () => {
  it('closed forms of degree ≤ 2 in draw order (no Condon–Shortley phase)', () => {
    const [x, u, phi] = [0.3, Math.sqrt(1 - 0.09), 0.7];
    const y = harmonicsAt(x, u, phi, 2);
    const expected = [
      1,
      Math.sqrt(3) * x, // (1, 0)
      Math.sqrt(3) * u * Math.cos(phi), // (1, 1) cos
      Math.sqrt(3) * u * Math.sin(phi), // (1, 1) sin
      (Math.sqrt(5) * (3 * x * x - 1)) / 2, // (2, 0)
      Math.sqrt(15) * x * u * Math.cos(phi),
      Math.sqrt(15) * x * u * Math.sin(phi),
      Math.sqrt(15 / 4) * u * u * Math.cos(2 * phi),
      Math.sqrt(15 / 4) * u * u * Math.sin(2 * phi),
    ];
    expected.forEach((e, i) => expect(Math.abs(y[i] - e), `index ${i}`).toBeLessThan(1e-15));
    expect([harmonicIndex(3, 0), harmonicIndex(3, 2, 'cos'), harmonicIndex(3, 2, 'sin')]).toEqual([9, 12, 13]);
    expect(harmonicCount(3)).toBe(16);
  });

  it('orthonormal to 1e−12 for all pairs of degree ≤ 20 (Gauss–Legendre in sin ϑ × uniform longitude)', () => {
    const L = 20;
    // exact for the products: degree ≤ 2L in x needs n ≥ L + 1 nodes; cos/sin of (m ± m')φ needs nφ > 2L
    const { x, u, w } = latitudeRule(L + 2);
    const nPhi = 2 * L + 6;
    const count = harmonicCount(L);
    const gram = new Float64Array(count * count);
    for (let i = 0; i < x.length; i++) {
      for (let j = 0; j < nPhi; j++) {
        const y = harmonicsAt(x[i], u[i], (2 * Math.PI * j) / nPhi, L);
        const weight = w[i] / nPhi;
        for (let a = 0; a < count; a++) {
          const wa = weight * y[a];
          for (let b = a; b < count; b++) gram[a * count + b] += wa * y[b];
        }
      }
    }
    let worst = 0;
    for (let a = 0; a < count; a++) {
      for (let b = a; b < count; b++) worst = Math.max(worst, Math.abs(gram[a * count + b] - (a === b ? 1 : 0)));
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it('orthonormal to 1e−12 at degree 200 (selected pairs, 2-D quadrature)', () => {
    const K = 200;
    const { x, u, w } = latitudeRule(K + 2);
    const nPhi = 2 * K + 6;
    const rec = legendreRecurrence(K);
    const p = Array.from(x, () => new Float64Array(legendreCount(K)));
    x.forEach((xi, i) => normalizedLegendre(xi, u[i], rec, p[i]));
    type H = [number, number, 'cos' | 'sin'];
    const value = (i: number, j: number, [l, m, part]: H) => {
      const t = (m * 2 * Math.PI * j) / nPhi;
      const trig = m === 0 ? 1 : part === 'cos' ? Math.cos(t) : Math.sin(t);
      return p[i][columnStart(m, K) + l - m] * trig;
    };
    const inner = (a: H, b: H) => {
      let s = 0;
      for (let i = 0; i < x.length; i++) {
        for (let j = 0; j < nPhi; j++) s += (w[i] / nPhi) * value(i, j, a) * value(i, j, b);
      }
      return s;
    };
    const pairs: [H, H, number][] = [
      [[200, 0, 'cos'], [200, 0, 'cos'], 1],
      [[200, 0, 'cos'], [198, 0, 'cos'], 0],
      [[200, 17, 'cos'], [200, 17, 'cos'], 1],
      [[200, 17, 'sin'], [198, 17, 'sin'], 0],
      [[200, 17, 'sin'], [200, 17, 'cos'], 0],
      [[200, 150, 'cos'], [199, 150, 'cos'], 0],
      [[199, 150, 'sin'], [199, 150, 'sin'], 1],
      [[200, 200, 'sin'], [200, 200, 'sin'], 1],
      [[200, 199, 'cos'], [200, 200, 'cos'], 0],
    ];
    for (const [a, b, expected] of pairs) {
      expect(Math.abs(inner(a, b) - expected), `${a} · ${b}`).toBeLessThan(1e-12);
    }
  });

  it('stable at degree 512: ∫P̄_lm P̄_l′m dx/2 = (2 − δ_m0)δ_ll′ to 1e−12', () => {
    const K = 512;
    const { x, u, w } = latitudeRule(K + 2);
    const rec = legendreRecurrence(K);
    const p = new Float64Array(legendreCount(K));
    const ms = [0, 1, 37, 250, 400, 510, 512];
    const sums = new Map<string, number>();
    x.forEach((xi, i) => {
      normalizedLegendre(xi, u[i], rec, p);
      for (const m of ms) {
        const at = (l: number) => p[columnStart(m, K) + l - m];
        for (const [l, l2] of [
          [512, 512],
          [511, 511],
          [512, 510],
        ]) {
          if (l2 < m) continue;
          const key = `${m} ${l} ${l2}`;
          sums.set(key, (sums.get(key) ?? 0) + w[i] * at(l) * at(l2));
        }
      }
    });
    for (const [key, s] of sums) {
      const [m, l, l2] = key.split(' ').map(Number);
      const expected = l === l2 ? (m === 0 ? 1 : 2) : 0;
      expect(Math.abs(s - expected), key).toBeLessThan(1e-12);
    }
  });

  it('Σ_m P̄_lm(x)² = 2l + 1 at degree 512 from the equator to 1e−4 rad from a pole (underflow harmless)', () => {
    const K = 512;
    const rec = legendreRecurrence(K);
    const p = new Float64Array(legendreCount(K));
    for (const colatitude of [1e-4, 1e-3, 0.01, 0.05, 0.2, 0.7, 1.2, Math.PI / 2]) {
      // x and u consistent to ~ε·u² (x² + u² = 1): near the pole, P_l′(1) = l(l+1)/2 would turn an
      // inconsistency of ε into ~l²ε/2 ≈ 1e−11 relative
      const x = Math.cos(colatitude);
      normalizedLegendre(x, Math.sqrt((1 - x) * (1 + x)), rec, p);
      for (const l of [100, 511, 512]) {
        let s = 0;
        for (let m = 0; m <= l; m++) s += p[columnStart(m, K) + l - m] ** 2;
        expect(Math.abs(s / (2 * l + 1) - 1), `colatitude ${colatitude}, l ${l}`).toBeLessThan(1e-12);
      }
    }
  });

  it('addition theorem Σ_m Y_lm(x) Y_lm(y) = (2l+1) P_l(x·y) at random points, l ≤ 100, to 1e−12·(2l+1)', () => {
    const L = 100;
    const random = seededRandom(42);
    for (let trial = 0; trial < 20; trial++) {
      const a = randomPoint(random);
      const b = trial === 0 ? a : randomPoint(random); // x = y once: Σ_m Y_lm² = 2l + 1
      const ya = harmonicsAt(a.x, a.u, a.phi, L);
      const yb = harmonicsAt(b.x, b.u, b.phi, L);
      // x·x is 1 exactly (the rounded sum would be off by ~ε, times P_l′(1) = l(l+1)/2)
      const t = trial === 0 ? 1 : a.xyz[0] * b.xyz[0] + a.xyz[1] * b.xyz[1] + a.xyz[2] * b.xyz[2];
      const pl = legendre(t, L);
      for (let l = 0; l <= L; l++) {
        let s = 0;
        for (let i = l * l; i < (l + 1) * (l + 1); i++) s += ya[i] * yb[i];
        expect(Math.abs(s - (2 * l + 1) * pl[l]), `trial ${trial}, l ${l}`).toBeLessThan(1e-12 * (2 * l + 1));
      }
    }
  });
});

describe('grid (docs/function-space.md)', () => {
  it('nLon = max(256, 2K + 2) rounded up to even, nLat = nLon/2; cell-centre latitudes, exactly symmetric', () => {
    expect(sphereGridSize(1)).toEqual({ nLon: 256, nLat: 128 });
    expect(sphereGridSize(127)).toEqual({ nLon: 256, nLat: 128 });
    expect(sphereGridSize(128)).toEqual({ nLon: 258, nLat: 129 });
    expect(sphereGridSize(256)).toEqual({ nLon: 514, nLat: 257 });
    for (const n of [128, 129]) {
      const lat = latitudeGrid(n);
      lat.forEach((t, i) => {
        expect(Math.abs(t - ((Math.PI * (i + 0.5)) / n - Math.PI / 2))).toBeLessThan(1e-15);
        expect(lat[n - 1 - i] === -t, `${n}: ${i}`).toBe(true);
      });
    }
  });

  it('synthesis agrees with Σ c_i Y_i evaluated directly, to 1e−12 of Σ|c_i Y_i| (even and odd grid sizes)', () => {
    for (const K of [20, 130]) {
      const { nLat, nLon } = sphereGridSize(K);
      const lat = latitudeGrid(nLat);
      const random = seededRandom(K);
      // two vectors: white coefficients and a decaying spectrum
      const vectors = [0, 1].map((v) =>
        Float64Array.from({ length: harmonicCount(K) }, (_, i) => random.normal() / (v === 0 ? 1 : 1 + i)),
      );
      const values = synthesizeSphere(vectors, K, lat, nLon);
      const rows = [0, 1, nLat >> 1, (nLat >> 1) + 1, nLat - 2, nLat - 1];
      const cols = [0, 1, nLon >> 2, (nLon >> 2) + 1, (nLon >> 1) - 1, nLon >> 1, (3 * nLon) >> 2, nLon - 1];
      for (const i of rows) {
        for (const j of cols) {
          const y = harmonicsAt(Math.sin(lat[i]), Math.cos(lat[i]), (2 * Math.PI * j) / nLon, K);
          vectors.forEach((c, v) => {
            let direct = 0;
            let scale = 0;
            for (let k = 0; k < y.length; k++) {
              direct += c[k] * y[k];
              scale += Math.abs(c[k] * y[k]);
            }
            expect(Math.abs(values[v][i * nLon + j] - direct), `K ${K} (${i}, ${j}) vector ${v}`).toBeLessThan(
              1e-12 * scale,
            );
          });
        }
      }
    }
  });
});
