/**
 * The linearized network after k discrete gradient-descent steps (docs/finite.md §4): with the raw
 * analytic NTK on the data Θ(X, X) = V Λ Vᵀ and the step η = eta·2/λ_max,
 *
 *     f_k = Θ(·, X) α_k,   α_k = V g_k(Λ) Vᵀ y,   g_k(λ) = (1 − (1 − ηλ)^k)/λ,  g_k(0) = ηk,
 *
 * exactly what k steps of f ← f − η Θ(f − y) from f₀ = 0 give (no inverse, no ridge). On the data the
 * residual is f_k(X) − y = −V (1 − ηΛ)^k Vᵀ y, so the loss ½‖f_k(X) − y‖² needs no products at all.
 */
import { symmetricEigen } from '../numerics/symmetricEigen';

export interface LinearizedFlow {
  /** largest eigenvalue of Θ(X, X) (0 without data) */
  lambdaMax: number;
  /** the absolute step η = eta·2/λ_max (0 without data) */
  step: number;
  /** α_k: f_k(θ) = Σ_i Θ(θ, θ_i) α_k[i] */
  coefficients(k: number): Float64Array;
  /** ½‖f_k(X) − y‖² */
  loss(k: number): number;
}

/**
 * g_k(λ) = (1 − (1 − ηλ)^k)/λ, formed as −expm1(k·log1p(−ηλ))/λ where 1 − ηλ > 0, so that it has no
 * cancellation for small ηλ (it tends to ηk); tiny negative λ (rounding of a semi-definite Gram) is
 * handled by the same formula.
 */
export function flowGain(lambda: number, step: number, k: number): number {
  const x = step * lambda;
  if (x === 0) return step * k;
  if (x < 1) return -Math.expm1(k * Math.log1p(-x)) / lambda;
  return (1 - (1 - x) ** k) / lambda;
}

/** The flow of the symmetric n × n Gram matrix `gram` on data `y` with step eta·2/λ_max. */
export function linearizedFlow(gram: Float64Array, n: number, y: ArrayLike<number>, eta: number): LinearizedFlow {
  const { values, vectors } = symmetricEigen(gram, n);
  const lambdaMax = values.reduce((m, v) => Math.max(m, v), 0);
  const step = lambdaMax > 0 ? (eta * 2) / lambdaMax : 0;
  // c = Vᵀ y
  const c = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let q = 0; q < n; q++) c[q] += vectors[i * n + q] * y[i];
  return {
    lambdaMax,
    step,
    coefficients(k) {
      const w = values.map((lambda, q) => flowGain(lambda, step, k) * c[q]);
      const alpha = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let q = 0; q < n; q++) s += vectors[i * n + q] * w[q];
        alpha[i] = s;
      }
      return alpha;
    },
    loss(k) {
      let s = 0;
      for (let q = 0; q < n; q++) s += (1 - step * values[q]) ** (2 * k) * c[q] * c[q];
      return s / 2;
    },
  };
}

/** f(rows) = Θ(rows, X) α for a row-major cross-kernel matrix (rows × n). */
export function applyCoefficients(cross: Float64Array, rows: number, alpha: Float64Array): Float64Array {
  const n = alpha.length;
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += cross[r * n + i] * alpha[i];
    out[r] = s;
  }
  return out;
}
