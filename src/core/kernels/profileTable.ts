/**
 * Fast tables of a kernel profile κ(Δ), Δ ∈ [0, π], for the regression's inner loops (speed only; the
 * accuracy is checked against the direct evaluator, below). Pure TypeScript.
 */
import type { KernelInstance } from './registry';
import { evaluatorOf, type AngleEvaluator } from './circleKernel';

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
    for (const [p, panel] of panels.entries()) this.panels.set(panel, PANEL_STRIDE * p);
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
    return Number.isNaN(v) ? this.evaluate(angle) : v; // NaN: a direct panel
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
      if (Number.isNaN(s0 + s1 + s2 + s3) || a0 === 0 || a1 === 0 || a2 === 0 || a3 === 0) {
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
