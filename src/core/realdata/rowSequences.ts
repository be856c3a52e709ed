/**
 * Real-data rows as the `rntk` contestant reads them (docs/realdata.md §3, "The recurrent NTK on tabular
 * rows"): each row a scalar sequence of its d features in column order (T = d, input dimension 1), as
 * Alemohammad et al. (2021) ran the RNTK on the UCI data sets, every row divided by the largest row norm of
 * the rows given. One common divisor keeps the rows' geometry (their norms relative to each other) and fixes
 * the scale at max ‖x‖ = 1, so that the σ_u and σ_b of the grid weigh input against bias alike on every data
 * set: with ReLU and σ_w = √2 a sequence's last variance is s_T = σ_u²‖x‖² + T·σ_b² (F(a, a, a) = a/2), so the
 * input's share grows with the rows' scale.
 */
import type { Sequence } from '../rntk/recursion';

/** The n rows (row-major n×d) divided by the largest row norm (when every row is 0, the rows as they are). */
export function rowSequences(points: Float64Array, n: number, d: number): Sequence[] {
  let largest = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = i * d; k < (i + 1) * d; k++) s += points[k] * points[k];
    largest = Math.max(largest, Math.sqrt(s));
  }
  const scaled = Float64Array.from(points.subarray(0, n * d), (v) => (largest > 0 ? v / largest : v));
  return Array.from({ length: n }, (_, i) => ({ values: scaled.subarray(i * d, (i + 1) * d), T: d, d: 1 }));
}
