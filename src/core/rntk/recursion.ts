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

/** [F, G] for (u, v) ~ N(0, [[a, c], [c, b]]) (docs/rntk.md "Kernel maps"). */
export function kernelMaps(act: Activation, a: number, b: number, c: number): [number, number] {
  if (act === 'erf') {
    const p = (1 + 2 * a) * (1 + 2 * b);
    // |2c| ≤ 2√(ab) < √p: the arguments stay inside arcsin's domain and the root stays positive
    return [
      (2 / Math.PI) * Math.asin(Math.max(-1, Math.min(1, (2 * c) / Math.sqrt(p)))),
      4 / Math.PI / Math.sqrt(p - 4 * c * c),
    ];
  }
  // a pre-activation that is identically 0 (a = 0 or b = 0) contributes nothing
  if (!(a > 0 && b > 0)) return [0, 0];
  const root = Math.sqrt(a * b);
  const theta = Math.acos(Math.max(-1, Math.min(1, c / root)));
  return [
    (root * (Math.sin(theta) + (Math.PI - theta) * Math.cos(theta))) / (2 * Math.PI),
    (Math.PI - theta) / (2 * Math.PI),
  ];
}

const inner = (x: Sequence, t: number, z: Sequence, u: number): number => {
  let s = 0;
  for (let k = 0; k < x.d; k++) s += x.values[t * x.d + k] * z.values[u * z.d + k];
  return s;
};

/** s_1..s_T of one sequence (index t − 1): the variance of its pre-activation g_t. */
export function variances(x: Sequence, p: RntkParams): Float64Array {
  const s = new Float64Array(x.T);
  for (let t = 0; t < x.T; t++) {
    const input = (p.su * p.su * inner(x, t, x, t)) / x.d + p.sb * p.sb;
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
  const pairs = Math.min(x.T, z.T);
  let sigma = 0;
  let theta = 0;
  for (let j = pairs - 1; j >= 0; j--) {
    const [t, u] = [x.T - 1 - j, z.T - 1 - j];
    const input = (p.su * p.su * inner(x, t, z, u)) / x.d + p.sb * p.sb;
    if (j === pairs - 1) {
      // the first pair: one of its steps is a sequence's first, whose previous hidden state is h_0 = 0, so the
      // recurrent terms vanish (F(0, ·, ·) = 0 for ReLU and erf, and there is no Θ before it)
      sigma = input;
      theta = sigma;
    } else {
      const [F, G] = kernelMaps(p.act, sx[t - 1], sz[u - 1], sigma);
      sigma = p.sw * p.sw * F + input;
      theta = sigma + p.sw * p.sw * G * theta;
    }
  }
  const [F, G] = kernelMaps(p.act, sx[x.T - 1], sz[z.T - 1], sigma);
  return p.sv * p.sv * (F + G * theta);
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

/**
 * How the RNTK weights time: ∂K(x, x)/∂x_t for a scalar sequence (d = 1), at every step, by central
 * differences with the step h = 1e−4·max(1, |x_t|) (relative error ~h² ≈ 1e−8 for the smooth erf maps; ReLU's
 * maps are smooth wherever no pre-activation variance is 0). Index t − 1 holds step t; steps back from the end
 * are T − t.
 */
export function timeSensitivity(x: Sequence, p: RntkParams): Float64Array {
  if (x.d !== 1) throw new Error('time sensitivity is defined for scalar sequences');
  const out = new Float64Array(x.T);
  const moved = Float64Array.from(x.values);
  const at = (): number => {
    const y = { ...x, values: moved };
    return rntk(y, y, p);
  };
  for (let t = 0; t < x.T; t++) {
    const h = 1e-4 * Math.max(1, Math.abs(x.values[t]));
    moved[t] = x.values[t] + h;
    const up = at();
    moved[t] = x.values[t] - h;
    const down = at();
    moved[t] = x.values[t];
    out[t] = (up - down) / (2 * h);
  }
  return out;
}
