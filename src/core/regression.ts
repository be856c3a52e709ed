/**
 * Kernel ridge regression on the circle S¹ (docs/function-space.md, "Regression on the circle").
 *
 * Data (θ_i, y_i), kernel k(θ, θ') = κ(cos(θ − θ')) given by the sphere profile evaluator (on S¹ the NTK,
 * Laplace, … profiles are the same functions of the angle, math.md §2), predictor
 *   f(θ) = Σ_i α_i k(θ, θ_i)   with   (K + ridge·I) α = y   (no 1/n scaling).
 * The system is solved by Cholesky with diagonal pivoting, stopped at the numerical rank r; if r < n the
 * minimum-norm least-squares solution of the rank-r factorization is returned and flagged.
 *
 * Pure TypeScript, no DOM: used by the compute worker, the CLI and the tests.
 */
import { carriedFromAngle, familyOf, type KernelInstance } from './kernels';
import { seededRandom } from './random';

const TWO_PI = 2 * Math.PI;

// ───────────────────────────── geometry and kernel matrices ─────────────────────────────

/** θ reduced into [0, 2π). */
function reduceAngle(theta: number): number {
  const r = theta % TWO_PI;
  const s = r < 0 ? r + TWO_PI : r;
  return s >= TWO_PI ? 0 : s; // r = −1e−20 rounds up to 2π: that angle is 0
}

/**
 * The angle between two points of the circle, wrapped to [0, π]: |a − b| or 2π − |a − b| for a, b in
 * [0, 2π). Its carried cosine (δ, σ) = (2 sin²(·/2), 2 cos²(·/2)) (kernels.ts `carriedFromAngle`) keeps
 * the kernel accurate near θ = 0 and θ = π, where cos(θ − θ') itself would round δ or σ away (math.md §2.2).
 */
function wrappedDifference(a: number, b: number): number {
  const d = Math.abs(a - b);
  return d > Math.PI ? TWO_PI - d : d;
}

/** κ at a carried cosine (δ, σ) after `norm`, bit-identical to `sphereValue` (family looked up once). */
type CarriedEvaluator = (delta: number, sigma: number) => number;
/** κ at the angle Δ ∈ [0, π]: the carried evaluator at carriedFromAngle(Δ). */
type AngleEvaluator = (angle: number) => number;

function carriedEvaluatorOf(kernel: KernelInstance, unit: boolean): CarriedEvaluator {
  const f = familyOf(kernel);
  const params = kernel.params;
  const atOne = f.atOne(params);
  if (!unit) return (delta, sigma) => f.onSphere(delta, sigma, params);
  return (delta, sigma) => f.onSphere(delta, sigma, params) / atOne;
}

function evaluatorOf(kernel: KernelInstance, unit: boolean): AngleEvaluator {
  const onCarried = carriedEvaluatorOf(kernel, unit);
  return (angle) => {
    const { delta, sigma } = carriedFromAngle(angle);
    return onCarried(delta, sigma);
  };
}

/**
 * Gram matrix of one kernel on the circle at the angles `theta` (radians): n × n, row-major, exactly
 * symmetric (each pair evaluated once, directly, at its wrapped angle difference). `regression` builds its
 * Gram matrices the same way, or from a ProfileTable where that provably does not matter.
 */
export function gramOnCircle(kernel: KernelInstance, unit: boolean, theta: ArrayLike<number>): Float64Array {
  const evaluate = evaluatorOf(kernel, unit);
  const t = Float64Array.from(theta, reduceAngle);
  const n = t.length;
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = evaluate(wrappedDifference(t[i], t[j]));
      K[i * n + j] = v;
      K[j * n + i] = v;
    }
  }
  return K;
}

/** Cross-kernel matrix k(rows_i, cols_j) on the circle (radians): rows.length × cols.length, row-major. */
export function crossKernel(
  kernel: KernelInstance,
  unit: boolean,
  rows: ArrayLike<number>,
  cols: ArrayLike<number>,
): Float64Array {
  const evaluate = evaluatorOf(kernel, unit);
  const r = Float64Array.from(rows, reduceAngle);
  const c = Float64Array.from(cols, reduceAngle);
  const out = new Float64Array(r.length * c.length);
  for (let i = 0; i < r.length; i++) {
    for (let j = 0; j < c.length; j++) out[i * c.length + j] = evaluate(wrappedDifference(r[i], c[j]));
  }
  return out;
}

// ───────────────────────────── profile tables (speed) ─────────────────────────────

/**
 * Relative accuracy of a profile table: |table(Δ) − κ(Δ)| ≤ TABLE_TOLERANCE·κ(1) at every check point.
 * The direct evaluators are accurate to a few ulps (NTK ~10 ulps, math.md §2.2), and the interpolant
 * inherits that noise at its nodes (times the Lebesgue constant, ~3) plus its own rounding: measured
 * differences sit at 1–3e−15·κ(1) even where the interpolant has converged. 1e−14 leaves room for that
 * noise, so a converged panel is never split for nothing.
 */
export const TABLE_TOLERANCE = 1e-14;
/**
 * The bound claimed everywhere (`ProfileTable.bound`), not only at the check points: twice the tolerance.
 * Between check points the interpolation error is of the same size, and the evaluator's noise can tip a
 * comparison slightly over the tolerance (3000 random instances × 400 angles: worst 1.07e−14·κ(1)).
 */
const TABLE_BOUND_FACTOR = 2;
/** Polynomial degree per panel. */
const TABLE_DEGREE = 12;
/** Bisection stops at panels of width π/2^12; an unconverged panel that small is evaluated directly. */
const TABLE_MIN_WIDTH = Math.PI / 4096;
/** A kernel needing more panels than this gets no table (direct evaluation everywhere). */
const TABLE_MAX_PANELS = 512;
/** Uniform buckets over [0, π] that point to the first panel they meet. */
const TABLE_BUCKETS = 1024;
/**
 * Per panel: the map Δ ↦ x ∈ [−1, 1] (scale, shift), then TABLE_DEGREE + 1 monomial coefficients. A panel
 * evaluated directly has scale NaN, so its polynomial value comes out NaN and is replaced (no branch in the
 * hot loop).
 */
const PANEL_STRIDE = TABLE_DEGREE + 3;

/**
 * κ(Δ) on [0, π] as a piecewise polynomial (speed only: a degree-12 Horner sum costs a few ns where the
 * NTK's layered arc-cosines or a γ-exponential's pow + exp cost 100–200 ns).
 *
 * Built by bisection from [0, π]: on each panel, interpolate κ at the TABLE_DEGREE + 1 Chebyshev–Lobatto
 * points (Chebyshev coefficients, converted to monomials in the panel variable x ∈ [−1, 1] for Horner's
 * rule), compare with the direct evaluator at the TABLE_DEGREE interleaved Chebyshev points, and accept the
 * panel when every difference is ≤ TABLE_TOLERANCE·κ(1); otherwise halve it. The check uses the same Horner
 * evaluation as every later call, so the conversion's rounding is part of what is verified (on a converged
 * panel the Chebyshev coefficients fall by ~1e−14 over 12 degrees, ~14× per degree, faster than the
 * conversion's growth (1 + √2)^j, so the monomial coefficients stay O(1)).
 * The NTK, Laplace and Gaussian profiles are analytic in Δ on [0, π] (math.md §3) and need 1–10 panels; a
 * γ-exponential's Δ^γ cusp at 0 (thetaSingularity) makes bisection grade toward 0 until the panel next to
 * 0, below TABLE_MIN_WIDTH, is marked for direct evaluation. A kernel that needs more than
 * TABLE_MAX_PANELS panels gets no table. Δ = 0 (the Gram diagonal, repeated angles) returns the direct κ(1).
 */
export class ProfileTable {
  /** absolute error bound TABLE_BOUND_FACTOR·TABLE_TOLERANCE·|κ(Δ = 0)| against the direct evaluator */
  readonly bound: number;
  private readonly edges: Float64Array;
  private readonly panels: Float64Array;
  private readonly buckets: Int32Array;

  private constructor(
    private readonly evaluate: AngleEvaluator,
    private readonly zero: number,
    edges: readonly number[],
    panels: readonly Float64Array[],
  ) {
    this.bound = TABLE_BOUND_FACTOR * TABLE_TOLERANCE * Math.abs(zero);
    this.edges = Float64Array.from(edges);
    this.panels = new Float64Array(PANEL_STRIDE * panels.length);
    panels.forEach((panel, p) => this.panels.set(panel, PANEL_STRIDE * p));
    this.buckets = new Int32Array(TABLE_BUCKETS);
    let p = 0;
    for (let b = 0; b < TABLE_BUCKETS; b++) {
      const start = (Math.PI * b) / TABLE_BUCKETS;
      while (p < panels.length - 1 && this.edges[p + 1] <= start) p++;
      this.buckets[b] = p;
    }
  }

  /** The table of one kernel after `norm`, or null when it would need more than TABLE_MAX_PANELS panels. */
  static build(kernel: KernelInstance, unit: boolean): ProfileTable | null {
    const evaluate = evaluatorOf(kernel, unit);
    const zero = evaluate(0);
    const tolerance = TABLE_TOLERANCE * Math.abs(zero);
    const N = TABLE_DEGREE;
    const nodes = Float64Array.from({ length: N + 1 }, (_, k) => Math.cos((k * Math.PI) / N));
    const checks = Float64Array.from({ length: N }, (_, k) => Math.cos(((k + 0.5) * Math.PI) / N));
    const edges = [0];
    const panels: Float64Array[] = [];
    const stack: [number, number][] = [[0, Math.PI]];
    while (stack.length > 0) {
      if (panels.length + stack.length > TABLE_MAX_PANELS) return null;
      const [a, b] = stack.pop()!;
      const mid = (a + b) / 2;
      const half = (b - a) / 2;
      const panel = new Float64Array(PANEL_STRIDE);
      panel[0] = 1 / half;
      panel[1] = -mid / half;
      const values = Float64Array.from(nodes, (x) => evaluate(mid + half * x));
      panel.set(monomialCoefficients(chebyshevCoefficients(values)), 2);
      let error = 0;
      for (const x of checks) error = Math.max(error, Math.abs(horner(panel, 0, x) - evaluate(mid + half * x)));
      if (error <= tolerance || b - a <= TABLE_MIN_WIDTH) {
        if (!(error <= tolerance)) panel[0] = NaN; // evaluated directly
        edges.push(b);
        panels.push(panel);
      } else {
        stack.push([mid, b], [a, mid]); // left half on top: panels come out in ascending order
      }
    }
    return new ProfileTable(evaluate, zero, edges, panels);
  }

  /** The panel holding Δ ∈ [0, π] (the first of the bucket, then forward). */
  private locate(angle: number): number {
    const edges = this.edges;
    const last = edges.length - 2;
    let p = this.buckets[Math.min(TABLE_BUCKETS - 1, Math.floor(angle * (TABLE_BUCKETS / Math.PI)))];
    while (p < last && angle > edges[p + 1]) p++;
    return p;
  }

  /** κ at the angle Δ ∈ [0, π]. */
  at(angle: number): number {
    if (angle === 0) return this.zero;
    const base = this.locate(angle) * PANEL_STRIDE;
    const c = this.panels;
    const v = horner(c, base, angle * c[base] + c[base + 1]);
    return v === v ? v : this.evaluate(angle); // NaN: a direct panel
  }

  /**
   * out[j] = κ(angles[j]) for j < count. Four angles per pass: Horner's rule is a chain of dependent
   * multiply-adds, and four independent chains keep the processor busy.
   */
  fill(angles: Float64Array, count: number, out: Float64Array): void {
    const c = this.panels;
    let j = 0;
    for (; j + 3 < count; j += 4) {
      const a0 = angles[j];
      const a1 = angles[j + 1];
      const a2 = angles[j + 2];
      const a3 = angles[j + 3];
      const b0 = this.locate(a0) * PANEL_STRIDE;
      const b1 = this.locate(a1) * PANEL_STRIDE;
      const b2 = this.locate(a2) * PANEL_STRIDE;
      const b3 = this.locate(a3) * PANEL_STRIDE;
      const x0 = a0 * c[b0] + c[b0 + 1];
      const x1 = a1 * c[b1] + c[b1 + 1];
      const x2 = a2 * c[b2] + c[b2 + 1];
      const x3 = a3 * c[b3] + c[b3 + 1];
      let s0 = c[b0 + 2 + TABLE_DEGREE];
      let s1 = c[b1 + 2 + TABLE_DEGREE];
      let s2 = c[b2 + 2 + TABLE_DEGREE];
      let s3 = c[b3 + 2 + TABLE_DEGREE];
      for (let k = 1 + TABLE_DEGREE; k >= 2; k--) {
        s0 = s0 * x0 + c[b0 + k];
        s1 = s1 * x1 + c[b1 + k];
        s2 = s2 * x2 + c[b2 + k];
        s3 = s3 * x3 + c[b3 + k];
      }
      out[j] = s0;
      out[j + 1] = s1;
      out[j + 2] = s2;
      out[j + 3] = s3;
      // a direct panel gave NaN; Δ = 0 returns κ(1) exactly
      if (!(s0 === s0 && s1 === s1 && s2 === s2 && s3 === s3) || a0 === 0 || a1 === 0 || a2 === 0 || a3 === 0) {
        for (let k = j; k < j + 4; k++) out[k] = this.at(angles[k]);
      }
    }
    for (; j < count; j++) out[j] = this.at(angles[j]);
  }
}

/**
 * Coefficients a_j of the interpolant Σ_{j=0}^{N} a_j T_j(x) through values f_k at the Chebyshev–Lobatto
 * points x_k = cos(kπ/N): a_j = (2/N) Σ''_k f_k cos(jkπ/N), halved for j = 0 and j = N (Σ'' halves the
 * end terms).
 */
function chebyshevCoefficients(f: Float64Array): Float64Array {
  const N = f.length - 1;
  const a = new Float64Array(N + 1);
  for (let j = 0; j <= N; j++) {
    let s = 0;
    for (let k = 0; k <= N; k++) {
      s += (k === 0 || k === N ? 0.5 : 1) * f[k] * Math.cos((((j * k) % (2 * N)) * Math.PI) / N);
    }
    a[j] = ((j === 0 || j === N ? 1 : 2) * s) / N;
  }
  return a;
}

/** Monomial coefficients m_k of Σ_j a_j T_j(x) = Σ_k m_k x^k (T_{j+1} = 2x T_j − T_{j−1}). */
function monomialCoefficients(a: Float64Array): Float64Array {
  const N = a.length - 1;
  const m = new Float64Array(N + 1);
  let previous = new Float64Array(N + 1); // T_{j−1}
  let current = new Float64Array(N + 1); // T_j
  previous[0] = 1;
  current[1] = 1;
  m[0] = a[0];
  for (let j = 1; j <= N; j++) {
    for (let k = 0; k <= j; k++) m[k] += a[j] * current[k];
    const next = new Float64Array(N + 1);
    for (let k = 0; k < N; k++) next[k + 1] = 2 * current[k];
    for (let k = 0; k <= N; k++) next[k] -= previous[k];
    previous = current;
    current = next;
  }
  return m;
}

/** Σ_{k=0}^{TABLE_DEGREE} c[base + 2 + k] x^k by Horner's rule (the panel layout of PANEL_STRIDE). */
function horner(c: Float64Array, base: number, x: number): number {
  let s = c[base + 2 + TABLE_DEGREE];
  for (let k = base + 1 + TABLE_DEGREE; k >= base + 2; k--) s = s * x + c[k];
  return s;
}

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

/** Σ_{m<len} a[ia + m]·b[ib + m], four independent partial sums (contiguous, unrolled). */
function dot(a: Float64Array, ia: number, b: Float64Array, ib: number, len: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let m = 0;
  for (; m + 3 < len; m += 4) {
    s0 += a[ia + m] * b[ib + m];
    s1 += a[ia + m + 1] * b[ib + m + 1];
    s2 += a[ia + m + 2] * b[ib + m + 2];
    s3 += a[ia + m + 3] * b[ib + m + 3];
  }
  for (; m < len; m++) s0 += a[ia + m] * b[ib + m];
  return s0 + s1 + (s2 + s3);
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

// ───────────────────────────── the regression view ─────────────────────────────

export interface RegressionRequest {
  kernels: readonly KernelInstance[];
  /** divide by κ(1) (links.md `norm=unit`) */
  unit: boolean;
  /** data angles in radians (any real; read modulo 2π) */
  theta: readonly number[];
  /** data values, same length as theta */
  y: readonly number[];
  /** ridge ≥ 0 */
  ridge: number;
  /** points of the uniform grid θ_g = 2π g/(grid − 1), g = 0..grid−1 (both ends; 721 gives 0.5° steps) */
  grid: number;
}

export interface RegressionFit {
  /** numerical rank of K + ridge·I */
  rank: number;
  /** rank < n: the minimum-norm least-squares solution is shown */
  minimumNorm: boolean;
  /** max_i |f(θ_i) − y_i| (0 without data) */
  maxResidual: number;
}

export interface RegressionResult {
  /** the uniform grid on [0, 2π] and every data angle (reduced into [0, 2π)), sorted, exact repeats dropped */
  theta: Float64Array;
  /** the predictor f of each kernel at `theta`, in request order */
  values: Float64Array[];
  fits: RegressionFit[];
}

/** Uniform grid θ_g = 2π g/(count − 1) on [0, 2π], the last node exactly 2π (count ≥ 2). */
function circleGrid(count: number): Float64Array {
  const m = Math.max(2, Math.floor(count));
  const g = Float64Array.from({ length: m }, (_, i) => (TWO_PI * i) / (m - 1));
  g[m - 1] = TWO_PI;
  return g;
}

function validateRegression({ theta, y, ridge, grid }: RegressionRequest): void {
  if (theta.length !== y.length) throw new RangeError(`theta and y differ in length (${theta.length}, ${y.length})`);
  if (!theta.every(Number.isFinite) || !y.every(Number.isFinite)) throw new RangeError('data must be finite');
  if (!(ridge >= 0) || !Number.isFinite(ridge)) throw new RangeError(`ridge must be finite and ≥ 0, got ${ridge}`);
  if (!(grid >= 2) || !Number.isFinite(grid)) throw new RangeError(`grid must be ≥ 2, got ${grid}`);
}

/**
 * Gram matrices are computed from a profile table only when the table's perturbation cannot matter:
 * ‖K_table − K‖₂ ≤ n·bound, and with the ridge every eigenvalue of K + ridge·I is ≥ ridge, so α moves by
 * at most n·bound/ridge relatively; the table is used when that is ≤ GRAM_TABLE_LIMIT. Otherwise (ridge 0
 * or tiny: interpolation, rank detection) every entry is evaluated directly.
 */
const GRAM_TABLE_LIMIT = 1e-6;
/**
 * The predictor on the grid uses the table when its worst-case error bound·‖α‖₁ is ≤ GRID_TABLE_LIMIT
 * times the data's scale max|y_i| (far below a pixel); an ill-conditioned fit (huge α) is evaluated
 * directly instead.
 */
const GRID_TABLE_LIMIT = 1e-8;

/** One kernel's way to evaluate: its table (or null) and its direct evaluator. */
interface KernelSource {
  table: ProfileTable | null;
  direct: CarriedEvaluator;
  /** κ(Δ = 0) = κ(1) after `norm`, the Gram diagonal */
  zero: number;
}

/**
 * Per-row buffers: the wrapped angle differences of one row, and their carried cosines, formed at most
 * once per row and shared by every kernel evaluated directly.
 */
class PairRow {
  readonly angles: Float64Array;
  readonly values: Float64Array;
  private readonly delta: Float64Array;
  private readonly sigma: Float64Array;
  private carried = false;
  count = 0;

  constructor(n: number) {
    this.angles = new Float64Array(n);
    this.values = new Float64Array(n);
    this.delta = new Float64Array(n);
    this.sigma = new Float64Array(n);
  }

  /** The angles between θ and data[0..count). */
  set(theta: number, data: Float64Array, count: number): void {
    for (let j = 0; j < count; j++) this.angles[j] = wrappedDifference(theta, data[j]);
    this.count = count;
    this.carried = false;
  }

  /** values[j] = κ(angles[j]) for this kernel: from its table when `useTable`, else directly. */
  evaluate(source: KernelSource, useTable: boolean): Float64Array {
    const { angles, values, count } = this;
    if (useTable && source.table) {
      source.table.fill(angles, count, values);
      return values;
    }
    if (!this.carried) {
      for (let j = 0; j < count; j++) {
        const c = carriedFromAngle(angles[j]);
        this.delta[j] = c.delta;
        this.sigma[j] = c.sigma;
      }
      this.carried = true;
    }
    for (let j = 0; j < count; j++) values[j] = source.direct(this.delta[j], this.sigma[j]);
    return values;
  }
}

/** Gram matrices of every kernel, each pair's angle formed once; table or direct per kernel (see above). */
function grams(sources: readonly KernelSource[], useTable: readonly boolean[], data: Float64Array): Float64Array[] {
  const n = data.length;
  const out = sources.map(() => new Float64Array(n * n));
  const row = new PairRow(n);
  for (let i = 0; i < n; i++) {
    row.set(data[i], data, i); // pairs j < i
    for (let m = 0; m < sources.length; m++) {
      const K = out[m];
      const values = row.evaluate(sources[m], useTable[m]);
      const ri = i * n;
      for (let j = 0; j < i; j++) {
        K[ri + j] = values[j];
        K[j * n + i] = values[j];
      }
      K[ri + i] = sources[m].zero;
    }
  }
  return out;
}

/** f(θ_g) = Σ_j α_j k(θ_g, θ_j) at the grid nodes for every kernel; the cross matrix is never stored. */
function predictOnGrid(
  sources: readonly KernelSource[],
  useTable: readonly boolean[],
  alphas: readonly Float64Array[],
  grid: Float64Array,
  data: Float64Array,
): Float64Array[] {
  const n = data.length;
  const out = sources.map(() => new Float64Array(grid.length));
  const row = new PairRow(n);
  for (let g = 0; g < grid.length; g++) {
    row.set(reduceAngle(grid[g]), data, n);
    for (let m = 0; m < sources.length; m++) out[m][g] = dot(alphas[m], 0, row.evaluate(sources[m], useTable[m]), 0, n);
  }
  return out;
}

/** f(θ_i) = (K α)_i at the data: the Gram matrix without the ridge, already at hand. */
function predictAtData(K: Float64Array, alpha: Float64Array, n: number): Float64Array {
  const f = new Float64Array(n);
  for (let i = 0; i < n; i++) f[i] = dot(K, i * n, alpha, 0, n);
  return f;
}

/**
 * Kernel ridge regression of every kernel on the same data (docs/function-space.md): α from solveGram, the
 * predictor on the uniform grid plus the data angles. Without data every predictor is 0 (rank 0).
 *
 * Speed (n = 500, 4 kernels, 721 grid nodes: ~485k kernel pairs, four n³/6 factorizations): kernel values
 * come from a ProfileTable where its error provably does not matter (GRAM_TABLE_LIMIT, GRID_TABLE_LIMIT),
 * from the direct evaluator otherwise; the predictor at the data is K α.
 */
export function regression(req: RegressionRequest): RegressionResult {
  validateRegression(req);
  const { kernels, unit, ridge, y } = req;
  const n = req.theta.length;
  const data = Float64Array.from(req.theta, reduceAngle);
  const grid = circleGrid(req.grid);
  const sources = kernels.map((k): KernelSource => {
    const direct = carriedEvaluatorOf(k, unit);
    return { table: n > 0 ? ProfileTable.build(k, unit) : null, direct, zero: direct(0, 2) };
  });
  const gramTable = sources.map(({ table }) => table !== null && n * table.bound <= GRAM_TABLE_LIMIT * ridge);
  const K = grams(sources, gramTable, data);
  const solutions = K.map((Km) => solveGram(Km, n, ridge, y));
  const alphas = solutions.map((s) => s.alpha);
  const yScale = y.reduce((s, v) => Math.max(s, Math.abs(v)), 0);
  const gridTable = sources.map(({ table }, m) => {
    const alphaNorm = alphas[m].reduce((s, v) => s + Math.abs(v), 0);
    return table !== null && table.bound * alphaNorm <= GRID_TABLE_LIMIT * yScale;
  });
  const onGrid = predictOnGrid(sources, gridTable, alphas, grid, data);
  const atData = K.map((Km, m) => predictAtData(Km, alphas[m], n));

  // merge: grid nodes (tag ≥ 0) and data points (tag −1 − i), sorted by angle, exact repeats dropped; at a
  // tie the data point comes first and is kept, so the curve shows K α there (what maxResidual measures)
  const order = [...Array.from(grid, (t, g) => ({ t, tag: g })), ...Array.from(data, (t, i) => ({ t, tag: -1 - i }))];
  order.sort((a, b) => a.t - b.t || a.tag - b.tag);
  const kept = order.filter((e, k) => k === 0 || e.t !== order[k - 1].t);
  const theta = Float64Array.from(kept, (e) => e.t);
  const values = kernels.map((_, m) =>
    Float64Array.from(kept, (e) => (e.tag >= 0 ? onGrid[m][e.tag] : atData[m][-1 - e.tag])),
  );
  const fits = solutions.map((s, m): RegressionFit => {
    let maxResidual = 0;
    for (let i = 0; i < n; i++) maxResidual = Math.max(maxResidual, Math.abs(atData[m][i] - y[i]));
    return { rank: s.rank, minimumNorm: s.minimumNorm, maxResidual };
  });
  return { theta, values, fits };
}

/**
 * The readout of docs/function-space.md: max |a − b| over the common length of two predictors on the
 * same θ grid (f_NTK against the fitted Laplace kernel's f). 0 for empty arrays.
 */
export function predictorGap(a: Float64Array, b: Float64Array): number {
  let gap = 0;
  const len = Math.min(a.length, b.length);
  for (let i = 0; i < len; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (d > gap) gap = d;
  }
  return gap;
}

// ───────────────────────────── preset targets ─────────────────────────────

/**
 * Preset data sets ("Load target") for the regression panel, in link form (degrees, value):
 * - `harmonics`: g(θ) = sin θ + 0.5 cos 3θ + 0.25 sin 5θ at θ_i = 360°·i/count (a smooth target of low
 *   degree, in every kernel's RKHS except the bias-free two-layer NTK's, which lacks degrees 3 and 5);
 * - `step`: sign(sin θ) (±1) at θ_i = 360°·(i + ½)/count for even count, so the points sit half a step
 *   from the jumps at 0° and 180°; for odd count a half step would put a point on 180°, so the offset is a
 *   quarter step, 360°·(i + ¼)/count, which never meets a multiple of 180°;
 * - `noisy`: `harmonics` plus 0.2·ξ_i, ξ_i standard normal from seededRandom(seed) (src/core/random.ts),
 *   drawn in point order.
 * Angles are rounded to 0.1° first and values are computed at the rounded angle, then rounded to 3
 * decimals — so the points are exactly what a link would carry.
 */
export type TargetKind = 'harmonics' | 'step' | 'noisy';

export const TARGET_KINDS: readonly TargetKind[] = ['harmonics', 'step', 'noisy'];

export interface TargetPoint {
  /** degrees in [0, 360), one decimal */
  angle: number;
  /** three decimals */
  value: number;
}

/** sin θ + 0.5 cos 3θ + 0.25 sin 5θ, θ in degrees. */
export function harmonicsTarget(degrees: number): number {
  const t = (degrees * Math.PI) / 180;
  return Math.sin(t) + 0.5 * Math.cos(3 * t) + 0.25 * Math.sin(5 * t);
}

/** x rounded to `digits` decimals, never −0. */
function roundTo(x: number, digits: number): number {
  const s = 10 ** digits;
  return Math.round(x * s) / s + 0;
}

export function loadTarget(kind: TargetKind, count: number, seed: number): TargetPoint[] {
  const m = Number.isFinite(count) ? Math.max(0, Math.floor(count)) : 0;
  const offset = kind === 'step' ? (m % 2 === 0 ? 0.5 : 0.25) : 0;
  const random = seededRandom(seed);
  const points: TargetPoint[] = [];
  for (let i = 0; i < m; i++) {
    let angle = roundTo((360 * (i + offset)) / m, 1);
    if (angle >= 360) angle -= 360;
    let value: number;
    if (kind === 'step') value = Math.sin((angle * Math.PI) / 180) > 0 ? 1 : -1;
    else if (kind === 'noisy') value = harmonicsTarget(angle) + 0.2 * random.normal();
    else value = harmonicsTarget(angle);
    points.push({ angle, value: roundTo(value, 3) });
  }
  return points;
}
