/**
 * Eigen-decomposition of a real symmetric matrix by the cyclic Jacobi method (Golub & Van Loan, §8.5):
 * plane rotations zero one off-diagonal entry at a time until the off-diagonal part is below rounding.
 * Small Gram matrices only (the training view's data, n ≤ 200: O(n³) per sweep, ~6–10 sweeps); Jacobi is
 * chosen for its accuracy on the small eigenvalues of a positive semi-definite matrix, which the discrete
 * gradient flow g(λ) = (1 − (1 − ηλ)^k)/λ of docs/finite.md §4 weighs the most.
 */

export interface SymmetricEigen {
  /** eigenvalues, in the order of the columns of `vectors` (not sorted) */
  values: Float64Array;
  /** n × n row-major; column k is the unit eigenvector of values[k]: A = V diag(values) Vᵀ */
  vectors: Float64Array;
}

const MAX_SWEEPS = 60;

/** A = V Λ Vᵀ for a symmetric n × n row-major A (only symmetric input is meaningful; A is not modified). */
export function symmetricEigen(A: Float64Array, n: number): SymmetricEigen {
  const a = Float64Array.from(A.subarray(0, n * n));
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let total = 0;
  for (let i = 0; i < n * n; i++) total += a[i] * a[i];
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] * a[p * n + q];
    // converged: the off-diagonal part is below rounding of the whole matrix
    if (off <= 1e-32 * total || off === 0) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const app = a[p * n + p];
        const aqq = a[q * n + q];
        // the rotation that zeroes a_pq (the smaller of the two angles: Numerical Recipes §11.1)
        const theta = (aqq - app) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        // columns p, q of A, then rows p, q (A ← Jᵀ A J), then columns of V (V ← V J)
        for (let k = 0; k < n; k++) {
          const kp = a[k * n + p];
          const kq = a[k * n + q];
          a[k * n + p] = c * kp - s * kq;
          a[k * n + q] = s * kp + c * kq;
        }
        for (let k = 0; k < n; k++) {
          const pk = a[p * n + k];
          const qk = a[q * n + k];
          a[p * n + k] = c * pk - s * qk;
          a[q * n + k] = s * pk + c * qk;
        }
        a[p * n + q] = 0;
        a[q * n + p] = 0;
        for (let k = 0; k < n; k++) {
          const kp = v[k * n + p];
          const kq = v[k * n + q];
          v[k * n + p] = c * kp - s * kq;
          v[k * n + q] = s * kp + c * kq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i];
  return { values, vectors: v };
}
