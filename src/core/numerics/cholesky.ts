/**
 * The dense linear algebra of kernel ridge regression (docs/function-space.md): Cholesky with diagonal
 * pivoting, stopped at the numerical rank, and the (minimum-norm) solve of (K + ridge·I) α = y.
 * Pure TypeScript.
 */
import { dot } from './dot';

// ───────────────────────────── pivoted Cholesky and the solve ─────────────────────────────

/**
 * Relative rank tolerance: the factorization stops when the largest remaining pivot (a diagonal entry of
 * the Schur complement) is at or below RANK_TOLERANCE · max diag(K + ridge·I).
 *
 * Why 1e−13: the kernel values carry a few ulps of error (NTK ~10 ulps, math.md §2.2), and the Schur
 * complement's diagonal, formed by ~n subtractions of squares, carries rounding of order √n·ε to n·ε
 * times max diag — about 1e−14 to 1e−13 at the app's n ≤ 500 (n·ε = 1.1e−13 at n = 500). A remaining pivot
 * below that is indistinguishable from 0 (it may even come out negative), so continuing would divide by
 * noise. Stopping there bounds the condition number of the kept factor by roughly 1e13, so even in the
 * worst case α is still determined to ~cond·ε ≈ 1e−3 relative, and never NaN. A larger tolerance would
 * truncate honest small eigenvalues of a well-conditioned Gram matrix (the ridge-0 interpolant would then
 * miss its data); a smaller one lets rounding noise in as signal. With ridge > 0 every pivot is at least
 * `ridge` (the Schur complements of K + ridge·I have all eigenvalues ≥ ridge, hence all diagonal entries),
 * so any ridge above 1e−13·max diag gives full rank. Gram matrices from a ProfileTable (error 2e−14·κ(1))
 * are only used where the ridge dwarfs that error (GRAM_TABLE_LIMIT), never for rank decisions at ridge 0.
 */
export const RANK_TOLERANCE = 1e-13;

export interface PivotedCholesky {
  /** n × rank, row-major by ORIGINAL row: A ≈ L Lᵀ, with A[p][q] ≈ Σ_m L[p·rank + m] L[q·rank + m] */
  L: Float64Array;
  /** pivots[j] = original index of the j-th pivot (a permutation of 0..n−1; the first `rank` were used) */
  pivots: Int32Array;
  rank: number;
}

/** Columns per panel of the blocked factorization (32: the panel rows stay in cache, the update dominates). */
const CHOLESKY_BLOCK = 32;

/**
 * Cholesky with diagonal (complete) pivoting of a symmetric positive semi-definite n × n matrix A
 * (row-major; only its lower triangle is read), stopped when the largest remaining pivot is at or below
 * tolerance · max diag(A) (see RANK_TOLERANCE). Returns A ≈ L Lᵀ with L of size n × rank.
 *
 * Blocked right-looking, as LAPACK's dpstrf: a working copy W is permuted symmetrically in place (its lower
 * triangle; pivotSwap) and overwritten by L. Columns are taken in panels of CHOLESKY_BLOCK: inside a panel,
 * each pivot is the largest remaining diagonal entry of the Schur complement, and column j is
 *   W[i][j] = (W[i][j] − Σ_{k0≤m<j} W[i][m] W[j][m]) / W[j][j]   for i > j   (panelColumn),
 * where W[i][j] already carries the updates of the previous panels; after the panel, the trailing lower
 * triangle gets the panel's rank-CHOLESKY_BLOCK update (trailingUpdate). Every inner loop runs over a
 * contiguous row segment, and the update reuses each loaded value for two or four multiply-adds. Total
 * cost ≈ n³/6 multiply-adds at full rank (n r²/2 − r³/3 at rank r), plus O(n²) for the swaps.
 * The remaining diagonal is downdated per column for the pivot search, refreshed from W after every panel,
 * and the chosen pivot is recomputed from W (no accumulated drift).
 */
export function pivotedCholesky(A: Float64Array, n: number, tolerance: number): PivotedCholesky {
  const w = A.slice(0, n * n);
  const { pivots, rank } = factorInPlace(w, n, tolerance);
  // compact to n × rank, rows in original order (W's upper triangle is stale: only m ≤ i is L)
  const L = new Float64Array(n * rank);
  for (let i = 0; i < n; i++) {
    const src = i * n;
    const dst = pivots[i] * rank;
    const len = Math.min(i + 1, rank);
    for (let m = 0; m < len; m++) L[dst + m] = w[src + m];
  }
  return { L, pivots, rank };
}

/**
 * The factorization of pivotedCholesky in place: afterwards row i of W (n × n, row-major) holds the L row
 * of pivoted position i in its first min(i + 1, rank) entries; nothing is allocated beyond O(n), which
 * matters in browsers, where every large typed array is a costly external allocation.
 */
function factorInPlace(w: Float64Array, n: number, tolerance: number): { pivots: Int32Array; rank: number } {
  const perm = new Int32Array(n);
  const diag = new Float64Array(n);
  let maxDiag = 0;
  for (let i = 0; i < n; i++) {
    perm[i] = i;
    diag[i] = w[i * n + i];
    if (diag[i] > maxDiag) maxDiag = diag[i];
  }
  const threshold = tolerance * maxDiag;
  let rank = 0;
  factor: for (let k0 = 0; k0 < n; k0 += CHOLESKY_BLOCK) {
    const k1 = Math.min(n, k0 + CHOLESKY_BLOCK);
    for (let j = k0; j < k1; j++) {
      let p = j; // the largest remaining pivot (NaN never wins)
      for (let i = j + 1; i < n; i++) if (diag[i] > diag[p]) p = i;
      if (p !== j) pivotSwap(w, n, j, p, perm, diag);
      const rj = j * n;
      const pivot = w[rj + j] - dot(w, rj + k0, w, rj + k0, j - k0);
      if (!(pivot > threshold) || !(diag[j] > threshold)) break factor;
      w[rj + j] = Math.sqrt(pivot);
      panelColumn(w, n, diag, k0, j);
      rank = j + 1;
    }
    trailingUpdate(w, n, k0, k1);
    for (let i = k1; i < n; i++) diag[i] = w[i * n + i];
  }
  return { pivots: perm, rank };
}

/**
 * Symmetric interchange of rows and columns j < p of the lower triangle of W (LAPACK dpstrf's swap): the
 * factored parts of the two rows, the two diagonal entries, W[i][j] ↔ W[p][i] for j < i < p, and the two
 * columns below p; with the permutation and the remaining diagonal.
 */
function pivotSwap(w: Float64Array, n: number, j: number, p: number, perm: Int32Array, diag: Float64Array): void {
  const rj = j * n;
  const rp = p * n;
  const exchange = (a: number, b: number) => {
    const v = w[a];
    w[a] = w[b];
    w[b] = v;
  };
  for (let m = 0; m < j; m++) exchange(rj + m, rp + m);
  exchange(rj + j, rp + p);
  for (let i = j + 1; i < p; i++) exchange(i * n + j, rp + i);
  for (let i = p + 1; i < n; i++) exchange(i * n + j, i * n + p);
  [perm[j], perm[p]] = [perm[p], perm[j]];
  [diag[j], diag[p]] = [diag[p], diag[j]];
}

/**
 * Column j of the factor below the diagonal (W[j][j] already set) from the panel's earlier columns
 * k0..j−1, and the downdate of the remaining diagonal; four rows per pass over row j.
 */
function panelColumn(w: Float64Array, n: number, diag: Float64Array, k0: number, j: number): void {
  const rj = j * n;
  const ljj = w[rj + j];
  let i = j + 1;
  for (; i + 3 < n; i += 4) {
    const r0 = i * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let m = k0; m < j; m++) {
      const v = w[rj + m];
      s0 += w[r0 + m] * v;
      s1 += w[r1 + m] * v;
      s2 += w[r2 + m] * v;
      s3 += w[r3 + m] * v;
    }
    const l0 = (w[r0 + j] - s0) / ljj;
    const l1 = (w[r1 + j] - s1) / ljj;
    const l2 = (w[r2 + j] - s2) / ljj;
    const l3 = (w[r3 + j] - s3) / ljj;
    w[r0 + j] = l0;
    w[r1 + j] = l1;
    w[r2 + j] = l2;
    w[r3 + j] = l3;
    diag[i] -= l0 * l0;
    diag[i + 1] -= l1 * l1;
    diag[i + 2] -= l2 * l2;
    diag[i + 3] -= l3 * l3;
  }
  for (; i < n; i++) {
    const ri = i * n;
    const lij = (w[ri + j] - dot(w, ri + k0, w, rj + k0, j - k0)) / ljj;
    w[ri + j] = lij;
    diag[i] -= lij * lij;
  }
}

/**
 * W[i][l] −= Σ_{k0≤m<k1} W[i][m] W[l][m] for k1 ≤ l ≤ i < n: the panel's update of the trailing lower
 * triangle, two columns l, l + 1 against four rows i at a time (eight sums from six loads per m).
 */
function trailingUpdate(w: Float64Array, n: number, k0: number, k1: number): void {
  for (let l = k1; l < n; l += 2) {
    const pair = l + 1 < n;
    const c0 = l * n;
    const c1 = pair ? c0 + n : c0;
    w[c0 + l] -= dot(w, c0 + k0, w, c0 + k0, k1 - k0);
    if (pair) {
      w[c1 + l] -= dot(w, c1 + k0, w, c0 + k0, k1 - k0);
      w[c1 + l + 1] -= dot(w, c1 + k0, w, c1 + k0, k1 - k0);
    }
    let i = l + 2;
    for (; i + 3 < n; i += 4) {
      const r0 = i * n;
      const r1 = r0 + n;
      const r2 = r1 + n;
      const r3 = r2 + n;
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let b0 = 0;
      let b1 = 0;
      let b2 = 0;
      let b3 = 0;
      for (let m = k0; m < k1; m++) {
        const u = w[c0 + m];
        const v = w[c1 + m];
        const x0 = w[r0 + m];
        const x1 = w[r1 + m];
        const x2 = w[r2 + m];
        const x3 = w[r3 + m];
        a0 += x0 * u;
        a1 += x1 * u;
        a2 += x2 * u;
        a3 += x3 * u;
        b0 += x0 * v;
        b1 += x1 * v;
        b2 += x2 * v;
        b3 += x3 * v;
      }
      w[r0 + l] -= a0;
      w[r1 + l] -= a1;
      w[r2 + l] -= a2;
      w[r3 + l] -= a3;
      if (pair) {
        w[r0 + l + 1] -= b0;
        w[r1 + l + 1] -= b1;
        w[r2 + l + 1] -= b2;
        w[r3 + l + 1] -= b3;
      }
    }
    for (; i < n; i++) {
      const ri = i * n;
      w[ri + l] -= dot(w, ri + k0, w, c0 + k0, k1 - k0);
      if (pair) w[ri + l + 1] -= dot(w, ri + k0, w, c1 + k0, k1 - k0);
    }
  }
}

export interface GramSolution {
  /** the coefficients α of the predictor Σ_i α_i k(·, θ_i), in data order */
  alpha: Float64Array;
  /** numerical rank of K + ridge·I */
  rank: number;
  /** true when rank < n: α is the minimum-norm least-squares solution of the rank-r factorization */
  minimumNorm: boolean;
}

/** Solves T x = b in place for a lower-triangular T (r × r, row stride `stride`). */
function forwardSubstitute(T: Float64Array, stride: number, r: number, b: Float64Array): void {
  for (let i = 0; i < r; i++) b[i] = (b[i] - dot(T, i * stride, b, 0, i)) / T[i * stride + i];
}

/** Solves Tᵀ x = b in place for a lower-triangular T (r × r, row stride `stride`). */
function backSubstitute(T: Float64Array, stride: number, r: number, b: Float64Array): void {
  for (let i = r - 1; i >= 0; i--) {
    const xi = b[i] / T[i * stride + i];
    b[i] = xi;
    for (let m = 0; m < i; m++) b[m] -= T[i * stride + m] * xi;
  }
}

/** Plain Cholesky of a symmetric positive definite r × r matrix (in place, lower triangle). */
function choleskyInPlace(H: Float64Array, r: number): void {
  for (let j = 0; j < r; j++) {
    const rj = j * r;
    const ljj = Math.sqrt(H[rj + j] - dot(H, rj, H, rj, j));
    H[rj + j] = ljj;
    for (let i = j + 1; i < r; i++) H[i * r + j] = (H[i * r + j] - dot(H, i * r, H, rj, j)) / ljj;
  }
}

/**
 * α for (K + ridge·I) α = y, K symmetric positive semi-definite n × n (row-major).
 *
 * A = K + ridge·I is factored in place (factorInPlace, the pivotedCholesky of RANK_TOLERANCE) as A ≈ L Lᵀ, rank r. In pivoted
 * order L = [L₁; L₂] with L₁ (r × r) lower triangular and nonsingular, so L = M L₁ with M = [I; S],
 * S = L₂ L₁⁻¹ ((n − r) × r). Then L Lᵀ = M C Mᵀ with C = L₁ L₁ᵀ, and since M has full column rank and C is
 * invertible, the Moore–Penrose inverse is
 *   (L Lᵀ)⁺ = M H⁻¹ C⁻¹ H⁻¹ Mᵀ,   H = MᵀM = I + SᵀS,
 * which equals the contract's L (LᵀL)⁻² Lᵀ (substitute L = M L₁). This is the QR-free form used here:
 * the ill-conditioning of A sits in C, applied only through triangular solves with the pivoted factor L₁
 * (backward stable), while cond(H) = cond(M)² does not involve A's small pivots at all (diagonal pivoting
 * keeps the entries of S moderate, as partial pivoting does for LU) and H is factored by a plain Cholesky. Forming LᵀL instead would square the condition number of L before solving with it twice.
 * At full rank (r = n) M = I, H = I and this is the exact Cholesky solve L₁⁻ᵀ L₁⁻¹ y.
 * Cost beyond the factorization: (n − r) r² multiply-adds for S and H, r³/6 for the Cholesky of H.
 */
export function solveGram(K: Float64Array, n: number, ridge: number, y: ArrayLike<number>): GramSolution {
  // factored in place: W's rows in pivoted order hold L₁ (rows < r) and L₂ (rows ≥ r), row stride n
  const W = K.slice(0, n * n);
  for (let i = 0; i < n; i++) W[i * n + i] += ridge;
  const { pivots, rank: r } = factorInPlace(W, n, RANK_TOLERANCE);
  const alpha = new Float64Array(n);
  if (r === 0) return { alpha, rank: 0, minimumNorm: n > 0 };
  const extra = n - r;
  // S = L₂ L₁⁻¹, each row of S solving L₁ᵀ s = l₂ (row-major, r wide)
  const S = new Float64Array(extra * r);
  for (let i = 0; i < extra; i++) {
    const row = S.subarray(i * r, i * r + r);
    row.set(W.subarray((r + i) * n, (r + i) * n + r));
    backSubstitute(W, n, r, row); // row·L₁⁻¹ = (L₁⁻ᵀ rowᵀ)ᵀ
  }
  // H = I + SᵀS, factored (only when r < n; otherwise H = I)
  let H: Float64Array | null = null;
  if (extra > 0) {
    H = new Float64Array(r * r);
    for (let i = 0; i < r; i++) H[i * r + i] = 1;
    for (let k = 0; k < extra; k++) {
      const sk = k * r;
      for (let i = 0; i < r; i++) {
        const v = S[sk + i];
        if (v === 0) continue;
        const hi = i * r;
        for (let m = 0; m <= i; m++) H[hi + m] += v * S[sk + m];
      }
    }
    choleskyInPlace(H, r);
  }
  const applyHInverse = (v: Float64Array) => {
    if (!H) return;
    forwardSubstitute(H, r, r, v);
    backSubstitute(H, r, r, v);
  };
  // u = Mᵀ y = y₁ + Sᵀ y₂
  const u = new Float64Array(r);
  for (let j = 0; j < r; j++) u[j] = y[pivots[j]];
  for (let k = 0; k < extra; k++) {
    const yk = y[pivots[r + k]];
    for (let j = 0; j < r; j++) u[j] += S[k * r + j] * yk;
  }
  applyHInverse(u);
  forwardSubstitute(W, n, r, u); // C⁻¹ = L₁⁻ᵀ L₁⁻¹
  backSubstitute(W, n, r, u);
  applyHInverse(u);
  // α = M u, back in data order
  for (let j = 0; j < r; j++) alpha[pivots[j]] = u[j];
  for (let k = 0; k < extra; k++) alpha[pivots[r + k]] = dot(S, k * r, u, 0, r);
  return { alpha, rank: r, minimumNorm: r < n };
}
