/**
 * The recurrent NTK of a single-layer RNN (Alemohammad, Wang, Balestriero & Baraniuk, ICLR 2021) for
 * sequences of any lengths, exactly as docs/rntk.md fixes it: the kernel maps F = E[φ(u)φ(v)] and
 * G = E[φ′(u)φ′(v)] of ReLU and erf, each sequence's own variances s_t, and the recursion along the
 * end-aligned pairs of time steps. Pure float64; sequences are row-major T×d arrays.
 */

export type Activation = 'relu' | 'erf';

export interface RntkParams {
  act: Activation;
  /** σ_w (recurrent weights), σ_u (input weights), σ_b (bias), σ_v (output weights) */
  sw: number;
  su: number;
  sb: number;
  sv: number;
}

/** docs/rntk.md defaults: ReLU, σ_w = √2, σ_u = 1, σ_b = 0, σ_v = 1. */
export const RNTK_DEFAULTS: RntkParams = { act: 'relu', sw: Math.SQRT2, su: 1, sb: 0, sv: 1 };

/** A sequence x_1..x_T of d-vectors, row-major. */
export interface Sequence {
  values: Float64Array;
  T: number;
  d: number;
}

/**
 * F and G for (u, v) ~ N(0, [[a, c], [c, b]]) (docs/rntk.md "Kernel maps"), written to out[0] and out[1]: the
 * recursion calls this once per pair of time steps, n²·T times for a Gram matrix, and allocates nothing there.
 */
function kernelMapsInto(act: Activation, a: number, b: number, c: number, out: Float64Array): void {
  if (act === 'erf') {
    const p = (1 + 2 * a) * (1 + 2 * b);
    // |2c| ≤ 2√(ab) < √p: the arguments stay inside arcsin's domain and the root stays positive
    out[0] = (2 / Math.PI) * Math.asin(Math.max(-1, Math.min(1, (2 * c) / Math.sqrt(p))));
    out[1] = 4 / Math.PI / Math.sqrt(p - 4 * c * c);
    return;
  }
  // a pre-activation that is identically 0 (a = 0 or b = 0) contributes nothing
  if (!(a > 0 && b > 0)) {
    out[0] = 0;
    out[1] = 0;
    return;
  }
  // √(ab) is exact on the diagonal (a = b = c gives c/root = 1, θ = 0, where arccos is ill-conditioned); √a·√b only
  // where ab overflows (σ_w = 2 over 512 steps: variances ~10¹⁵⁷)
  const ab = a * b;
  const root = Number.isFinite(ab) ? Math.sqrt(ab) : Math.sqrt(a) * Math.sqrt(b);
  const theta = Math.acos(Math.max(-1, Math.min(1, c / root)));
  out[0] = (root * (Math.sin(theta) + (Math.PI - theta) * Math.cos(theta))) / (2 * Math.PI);
  out[1] = (Math.PI - theta) / (2 * Math.PI);
}

/** [F, G] for (u, v) ~ N(0, [[a, c], [c, b]]) (docs/rntk.md "Kernel maps"). */
export function kernelMaps(act: Activation, a: number, b: number, c: number): [number, number] {
  const out = new Float64Array(2);
  kernelMapsInto(act, a, b, c, out);
  return [out[0], out[1]];
}

/** x_t · z_u: the d-vectors at offsets `from` of x and `to` of z. */
function inner(x: Float64Array, from: number, z: Float64Array, to: number, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += x[from + k] * z[to + k];
  return s;
}

/** s_1..s_T of one sequence (index t − 1): the variance of its pre-activation g_t. */
export function variances(x: Sequence, p: RntkParams): Float64Array {
  const s = new Float64Array(x.T);
  for (let t = 0; t < x.T; t++) {
    const input = (p.su * p.su * inner(x.values, t * x.d, x.values, t * x.d, x.d)) / x.d + p.sb * p.sb;
    s[t] = t === 0 ? input : p.sw * p.sw * kernelMaps(p.act, s[t - 1], s[t - 1], s[t - 1])[0] + input;
  }
  return s;
}

/**
 * K(x, z): the recursion along the end-aligned pairs (T − j, T′ − j), from the earliest pair to the last;
 * `sx`, `sz` the sequences' variances (from `variances`, passed in so that a Gram matrix computes them once).
 */
export function rntk(x: Sequence, z: Sequence, p: RntkParams, sx = variances(x, p), sz = variances(z, p)): number {
  if (x.d !== z.d) throw new Error(`sequences of ${x.d}- and ${z.d}-vectors`);
  const d = x.d;
  // the squares once per pair rather than once per step: the same floating-point values (σ² is formed first
  // in every product below, as written left to right)
  const sw2 = p.sw * p.sw;
  const su2 = p.su * p.su;
  const sb2 = p.sb * p.sb;
  const pairs = Math.min(x.T, z.T);
  const maps = new Float64Array(2);
  let sigma = 0;
  let theta = 0;
  for (let j = pairs - 1; j >= 0; j--) {
    const t = x.T - 1 - j;
    const u = z.T - 1 - j;
    const input = (su2 * inner(x.values, t * d, z.values, u * d, d)) / d + sb2;
    if (j === pairs - 1) {
      // the first pair: one of its steps is a sequence's first, whose previous hidden state is h_0 = 0, so the
      // recurrent terms vanish (F(0, ·, ·) = 0 for ReLU and erf, and there is no Θ before it)
      sigma = input;
      theta = sigma;
    } else {
      kernelMapsInto(p.act, sx[t - 1], sz[u - 1], sigma, maps);
      sigma = sw2 * maps[0] + input;
      theta = sigma + sw2 * maps[1] * theta;
    }
  }
  kernelMapsInto(p.act, sx[x.T - 1], sz[z.T - 1], sigma, maps);
  return p.sv * p.sv * (maps[0] + maps[1] * theta);
}

/** The Gram matrix K(x_i, x_j) of a list of sequences (n×n, row-major, symmetric by construction). */
export function rntkGram(sequences: readonly Sequence[], p: RntkParams): Float64Array {
  const n = sequences.length;
  const s = sequences.map((x) => variances(x, p));
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      const v = rntk(sequences[i], sequences[j], p, s[i], s[j]);
      K[i * n + j] = v;
      K[j * n + i] = v;
    }
  return K;
}
