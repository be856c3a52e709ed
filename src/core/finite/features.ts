/**
 * Random features for the NTK (docs/finite.md §3): finite-dimensional maps ψ with ⟨ψ(x), ψ(z)⟩ ≈ Θ(x, z),
 * math.md §2.2's NTK in the app's conventions (src/core/kernels/ntk.ts: Σ^(0) = xᵀz, c_σ = 2 so that
 * κ₁(1) = 1, Θ^(0) = xᵀz + β², and β² added to Θ at every layer in both bias conventions).
 *
 * Arc-cosine features (Cho & Saul 2009) with D Gaussian directions w_i and an input a of the layer:
 *     φ(a) = √(2/D)·relu(Wa)  → E⟨φ(a), φ(a')⟩ = ‖a‖‖a'‖κ₁(cos)   (the layer's Σ, c_σ = 2)
 *     φ̇(a) = √(2/D)·step(Wa)  → E⟨φ̇(a), φ̇(a')⟩ = κ₀(cos)        (its Σ̇)
 * The NTK recursion Θ^(h) = Θ^(h−1)·Σ̇^(h) + Σ^(h) [+ β²] becomes, feature by feature,
 *     ψ⁰ = [x; β],   ψ^h = [ψ^{h−1} ⊗ φ̇^h ; φ^h ; β],   a⁰ = x (A) or [x; β] (B),  a^h = φ^h (A) or [φ^h; β] (B)
 * (a constant β stands for a bias: in convention A it is Θ's own β², in B Σ^(h)'s, which the next layer
 * then sees; β = 0 drops it).
 *
 * - L = 1 (`arcCosineNtkGrams`): a⁰ and ψ⁰ are exact, so the map is unbiased, E K̂ = Θ exactly. The tensor
 *   product is not formed: its Gram matrix is (Φ̇Φ̇ᵀ)∘(Ψ⁰Ψ⁰ᵀ) + ΦΦᵀ + β² ((a⊗b)ᵀ(c⊗d) = (aᵀc)(bᵀd)),
 *   summed direction by direction, so one draw of D directions yields the estimates for all its first
 *   16, 32, … directions on the way.
 * - L ≥ 2 (`sketchedNtkFeatures`): ψ^{h−1} ⊗ φ̇^h is compressed to D coordinates by a TensorSRHT
 *   (tensorSrht.ts) at every layer, as in Zandieh et al. (NeurIPS 2021, "NTKRF"), so ψ^L has 2D (+1)
 *   coordinates. Layer h ≥ 2 applies its arc-cosine map to the features of layer h − 1, a random
 *   estimate of Σ^(h−1): unbiased given them, and consistent (bias O(1/D)) overall.
 *
 * Every random draw comes from the generator given (src/core/numerics/random.ts), in this order: per
 * layer h = 1..L the D×dim(a^{h−1}) Gaussian matrix W, in blocks of 64 directions (rows), each block's
 * transpose row-major (preActivations), then (L ≥ 2) the TensorSRHT's signs and
 * rows of ψ^{h−1}'s side, then of φ̇^h's side.
 *
 * The computations are generators that yield the work done since their last yield (in multiply-adds), so
 * that a caller can report progress and stop between pieces (the features view, src/core/views).
 */
import type { NtkParams } from '../kernels/ntk';
import type { Random } from '../numerics/random';
import { mulAB } from './matmul';
import { applyTensorSrht, drawTensorSrht } from './tensorSrht';

/** Directions drawn and applied at once: a D×D layer never holds more than this many rows of W. */
const BLOCK = 64;

/** Rows of X (n × dim) with a constant c appended as one more column (c = 0: X itself). */
function withConstant(X: Float64Array, n: number, dim: number, c: number): { values: Float64Array; dim: number } {
  if (c === 0) return { values: X, dim };
  const values = new Float64Array(n * (dim + 1));
  for (let i = 0; i < n; i++) {
    values.set(X.subarray(i * dim, (i + 1) * dim), i * (dim + 1));
    values[i * (dim + 1) + dim] = c;
  }
  return { values, dim: dim + 1 };
}

/**
 * Pre-activations a·Wᵀ of `count` new directions: n × count. Wᵀ (dim × count) is drawn row-major, and the
 * product skips the zero entries of a (after layer 1, a holds ReLU outputs, half of them 0).
 */
function preActivations(a: Float64Array, n: number, dim: number, count: number, rng: Random): Float64Array {
  const Wt = new Float64Array(dim * count);
  for (let i = 0; i < Wt.length; i++) Wt[i] = rng.normal();
  return mulAB(a, Wt, n, dim, count);
}

/**
 * One arc-cosine layer with D directions on the inputs a (n × dim): φ = √(2/D)·relu(Wa) and
 * φ̇ = √(2/D)·step(Wa), each n × D.
 */
function* arcCosineLayer(
  a: Float64Array,
  n: number,
  dim: number,
  D: number,
  rng: Random,
): Generator<number, { relu: Float64Array; step: Float64Array }> {
  const relu = new Float64Array(n * D);
  const step = new Float64Array(n * D);
  const scale = Math.sqrt(2 / D);
  for (let from = 0; from < D; from += BLOCK) {
    const count = Math.min(BLOCK, D - from);
    const pre = preActivations(a, n, dim, count, rng);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < count; k++) {
        const v = pre[i * count + k];
        if (v > 0) {
          relu[i * D + from + k] = scale * v;
          step[i * D + from + k] = scale;
        }
      }
    }
    yield n * count * dim;
  }
  return { relu, step };
}

/**
 * L = 1: the Gram matrices K̂ (n × n, full) of the exact-in-expectation map [φ̇(x) ⊗ [x; β] ; φ(x) ; β] after
 * the first D directions, for every D of `dims` (ascending; the largest is the number drawn), handed to
 * `visit` as they are reached. Points are the rows of X (n × d).
 */
export function* arcCosineNtkGrams(
  X: Float64Array,
  n: number,
  d: number,
  p: NtkParams,
  dims: readonly number[],
  rng: Random,
  visit: (D: number, gram: Float64Array) => void,
): Generator<number, void> {
  if (p.L !== 1) throw new RangeError('arcCosineNtkGrams is the L = 1 map; deeper NTKs: sketchedNtkFeatures');
  const b2 = p.beta * p.beta;
  const a = withConstant(X, n, d, p.bias === 'random' ? p.beta : 0);
  // Ψ⁰Ψ⁰ᵀ = XXᵀ + β²
  const inner = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = b2;
      for (let k = 0; k < d; k++) s += X[i * d + k] * X[j * d + k];
      inner[i * n + j] = s;
    }
  }
  yield (n * n * d) / 2;
  // direction sums (upper triangle) of step·step and relu·relu, without the 2/D
  const stepSum = new Float64Array(n * n);
  const reluSum = new Float64Array(n * n);
  const gram = new Float64Array(n * n);
  let drawn = 0;
  for (const D of dims) {
    while (drawn < D) {
      const count = Math.min(BLOCK, D - drawn);
      const pre = preActivations(a.values, n, a.dim, count, rng);
      const relu = new Float64Array(n * count);
      const step = new Float64Array(n * count);
      for (let q = 0; q < pre.length; q++) {
        if (pre[q] > 0) {
          relu[q] = pre[q];
          step[q] = 1;
        }
      }
      for (let i = 0; i < n; i++) {
        const ri = i * count;
        for (let j = i; j < n; j++) {
          const rj = j * count;
          let s = 0;
          let r = 0;
          for (let k = 0; k < count; k++) {
            s += step[ri + k] * step[rj + k];
            r += relu[ri + k] * relu[rj + k];
          }
          stepSum[i * n + j] += s;
          reluSum[i * n + j] += r;
        }
      }
      drawn += count;
      yield n * count * (a.dim + n);
    }
    const scale = 2 / D;
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        const v = scale * (stepSum[i * n + j] * inner[i * n + j] + reluSum[i * n + j]) + b2;
        gram[i * n + j] = v;
        gram[j * n + i] = v;
      }
    }
    visit(D, gram);
  }
}

/**
 * L ≥ 1: the sketched feature map ψ^L (n × dim, row-major) with D directions per layer and TensorSRHT
 * sketches of dimension D (for L = 1 prefer arcCosineNtkGrams, which is exact in expectation).
 */
export function* sketchedNtkFeatures(
  X: Float64Array,
  n: number,
  d: number,
  p: NtkParams,
  D: number,
  rng: Random,
): Generator<number, { features: Float64Array; dim: number }> {
  const randomBias = p.bias === 'random' ? p.beta : 0;
  let a = withConstant(X, n, d, randomBias);
  let psi = withConstant(X, n, d, p.beta);
  for (let h = 1; h <= p.L; h++) {
    const { relu, step } = yield* arcCosineLayer(a.values, n, a.dim, D, rng);
    const sketch = drawTensorSrht(psi.dim, D, D, rng);
    const tensor = applyTensorSrht(sketch, psi.values, step, n);
    yield n * (psi.dim * Math.log2(2 * psi.dim) + D * Math.log2(2 * D) + D);
    const dim = 2 * D + (p.beta > 0 ? 1 : 0);
    const next = new Float64Array(n * dim);
    for (let i = 0; i < n; i++) {
      next.set(tensor.subarray(i * D, (i + 1) * D), i * dim);
      next.set(relu.subarray(i * D, (i + 1) * D), i * dim + D);
      if (p.beta > 0) next[i * dim + 2 * D] = p.beta;
    }
    psi = { values: next, dim };
    a = withConstant(relu, n, D, randomBias);
  }
  return { features: psi.values, dim: psi.dim };
}

/** The Gram matrix ΨΨᵀ (n × n, full) of features Ψ (n × dim), a block of rows at a time. */
export function* featureGram(features: Float64Array, n: number, dim: number): Generator<number, Float64Array> {
  const gram = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const fi = i * dim;
    for (let j = i; j < n; j++) {
      const fj = j * dim;
      let s0 = 0;
      let s1 = 0;
      let k = 0;
      for (; k + 1 < dim; k += 2) {
        s0 += features[fi + k] * features[fj + k];
        s1 += features[fi + k + 1] * features[fj + k + 1];
      }
      if (k < dim) s0 += features[fi + k] * features[fj + k];
      gram[i * n + j] = s0 + s1;
      gram[j * n + i] = s0 + s1;
    }
    if (i % 16 === 15) yield 16 * (n - i) * dim;
  }
  return gram;
}

/**
 * Multiply-adds of one estimate at dimension D on n points of R^d (what the progress and the work cap of
 * the features view count): L = 1 the direction sums (nested: the cost of the largest D covers the smaller
 * ones), L ≥ 2 the layers (the first d·D per point, the later D² each), the sketches and the Gram matrix.
 */
export function featureWork(L: number, n: number, d: number, D: number): number {
  if (L === 1) return n * D * (d + 1 + n);
  const layers = n * D * (d + 1) + (L - 1) * n * D * (D + 1);
  const sketches = L * n * 4 * D * Math.log2(4 * D);
  return layers + sketches + (n * n * (2 * D + 1)) / 2;
}
