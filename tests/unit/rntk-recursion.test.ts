/**
 * The recurrent NTK's recursion (src/core/rntk/recursion.ts, docs/rntk.md): hand-computed cases (T = 1;
 * T = T′ = 2), symmetry and positive semi-definiteness of Gram matrices over unequal lengths, and invariance
 * to prepending zeros exactly when σ_b = 0 — then every hidden state of the zero prefix is h = φ(0) = 0
 * (φ(0) = 0 for ReLU and erf), so the network is where it would be at h_0; with σ_b > 0 the prefix moves it.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/numerics/random';
import { symmetricEigen } from '../../src/core/numerics/symmetricEigen';
import {
  RNTK_DEFAULTS,
  type RntkParams,
  type Sequence,
  kernelMaps,
  rntk,
  rntkGram,
} from '../../src/core/rntk/recursion';
import { empiricalRntk, initRnn } from '../../src/core/rntk/rnn';
import { timeSensitivity } from '../../src/core/rntk/sensitivity';

const scalar = (...xs: number[]): Sequence => ({ values: Float64Array.from(xs), T: xs.length, d: 1 });

/** ReLU's F and G in closed form, written out here independently of the module. */
function reluFG(a: number, b: number, c: number): [number, number] {
  const theta = Math.acos(c / Math.sqrt(a * b));
  return [
    (Math.sqrt(a * b) * (Math.sin(theta) + (Math.PI - theta) * Math.cos(theta))) / (2 * Math.PI),
    (Math.PI - theta) / (2 * Math.PI),
  ];
}

describe('recurrent NTK recursion', () => {
  it('T = 1: K = σ_v²(F + G·Σ) with Σ = σ_u²xz/d + σ_b²; x = z = 1 gives exactly 1 (ReLU, defaults)', () => {
    expect(rntk(scalar(1), scalar(1), RNTK_DEFAULTS)).toBeCloseTo(1, 14);
    // x = 2, z = −1, σ_b = 0.5: Σ = −2 + 0.25, s_x = 4.25, s_z = 1.25
    const p = { ...RNTK_DEFAULTS, sb: 0.5 };
    const [F, G] = reluFG(4.25, 1.25, -1.75);
    expect(rntk(scalar(2), scalar(-1), p)).toBeCloseTo(F + G * -1.75, 13);
  });

  it('T = T′ = 2 by hand: x = (1, 2), z = (1, 1), ReLU, defaults', () => {
    // s(x) = (1, 2·F(1,1,1) + 4) = (1, 5), s(z) = (1, 2); pair 1: Σ = Θ = 1; pair 2: Σ = 2·½ + 2 = 3, Θ = 3 + 2·½·1
    const [F, G] = reluFG(5, 2, 3);
    expect(rntk(scalar(1, 2), scalar(1, 1), RNTK_DEFAULTS)).toBeCloseTo(F + G * 4, 13);
  });

  it('erf maps: F(a, a, a) and G at c = 0 as Williams (1997)', () => {
    const [F, G] = kernelMaps('erf', 1, 1, 1);
    expect(F).toBeCloseTo((2 / Math.PI) * Math.asin(2 / 3), 14);
    expect(kernelMaps('erf', 1, 1, 0)[1]).toBeCloseTo(4 / Math.PI / 3, 14);
    expect(G).toBeCloseTo(4 / Math.PI / Math.sqrt(9 - 4), 14);
  });

  const random = (seed: number, count: number) => {
    const rng = seededRandom(seed);
    return Array.from({ length: count }, (_, i) =>
      scalar(...Array.from({ length: 1 + ((i * 3) % 8) }, () => rng.normal())),
    );
  };

  for (const act of ['relu', 'erf'] as const) {
    it(`${act}: Gram matrices over unequal lengths are symmetric and positive semi-definite`, () => {
      const p = { ...RNTK_DEFAULTS, act, sb: 0.3 };
      const seqs = random(7, 10);
      const K = rntkGram(seqs, p);
      expect(rntk(seqs[2], seqs[5], p)).toBeCloseTo(rntk(seqs[5], seqs[2], p), 12);
      const { values } = symmetricEigen(K, seqs.length);
      const largest = Math.max(...values);
      expect(Math.min(...values)).toBeGreaterThan(-1e-10 * largest);
    });

    it(`${act}: prepending zeros changes nothing when σ_b = 0, and does when σ_b > 0`, () => {
      const x = scalar(0.5, -1, 2);
      const z = scalar(1, 0.3);
      const padded = scalar(0, 0, 0, 1, 0.3);
      const p = { ...RNTK_DEFAULTS, act };
      expect(rntk(x, padded, p)).toBeCloseTo(rntk(x, z, p), 12);
      const biased = { ...p, sb: 0.5 };
      expect(Math.abs(rntk(x, padded, biased) - rntk(x, z, biased))).toBeGreaterThan(1e-3);
    });

    it(`${act}: zeros after a nonzero step change K even when σ_b = 0 (the hidden state is no longer 0 there)`, () => {
      const x = scalar(0.5, -1, 2);
      const z = scalar(1, 0.3);
      const inserted = scalar(1, 0, 0, 0.3);
      const p = { ...RNTK_DEFAULTS, act };
      expect(Math.abs(rntk(x, inserted, p) - rntk(x, z, p))).toBeGreaterThan(1e-3);
    });
  }
});

describe('the recursion against finite RNNs (backpropagation through time)', () => {
  // width 512, 40 networks: the mean of Θ_m lies within 4 standard errors of the recursion (measured 1.5–2.2),
  // for unequal lengths and both nonlinearities; at this width and length the O(1/m) bias is far smaller
  const M = 512;
  const NETWORKS = 40;
  const x = scalar(0.8, -0.5, 1.2);
  const z = scalar(-0.3, 1.1);
  for (const act of ['relu', 'erf'] as const) {
    it(`${act}: mean of Θ_m(x, z) and Θ_m(z, z) near K, T = 3 against T′ = 2`, () => {
      const p = { ...RNTK_DEFAULTS, act, sb: 0.5 };
      for (const [a, b] of [
        [x, z],
        [z, z],
      ] as const) {
        const values = Array.from({ length: NETWORKS }, (_, i) => empiricalRntk(initRnn(M, 1, p, 100 + i), a, b));
        const mean = values.reduce((s, v) => s + v, 0) / NETWORKS;
        const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (NETWORKS - 1));
        const K = rntk(a, b, p);
        expect(Math.abs(mean - K), `${act}: mean ${mean}, K ${K}, sd ${sd}`).toBeLessThan(
          (4 * sd) / Math.sqrt(NETWORKS),
        );
      }
    });
  }
});

describe('how the RNTK weights time (timeSensitivity)', () => {
  /** ∂K(x, x)/∂x_t by central differences of the recursion itself, step h = 1e−4·max(1, |x_t|). */
  const centralDifferences = (x: Sequence, p: RntkParams) =>
    Array.from(x.values, (v, t) => {
      const h = 1e-4 * Math.max(1, Math.abs(v));
      const at = (value: number) => {
        const y = { ...x, values: Float64Array.from(x.values, (w, u) => (u === t ? value : w)) };
        return rntk(y, y, p);
      };
      return (at(v + h) - at(v - h)) / (2 * h);
    });

  it('the adjoint pass agrees with central differences of the recursion (ReLU and erf, d = 1 and 2)', () => {
    const rng = seededRandom(5);
    for (const d of [1, 2])
      for (const act of ['relu', 'erf'] as const)
        for (const sw of [1, Math.SQRT2, 1.7]) {
          const T = 12;
          const x: Sequence = { values: Float64Array.from({ length: T * d }, () => rng.normal()), T, d };
          const p = { act, sw, su: 1.3, sb: 0.4, sv: 1.2 };
          const exact = timeSensitivity(x, p);
          const numeric = centralDifferences(x, p);
          const scale = Math.max(...exact.map(Math.abs));
          exact.forEach((v, i) =>
            expect(Math.abs(v - numeric[i]), `${act} σ_w = ${sw} d = ${d} at ${i}`).toBeLessThan(1e-6 * scale),
          );
        }
  });

  it('ReLU in closed form: ∂K/∂x_t = σ_v²σ_u²·x_t·(j + 2)·(σ_w²/2)^j, j = T − t steps before the end', () => {
    const x = scalar(...Array.from({ length: 40 }, (_, t) => Math.cos(t / 4)));
    const p = { ...RNTK_DEFAULTS, sw: 1.1, su: 0.7, sb: 0.3, sv: 1.5 };
    const chi = (p.sw * p.sw) / 2;
    timeSensitivity(x, p).forEach((v, t) => {
      const j = x.T - 1 - t;
      const expected = p.sv ** 2 * p.su ** 2 * x.values[t] * (j + 2) * chi ** j;
      expect(Math.abs(v - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected) + 1e-300);
    });
  });

  it('T = 1 by hand: K(x, x) = σ_v²(F + G·s) with s = σ_u²x², so ∂K/∂x = σ_v²·σ_u²·2x (ReLU: F = s/2, G = 1/2)', () => {
    const [dK] = timeSensitivity(scalar(0.7), RNTK_DEFAULTS);
    expect(dK).toBeCloseTo(2 * 0.7, 6);
  });

  it('σ_w below the critical √2 forgets early steps; above it, they weigh as much or more (ReLU, σ_b = 0.1)', () => {
    const x = scalar(...Array.from({ length: 20 }, (_, t) => Math.sin(t / 3) + 1.2));
    const early = (sw: number) => {
      const s = timeSensitivity(x, { ...RNTK_DEFAULTS, sw, sb: 0.1 });
      return Math.abs(s[0]) / Math.abs(s[x.T - 1]);
    };
    expect(early(1)).toBeLessThan(0.01);
    expect(early(1.5)).toBeGreaterThan(1);
  });
});
