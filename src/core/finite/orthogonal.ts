/**
 * Haar-random orthogonal weight matrices (docs/finite.md §1): the QR decomposition of a Gaussian matrix,
 * Householder reflections in float64, with Q's columns multiplied by the signs of R's diagonal
 * (Mezzadri 2007, "How to generate random matrices from the classical compact groups"; without the sign
 * fix Q is not Haar-distributed). This is what PyTorch's `orthogonal_` does.
 */
import type { Random } from '../numerics/random';

/** Reflections applied together to each column (the panel width): see householderQ. */
const PANEL = 32;

/**
 * The orthonormal factor Q (n×k, n ≥ k, column-major: column j at [j·n, (j+1)·n)) of the n×k matrix `a`
 * (column-major, overwritten), sign-fixed so that R has a positive diagonal. Columns are contiguous, so
 * every reflection is a dot product and an axpy over contiguous memory. The reflections are applied a
 * panel of PANEL at a time, column by column: a column stays in the cache for all of them, so a large
 * matrix is streamed through memory once per panel rather than once per reflection (the same arithmetic
 * as unblocked Householder QR, in the same order for each column).
 */
export function householderQ(a: Float64Array, n: number, k: number): Float64Array {
  // v_j (stored in a's column j from row j on) and the sign of R_jj
  const scale = new Float64Array(k); // 2/vᵀv, 0 for a vanishing column (probability 0)
  const sign = new Float64Array(k);
  for (let j0 = 0; j0 < k; j0 += PANEL) {
    const j1 = Math.min(k, j0 + PANEL);
    for (let j = j0; j < j1; j++) {
      const cj = j * n;
      let norm2 = 0;
      for (let i = j; i < n; i++) norm2 += a[cj + i] * a[cj + i];
      const norm = Math.sqrt(norm2);
      const x0 = a[cj + j];
      // R_jj = α = −sign(x0)‖x‖ (no cancellation in v0 = x0 − α)
      const alpha = x0 >= 0 ? -norm : norm;
      sign[j] = alpha < 0 ? -1 : 1;
      if (norm === 0) continue;
      a[cj + j] = x0 - alpha;
      scale[j] = 2 / (norm2 - x0 * x0 + a[cj + j] * a[cj + j]);
      for (let c = j + 1; c < j1; c++) reflect(a, cj, a, c * n, j, n, scale[j]);
    }
    for (let c = j1; c < k; c++) {
      for (let j = j0; j < j1; j++) if (scale[j] !== 0) reflect(a, j * n, a, c * n, j, n, scale[j]);
    }
  }
  // Q = H_1 ⋯ H_k [I_k; 0]: the reflections in reverse order on the first k columns of I. H_j leaves the
  // columns c < j alone (they are still e_c, zero on the rows H_j acts on).
  const q = new Float64Array(n * k);
  for (let c = 0; c < k; c++) q[c * n + c] = 1;
  for (let j1 = k; j1 > 0; j1 -= PANEL) {
    const j0 = Math.max(0, j1 - PANEL);
    for (let c = j0; c < k; c++) {
      for (let j = Math.min(c, j1 - 1); j >= j0; j--) if (scale[j] !== 0) reflect(a, j * n, q, c * n, j, n, scale[j]);
    }
  }
  for (let c = 0; c < k; c++) {
    if (sign[c] > 0) continue;
    for (let i = 0; i < n; i++) q[c * n + i] = -q[c * n + i];
  }
  return q;
}

/** y ← (I − s·v vᵀ) y on rows from..n−1, v at v[vAt + i], y at y[yAt + i]. */
function reflect(v: Float64Array, vAt: number, y: Float64Array, yAt: number, from: number, n: number, s: number) {
  let d0 = 0;
  let d1 = 0;
  let i = from;
  for (; i + 1 < n; i += 2) {
    d0 += v[vAt + i] * y[yAt + i];
    d1 += v[vAt + i + 1] * y[yAt + i + 1];
  }
  if (i < n) d0 += v[vAt + i] * y[yAt + i];
  const f = s * (d0 + d1);
  for (let r = from; r < n; r++) y[yAt + r] -= f * v[vAt + r];
}

/**
 * A rows×cols weight matrix (row-major) equal to √max(rows, cols) times a Haar-random matrix with
 * orthonormal columns (rows ≥ cols) or orthonormal rows (rows < cols): every entry has variance 1
 * (docs/finite.md §1).
 */
export function orthogonalMatrix(rows: number, cols: number, rng: Random): Float64Array {
  const n = Math.max(rows, cols);
  const k = Math.min(rows, cols);
  const g = new Float64Array(n * k);
  for (let i = 0; i < g.length; i++) g[i] = rng.normal();
  const q = householderQ(g, n, k);
  const root = Math.sqrt(n);
  const w = new Float64Array(rows * cols);
  if (rows >= cols) {
    // W = √n·Q: W[r][c] = Q[r][c], Q column-major (column c at c·n)
    for (let c = 0; c < cols; c++) for (let r = 0; r < rows; r++) w[r * cols + c] = root * q[c * n + r];
  } else {
    // W = √n·Qᵀ, Q (cols×rows) column-major: its column r is W's row r, already contiguous
    for (let i = 0; i < w.length; i++) w[i] = root * q[i];
  }
  return w;
}
