/**
 * The finite RNN behind the recurrent NTK (docs/rntk.md "Network") and its exact empirical NTK by
 * backpropagation through time: with the hidden states h_t, the backpropagated δ_t = ∂f/∂g_t
 * (δ_T = φ′(g_T) ⊙ (σ_v/√m) v, δ_t = φ′(g_t) ⊙ (σ_w/√m) Wᵀ δ_{t+1}),
 *
 *   Θ_m(x, z) = (σ_v²/m)⟨h_T(x), h_T′(z)⟩
 *             + Σ_{t,t′} ⟨δ_t(x), δ_t′(z)⟩ · ((σ_w²/m)⟨h_{t−1}(x), h_{t′−1}(z)⟩ + (σ_u²/d) x_tᵀz_t′ + σ_b²),
 *
 * the sum over all parameters (W, U, b, v) of ∂f(x)/∂p · ∂f(z)/∂p. Used by the tests to confirm the
 * recursion statistically; float64, every entry of W, U, b, v drawn N(0, 1) from `seed`.
 */
import { erf } from '../numerics/erf';
import { seededRandom } from '../numerics/random';
import type { RntkParams, Sequence } from './recursion';

export interface Rnn {
  m: number;
  d: number;
  params: RntkParams;
  /** W (m×m), U (m×d), row-major; b, v (m) */
  W: Float64Array;
  U: Float64Array;
  b: Float64Array;
  v: Float64Array;
  /** Wᵀ, row-major: the forward pass reads W by columns as rows of Wᵀ */
  WT: Float64Array;
}

/** Draw order: W, U, b, v, each row-major. */
export function initRnn(m: number, d: number, params: RntkParams, seed: number): Rnn {
  const rng = seededRandom(seed);
  const draw = (length: number) => Float64Array.from({ length }, () => rng.normal());
  const W = draw(m * m);
  const WT = new Float64Array(m * m);
  for (let o = 0; o < m; o++) for (let k = 0; k < m; k++) WT[k * m + o] = W[o * m + k];
  return { m, d, params, W, U: draw(m * d), b: draw(m), v: draw(m), WT };
}

const activation = (act: RntkParams['act']) =>
  act === 'relu'
    ? { phi: (g: number) => Math.max(g, 0), dphi: (g: number) => (g > 0 ? 1 : 0) }
    : { phi: erf, dphi: (g: number) => (2 / Math.sqrt(Math.PI)) * Math.exp(-g * g) };

/** One sequence's forward and backward pass: the hidden states h_0..h_T (h_0 = 0) and δ_1..δ_T, each m long. */
export interface RnnPasses {
  h: Float64Array[];
  delta: Float64Array[];
}

export function rnnPasses(net: Rnn, x: Sequence): RnnPasses {
  const job = rnnPassesJob(net, x);
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
  }
}

/** `rnnPasses` as a job: yields the multiply-adds of each step (m² forward, m² back), so a caller may stop between steps. */
export function* rnnPassesJob(net: Rnn, x: Sequence): Generator<number, RnnPasses> {
  const { m, d, W, WT, U, b, v } = net;
  const { sw, su, sb, sv, act } = net.params;
  const { phi, dphi } = activation(act);
  const h: Float64Array[] = [new Float64Array(m)];
  const g: Float64Array[] = [];
  for (let t = 0; t < x.T; t++) {
    const gt = new Float64Array(m);
    const prev = h[t];
    // W·h_{t−1} as Σ_k h_{t−1}[k]·(column k of W): rows of Wᵀ read in order, the zero units of a ReLU skipped
    const rec = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      const a = prev[k];
      if (a === 0) continue;
      const row = k * m;
      for (let o = 0; o < m; o++) rec[o] += a * WT[row + o];
    }
    for (let o = 0; o < m; o++) {
      let inp = 0;
      for (let k = 0; k < d; k++) inp += U[o * d + k] * x.values[t * d + k];
      gt[o] = (sw / Math.sqrt(m)) * rec[o] + (su / Math.sqrt(d)) * inp + sb * b[o];
    }
    g.push(gt);
    h.push(gt.map(phi));
    yield m * m;
  }
  const delta: Float64Array[] = new Array(x.T);
  delta[x.T - 1] = g[x.T - 1].map((gv, o) => dphi(gv) * (sv / Math.sqrt(m)) * v[o]);
  for (let t = x.T - 2; t >= 0; t--) {
    const next = delta[t + 1];
    // Wᵀδ row by row (W is row-major): sequential reads, and the zero entries of a ReLU δ skipped
    const dt = new Float64Array(m);
    for (let o = 0; o < m; o++) {
      const a = next[o];
      if (a === 0) continue;
      const row = o * m;
      for (let k = 0; k < m; k++) dt[k] += a * W[row + k];
    }
    const scale = sw / Math.sqrt(m);
    for (let k = 0; k < m; k++) dt[k] *= dphi(g[t][k]) * scale;
    delta[t] = dt;
    yield m * m;
  }
  return { h, delta };
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

/** Θ_m(x, z) of one network (the formula in the file comment). */
export function empiricalRntk(net: Rnn, x: Sequence, z: Sequence): number {
  const px = rnnPasses(net, x);
  return empiricalRntkOf(net, x, z, px, x === z ? px : rnnPasses(net, z));
}

/** Θ_m(x, z) from the sequences' passes (computed once per sequence when many pairs share them). */
export function empiricalRntkOf(net: Rnn, x: Sequence, z: Sequence, px: RnnPasses, pz: RnnPasses): number {
  const { m, d } = net;
  const { sw, su, sb, sv } = net.params;
  let theta = ((sv * sv) / m) * dot(px.h[x.T], pz.h[z.T]);
  for (let t = 0; t < x.T; t++)
    for (let u = 0; u < z.T; u++) {
      let inputs = 0;
      for (let k = 0; k < d; k++) inputs += x.values[t * d + k] * z.values[u * d + k];
      const factor = ((sw * sw) / m) * dot(px.h[t], pz.h[u]) + ((su * su) / d) * inputs + sb * sb;
      theta += dot(px.delta[t], pz.delta[u]) * factor;
    }
  return theta;
}
