/**
 * Finite ReLU networks in the NTK parameterization (docs/finite.md §1) and their exact empirical NTK
 * (§2): as the width m → ∞ it converges to math.md §2.2's NTK with the same L, β and bias convention
 * (src/core/kernels/ntk.ts), for either initialization.
 *
 *     g¹ = W¹x + βb¹,  g^{h+1} = √(2/m)·W^{h+1} relu(g^h) + βb^{h+1},  f = √(2/m)·w^{L+1} relu(g^L) + βb^{L+1}
 *
 * Random draws, in this order, from one seeded generator (src/core/numerics/random.ts): for l = 1..L+1
 * the entries of W^l (row-major; for `orthogonal` the column-major Gaussian matrix its QR starts from),
 * then, in convention B only, the entries of b^l.
 */
import { seededRandom } from '../numerics/random';
import { mulAB, mulABt } from './matmul';
import { orthogonalMatrix } from './orthogonal';

export type Init = 'gaussian' | 'orthogonal';

export interface NetworkSpec {
  /** input dimension */
  d: number;
  /** hidden layers */
  L: number;
  /** width of every hidden layer */
  m: number;
  /** bias scale β ≥ 0 */
  beta: number;
  /** `zero`: convention A (biases start at 0); `random`: convention B (N(0, 1) biases) */
  bias: 'zero' | 'random';
  init: Init;
}

/** weights[l] for l = 0..L: W¹ (m×d), W² … W^L (m×m), w^{L+1} (1×m), row-major; biases[l]: b^{l+1} (length m, last length 1) */
export interface Network {
  spec: NetworkSpec;
  weights: Float64Array[];
  biases: Float64Array[];
}

/** Rows (outputs) and columns (inputs) of weights[l]. */
function layerShape({ d, L, m }: NetworkSpec, l: number): { rows: number; cols: number } {
  return { rows: l === L ? 1 : m, cols: l === 0 ? d : m };
}

/** The factor in front of weights[l]: 1 for the first layer (no 1/√d: Σ^(0) = xᵀz), √(2/m) after it. */
function layerScale(spec: NetworkSpec, l: number): number {
  return l === 0 ? 1 : Math.sqrt(2 / spec.m);
}

export function initNetwork(spec: NetworkSpec, seed: number): Network {
  const rng = seededRandom(seed);
  const weights: Float64Array[] = [];
  const biases: Float64Array[] = [];
  for (let l = 0; l <= spec.L; l++) {
    const { rows, cols } = layerShape(spec, l);
    if (spec.init === 'orthogonal') weights.push(orthogonalMatrix(rows, cols, rng));
    else {
      const w = new Float64Array(rows * cols);
      for (let i = 0; i < w.length; i++) w[i] = rng.normal();
      weights.push(w);
    }
    const b = new Float64Array(rows);
    if (spec.bias === 'random') for (let i = 0; i < rows; i++) b[i] = rng.normal();
    biases.push(b);
  }
  return { spec, weights, biases };
}

/**
 * One forward pass for n inputs: acts[l] = a^l (n×width, a⁰ = X) for l = 0..L and the output f (length n).
 * relu′(g) = 1 exactly where a = relu(g) > 0, so the pre-activations need not be kept (relu′(0) = 0).
 */
function forward(net: Network, X: Float64Array, n: number): { acts: Float64Array[]; out: Float64Array } {
  const { spec, weights, biases } = net;
  const acts: Float64Array[] = [X];
  let out: Float64Array = new Float64Array(n);
  for (let l = 0; l <= spec.L; l++) {
    const { rows, cols } = layerShape(spec, l);
    const g = mulABt(acts[l], weights[l], n, cols, rows);
    const c = layerScale(spec, l);
    const b = biases[l];
    const beta = spec.beta;
    const last = l === spec.L;
    for (let i = 0; i < n; i++) {
      const gi = i * rows;
      for (let o = 0; o < rows; o++) {
        const v = c * g[gi + o] + beta * b[o];
        g[gi + o] = last || v > 0 ? v : 0;
      }
    }
    if (last) out = g;
    else acts.push(g);
  }
  return { acts, out };
}

/** Backpropagated δ^l (n×rows of weights[l−1]) for l = 1..L+1, returned at index l − 1 (δ^{L+1} = 1). */
function backward(net: Network, acts: Float64Array[], n: number): Float64Array[] {
  const { spec, weights } = net;
  const deltas: Float64Array[] = new Array(spec.L + 1);
  deltas[spec.L] = new Float64Array(n).fill(1);
  for (let l = spec.L - 1; l >= 0; l--) {
    const next = layerShape(spec, l + 1);
    const d = mulAB(deltas[l + 1], weights[l + 1], n, next.rows, next.cols);
    const c = layerScale(spec, l + 1);
    const a = acts[l + 1];
    for (let k = 0; k < d.length; k++) d[k] = a[k] > 0 ? c * d[k] : 0;
    deltas[l] = d;
  }
  return deltas;
}

/** f at n inputs X (n×d row-major) */
export function networkOutput(net: Network, X: Float64Array, n: number): Float64Array {
  return forward(net, X, n).out;
}

/** A forward and a backward pass at n inputs: the outputs, the layer inputs a^l and the δ^l. */
export interface NetworkPass {
  n: number;
  out: Float64Array;
  acts: Float64Array[];
  deltas: Float64Array[];
}

/**
 * The passes gradient descent needs before it knows the residual: the outputs give r = f − y, and the same
 * activations and δ then give the gradient (passGradient) without a second forward pass.
 */
export function networkPass(net: Network, X: Float64Array, n: number): NetworkPass {
  const { acts, out } = forward(net, X, n);
  return { n, out, acts, deltas: backward(net, acts, n) };
}

/** Σ_i r_i ∂f(x_i)/∂p for every parameter p, shaped like weights/biases, from a pass at the inputs x_i. */
export function passGradient(
  net: Network,
  { n, acts, deltas }: NetworkPass,
  r: ArrayLike<number>,
): { weights: Float64Array[]; biases: Float64Array[] } {
  const { spec } = net;
  const weights: Float64Array[] = [];
  const biases: Float64Array[] = [];
  for (let l = 0; l <= spec.L; l++) {
    const { rows, cols } = layerShape(spec, l);
    // E = (r ∘ δ)ᵀ (rows×n): ∂f/∂W^l[o][k] = c·δ_o·a_k, ∂f/∂b^l[o] = β·δ_o
    const e = new Float64Array(rows * n);
    const gb = new Float64Array(rows);
    const dl = deltas[l];
    for (let i = 0; i < n; i++) {
      for (let o = 0; o < rows; o++) {
        const v = r[i] * dl[i * rows + o];
        e[o * n + i] = v;
        gb[o] += v;
      }
    }
    const gw = mulAB(e, acts[l], rows, n, cols);
    const c = layerScale(spec, l);
    if (c !== 1) for (let k = 0; k < gw.length; k++) gw[k] *= c;
    for (let o = 0; o < rows; o++) gb[o] *= spec.beta;
    weights.push(gw);
    biases.push(gb);
  }
  return { weights, biases };
}

/** Σ_i r_i ∂f(x_i)/∂p for every parameter p, shaped like weights/biases (for gradient descent) */
export function parameterGradient(
  net: Network,
  X: Float64Array,
  n: number,
  r: Float64Array,
): { weights: Float64Array[]; biases: Float64Array[] } {
  return passGradient(net, networkPass(net, X, n), r);
}

/**
 * Θ_m(x_i, z_j) (nx×nz row-major), docs/finite.md §2: one forward and one backward pass per input,
 * Θ_m = Σ_{l=1}^{L+1} (s_l·⟨a^{l−1}(x), a^{l−1}(z)⟩ + β²)·⟨δ^l(x), δ^l(z)⟩, s_1 = 1, s_l = 2/m.
 */
export function empiricalNtk(net: Network, X: Float64Array, nx: number, Z: Float64Array, nz: number): Float64Array {
  const { spec } = net;
  const fx = forward(net, X, nx);
  const dx = backward(net, fx.acts, nx);
  const same = X === Z && nx === nz;
  const fz = same ? fx : forward(net, Z, nz);
  const dz = same ? dx : backward(net, fz.acts, nz);
  const theta = new Float64Array(nx * nz);
  const b2 = spec.beta * spec.beta;
  for (let l = 0; l <= spec.L; l++) {
    const { rows, cols } = layerShape(spec, l);
    const s = l === 0 ? 1 : 2 / spec.m;
    const aa = mulABt(fx.acts[l], fz.acts[l], nx, cols, nz);
    const dd = mulABt(dx[l], dz[l], nx, rows, nz);
    for (let k = 0; k < theta.length; k++) theta[k] += (s * aa[k] + b2) * dd[k];
  }
  return theta;
}
