/**
 * Mercer eigenvalues of zonal kernels on S^{d−1} under the uniform probability measure, by the Funk–Hecke
 * formula of math.md §3:
 *   λ_k = c_d ∫_0^π κ(cos θ) P_k(cos θ) sin^{d−2}θ dθ,   c_d = Γ(d/2) / (√π Γ((d−1)/2)),
 * for k = 0..kmax and several kernels at once. Pure TypeScript, no DOM: used by the compute worker, the
 * CLI and the tests.
 *
 * Method (math.md §3, "Numerics that work"): Gauss–Legendre in θ, where the NTK and the Laplace kernel are
 * analytic, with graded end panels for a γ-exponential kernel's θ^γ cusp. The rule is symmetric about π/2
 * and folded, so one recurrence over the nodes θ_i ∈ (0, π/2) serves θ_i and π − θ_i
 * (P_k(−t) = (−1)^k P_k(t)): each kernel contributes an even and an odd profile per node, and each degree
 * costs one recurrence step and one multiply-add per kernel and node.
 */
import { carriedFromAngle, familyOf, type KernelInstance } from '../kernels/registry';
import { funkHeckeConstant, LegendreSweep, log10Multiplicity } from './gegenbauer';
import {
  foldedAngleRule,
  gaussLegendre,
  sinePowers,
  type AngleRulePlan,
  type FoldedAngleRule,
  type GradedPanel,
} from './quadrature';

export { multiplicity, log10Multiplicity } from './gegenbauer';

export interface SpectrumRequest {
  kernels: readonly KernelInstance[];
  /** ambient dimension, points on S^{d−1}: integer 2..1000 */
  d: number;
  /** highest degree: integer 1..5000 */
  kmax: number;
  /** divide by κ(1) (links.md norm=unit) */
  unit: boolean;
}

export interface SpectrumSeries {
  /** λ_k, k = 0..kmax (after the unit normalization if requested); finite numbers only */
  lambda: Float64Array;
  /** estimated absolute accuracy: |λ_k| ≤ floor is indistinguishable from 0 (links.md `floor`); > 0 */
  floor: number;
}

export interface SpectrumResult {
  d: number;
  kmax: number;
  series: SpectrumSeries[];
  /** log10 N(d, k), k = 0..kmax */
  log10Multiplicity: Float64Array;
}

/**
 * What the quadrature may neglect, relative to κ(1) (≥ |κ| for these positive-definite kernels): the
 * part of the sphere outside the window, and what the resolution criterion leaves out.
 */
const NEGLECTED = 1e-18;
/** The kernel probe counts Legendre coefficients down to this fraction of the kernel's size … */
const PROBE_THRESHOLD = 1e-13;
/**
 * … or down to a few times the noise of its samples (the median coefficient of the top quarter: ~10 ulps
 * of the NTK at L = 100, amplified by 2n + 1), if that is below this fraction; a higher plateau is signal.
 */
const PROBE_NOISE_LIMIT = 1e-10;
/** … and extrapolates the count geometrically down to this fraction. */
const PROBE_TARGET = 1e-19;
/** … where the size is at least this fraction of κ(1), so that PROBE_THRESHOLD·size ≥ NEGLECTED·κ(1). */
const PROBE_LEAST_SIZE = NEGLECTED / PROBE_THRESHOLD;
const PROBE_SIZES = [32, 64, 128, 256, 512, 1024, 2048];
/** Gauss–Legendre nodes added to every estimate (the results agree with rules twice as large). */
const NODE_MARGIN = 8;
/** Nodes whose P_k and P_{k−1} have both fallen below this are dropped (no subnormal arithmetic). */
const NEGLIGIBLE_P = 1e-100;
/** Multiply-adds between two yields (a few ms); kernel evaluations between two yields. */
const WORK_PER_YIELD = 2e6;
const EVALUATIONS_PER_YIELD = 512;

function validate({ d, kmax, kernels }: SpectrumRequest): void {
  if (!Number.isInteger(d) || d < 2 || d > 1000) {
    throw new RangeError(`d must be an integer in 2..1000, got ${d}`);
  }
  if (!Number.isInteger(kmax) || kmax < 1 || kmax > 5000) {
    throw new RangeError(`kmax must be an integer in 1..5000, got ${kmax}`);
  }
  for (const k of kernels) familyOf(k); // throws on an unknown family
}

/** Columns (one per kernel, one value per node) stored four to an array, interleaved per node. */
function interleaved(columns: number, nodes: number): Float64Array[] {
  return Array.from({ length: Math.ceil(columns / 4) }, () => new Float64Array(4 * nodes));
}

/**
 * out[j] = Σ_i P_k(node_i) column_j[i] for every column of `groups`, over the first `count` nodes; then
 * the sweep moves to degree k + 1, fused with the last group's pass.
 */
function momentsAndAdvance(
  sweep: LegendreSweep,
  groups: readonly Float64Array[],
  out: Float64Array,
  count: number,
): void {
  const last = groups.length - 1;
  for (let g = 0; g < last; g++) sweep.accumulate(groups[g], out.subarray(4 * g, 4 * g + 4), count);
  sweep.accumulateAndAdvance(groups[last], out.subarray(4 * last, 4 * last + 4), count);
}

/** A function of s ∈ [0, 1] to resolve, and the size below which its variations do not matter. */
interface Profile {
  f: (s: number) => number;
  leastSize: number;
}

/**
 * For each sampled column (samples already multiplied by the weights of the m-point rule, in the sweep's
 * node order): the Legendre degree that resolves it, or null when the m-point probe does not. A column is
 * resolved when its coefficients a_n = (2n + 1) ∫_0^1 f P_n(2s − 1) ds have fallen below the level
 * max(PROBE_THRESHOLD·size, 4·noise) before n = m/2; the count is then extrapolated geometrically to
 * PROBE_TARGET.
 */
function probeDegrees(
  m: number,
  groups: readonly Float64Array[],
  sizes: readonly number[],
  x: Float64Array,
  delta: Float64Array,
  sigma: Float64Array,
): (number | null)[] {
  const sweep = new LegendreSweep(3, { cosine: x, delta, sigma });
  const moments = new Float64Array(4 * groups.length);
  const coefficients = sizes.map(() => new Float64Array(m));
  for (let n = 0; n < m; n++) {
    momentsAndAdvance(sweep, groups, moments, m);
    for (let j = 0; j < sizes.length; j++) coefficients[j][n] = Math.abs((2 * n + 1) * moments[j]);
  }
  return coefficients.map((a, j) => {
    const top = Array.from(a.subarray(m - (m >> 2))).sort((p, q) => p - q);
    const noise = top[top.length >> 1];
    if (noise > PROBE_NOISE_LIMIT * sizes[j]) return null;
    const level = Math.max(PROBE_THRESHOLD * sizes[j], 4 * noise);
    let count = 0; // one past the last coefficient above the level
    for (let n = 0; n < m; n++) if (a[n] > level) count = n + 1;
    if (2 * count > m) return null;
    return Math.ceil((count * Math.log(PROBE_TARGET)) / Math.log(level / sizes[j]));
  });
}

/**
 * Legendre degree needed to integrate each profile times a polynomial to ~PROBE_TARGET of its size, from
 * its Legendre coefficients on Gauss–Legendre rules of doubling size (probeDegrees). Returns the largest.
 */
function* resolvedDegree(profiles: readonly Profile[]): Generator<number, number, void> {
  let degree = 0;
  let pending = profiles;
  if (pending.length === 0) return degree;
  for (const m of PROBE_SIZES) {
    const { nodes, weights } = gaussLegendre(m);
    // x = 2s − 1 and its carried form (δ, σ) = (2(1 − s), 2s), in ascending δ as the sweep requires
    const x = Float64Array.from(nodes, (s) => 2 * s - 1).reverse();
    const delta = Float64Array.from(nodes, (s) => 2 - 2 * s).reverse();
    const sigma = Float64Array.from(nodes, (s) => 2 * s).reverse();
    const groups = interleaved(pending.length, m);
    const sizes: number[] = [];
    for (let j = 0; j < pending.length; j++) {
      let size = pending[j].leastSize;
      for (let i = 0; i < m; i++) {
        const v = pending[j].f(nodes[i]);
        groups[j >> 2][4 * (m - 1 - i) + (j & 3)] = weights[i] * v;
        size = Math.max(size, Math.abs(v));
      }
      sizes.push(size);
      yield 0;
    }
    const degrees = probeDegrees(m, groups, sizes, x, delta, sigma);
    yield 0;
    for (const found of degrees) if (found !== null) degree = Math.max(degree, found);
    pending = pending.filter((_, j) => degrees[j] === null);
    if (pending.length === 0) return degree;
  }
  // not resolved by the largest probe: spend as many nodes as the largest probe resolves
  return Math.max(degree, PROBE_SIZES[PROBE_SIZES.length - 1]);
}

/** Legendre degree of cos(ωx) on [−1, 1] to ~1e−17: ω plus the Airy-type transition of J_n(ω), n > ω. */
function oscillationDegree(omega: number): number {
  return omega + 15 * Math.cbrt(omega / 2);
}

/** Gauss–Legendre nodes for a product of two functions of these Legendre degrees (exact to 2n − 1). */
function nodesFor(degree: number): number {
  return Math.ceil((degree + 1) / 2) + NODE_MARGIN;
}

/** Raw kernel on the sphere at angle θ (for the probes; the main pass uses the folded carried cosines). */
function sphereAtAngle(kernel: KernelInstance): (theta: number) => number {
  const f = familyOf(kernel);
  return (theta) => {
    const { delta, sigma } = carriedFromAngle(theta);
    return f.onSphere(delta, sigma, kernel.params);
  };
}

/**
 * The composite rule for these kernels, d and kmax (math.md §3):
 * - large d: sin^{d−2}θ concentrates near π/2 with width ~1/√d; outside π/2 ± W, c_d ∫ sin^{d−2}θ dθ is
 *   below NEGLECTED and the rule leaves it out;
 * - a γ-exponential kernel (thetaSingularity q ≠ null) behaves like θ^q at θ = 0: where the window
 *   reaches within h of 0, graded panels θ = h s^p on [0, h] and [π − h, π] make the integrand
 *   s^{p(q+d−1)−1}·(smooth) with p(q + d − 1) ≥ 8 (Gauss–Legendre error ~m^{−2p(q+d−1)}); a larger p
 *   would draw the complex singularities of analytic kernels (deep NTK) toward the real s axis;
 * - node counts: P_k(cos θ) sin^{d−2}θ is a trigonometric polynomial of degree ≤ kmax + d − 2, and each
 *   kernel's own Legendre degree on each interval comes from a probe (resolvedDegree).
 */
function* planRule(
  kernels: readonly KernelInstance[],
  d: number,
  kmax: number,
): Generator<number, AngleRulePlan, void> {
  let halfWidth = Math.PI / 2;
  if (d > 2) {
    const cosW = Math.exp(Math.log(NEGLECTED / (funkHeckeConstant(d) * Math.PI)) / (d - 2));
    halfWidth = Math.acos(Math.min(cosW, 1));
  }
  const cusps = kernels.map((k) => familyOf(k).thetaSingularity(k.params)).filter((q): q is number => q !== null);
  // panel width h: its nodes grow like kmax·h (the oscillation, stretched p-fold), the middle rule's like
  // 1/√h (the cusp at distance h from its end); h ~ kmax^{−2/3} balances the two
  const panelWidth = Math.min(Math.PI / 4, 4 / Math.cbrt((kmax + d) ** 2));
  const atAngle = kernels.map(sphereAtAngle);
  const leastSizes = kernels.map((k) => PROBE_LEAST_SIZE * familyOf(k).atOne(k.params));

  let gradedPanel: GradedPanel | null = null;
  if (cusps.length > 0 && Math.PI / 2 - halfWidth < panelWidth) {
    halfWidth = Math.PI / 2;
    const q = Math.min(...cusps);
    const power = Math.min(8, Math.max(2, Math.ceil(8 / (q + d - 1))));
    const h = panelWidth;
    // on the panel: κ(h s^p) sin^{d−2}(h s^p) s^{p−1}; P_k(cos(h s^p)) has phase ≤ kmax·h s^p
    const panelDegree = yield* resolvedDegree(
      atAngle.map((f, j) => ({
        f: (s: number) => {
          const sp1 = Math.pow(s, power - 1);
          const theta = h * sp1 * s;
          return f(theta) * Math.pow(Math.sin(theta), d - 2) * sp1;
        },
        leastSize: leastSizes[j],
      })),
    );
    const omega = (kmax * h * power) / 2;
    gradedPanel = { width: h, power, nodes: nodesFor(panelDegree + oscillationDegree(omega)) };
  }

  const lo = gradedPanel ? gradedPanel.width : Math.PI / 2 - halfWidth;
  const length = Math.PI - 2 * lo;
  const middleDegree = yield* resolvedDegree(
    atAngle.map((f, j) => ({ f: (s: number) => f(lo + length * s), leastSize: leastSizes[j] })),
  );
  const omega = ((kmax + d - 2) * length) / 2;
  const middle = nodesFor(middleDegree + oscillationDegree(omega));
  return { halfWidth, middleNodes: middle + (middle % 2), gradedPanel };
}

/**
 * The kernels sampled on the folded rule: c_d·w_i·sin^{d−2}θ_i·(κ(θ_i) ± κ(π − θ_i)), the even and the odd
 * profile, as interleaved columns.
 */
interface FoldedProfiles {
  even: Float64Array[];
  odd: Float64Array[];
  /** per kernel: c_d Σ_i w_i sin^{d−2}θ_i (|κ(θ_i)| + |κ(π − θ_i)|) ≈ ∫|κ| dμ, the scale of its rounding */
  absoluteMass: Float64Array;
}

/** Samples kernel j at nodes [from, to) of the folded rule into `profiles`. */
function sampleKernel(
  kernel: KernelInstance,
  j: number,
  rule: FoldedAngleRule,
  measure: Float64Array,
  profiles: FoldedProfiles,
  from: number,
  to: number,
): void {
  const f = familyOf(kernel);
  const { delta, sigma } = rule.nodes;
  const even = profiles.even[j >> 2];
  const odd = profiles.odd[j >> 2];
  const column = j & 3;
  let mass = 0;
  for (let i = from; i < to; i++) {
    // θ ↦ π − θ swaps the carried cosine (δ, σ)
    const near = f.onSphere(delta[i], sigma[i], kernel.params);
    const far = f.onSphere(sigma[i], delta[i], kernel.params);
    if (!Number.isFinite(near) || !Number.isFinite(far)) {
      throw new Error(`kernel ${kernel.family} is not finite at θ = ${rule.theta[i]}`);
    }
    even[4 * i + column] = measure[i] * (near + far);
    odd[4 * i + column] = measure[i] * (near - far);
    mass += measure[i] * (Math.abs(near) + Math.abs(far));
  }
  profiles.absoluteMass[j] += mass;
}

/**
 * The degree loop: λ_k = Σ_i P_k(cos θ_i)·profile_i, the even profile for even k and the odd one for odd k,
 * four kernels per pass over the nodes, the last pass fused with the recurrence step. Kept out of the
 * generator, whose live locals V8 holds in a heap context.
 */
class DegreeLoop {
  k = 0;
  private active: number;
  private readonly sweep: LegendreSweep;
  private readonly moments: Float64Array;

  constructor(
    private readonly d: number,
    rule: FoldedAngleRule,
    private readonly profiles: FoldedProfiles,
    private readonly lambdas: readonly Float64Array[],
  ) {
    this.sweep = new LegendreSweep(d, rule.nodes);
    this.active = rule.theta.length;
    this.moments = new Float64Array(4 * profiles.even.length);
  }

  /** Runs degrees until about `work` multiply-adds are done or the last degree is reached. */
  run(work: number): void {
    const { sweep, profiles, lambdas, moments } = this;
    const kmax = lambdas[0].length - 1;
    const perNode = 4 * profiles.even.length + 2;
    let active = this.active;
    let done = 0;
    let k = this.k;
    for (; k <= kmax && done < work; k++) {
      momentsAndAdvance(sweep, k % 2 === 1 ? profiles.odd : profiles.even, moments, active);
      for (let j = 0; j < lambdas.length; j++) lambdas[j][k] = moments[j];
      if (this.d > 2 && k % 32 === 31) active = sweep.negligibleFrom(active, NEGLIGIBLE_P);
      done += active * perNode;
    }
    this.k = k;
    this.active = active;
  }
}

/**
 * Absolute accuracy of λ_k as a multiple of ε·∫|κ|dμ: the kernel values (NTK to ~10 ulps, math.md §2.2),
 * weights, c_d and sums contribute a fixed number of ulps; the recurrence's rounding grows about linearly
 * with k where P_k does not decay (d = 2: ~k/400 ulps). Measured errors stay below a third of this
 * (40-digit tables, the Gaussian's Bessel form, mpmath at d = 30 and 100). At d = 30 it is ~1e−15·κ(1),
 * where math.md §4 has the eigenvalues fall below the float64 floor from k ≈ 19.
 */
function floorFactor(kmax: number): number {
  return 24 + kmax / 100;
}

export function* spectrumJob(req: SpectrumRequest): Generator<number, SpectrumResult, void> {
  validate(req);
  const { kernels, d, kmax, unit } = req;
  const rule = foldedAngleRule(yield* planRule(kernels, d, kmax));
  const n = rule.theta.length;
  const cd = funkHeckeConstant(d);
  // c_d w_i sin^{d−2}θ_i; the window keeps sin^{d−2}θ above ~1e−20 (no underflow)
  const measure = sinePowers(rule.nodes, d - 2).map((sd, i) => cd * rule.weight[i] * sd);

  const evaluations = 2 * n * kernels.length;
  const sweepWork = n * (kernels.length + 1) * (kmax + 1);
  // progress: kernel evaluations count ~20 multiply-adds each
  const evaluationShare = evaluations / (evaluations + sweepWork / 20);
  const profiles: FoldedProfiles = {
    even: interleaved(kernels.length, n),
    odd: interleaved(kernels.length, n),
    absoluteMass: new Float64Array(kernels.length),
  };
  const block = EVALUATIONS_PER_YIELD / 2;
  for (let j = 0; j < kernels.length; j++) {
    for (let from = 0; from < n; from += block) {
      const to = Math.min(n, from + block);
      sampleKernel(kernels[j], j, rule, measure, profiles, from, to);
      yield (evaluationShare * (j * n + to)) / (kernels.length * n);
    }
  }

  const lambdas = kernels.map(() => new Float64Array(kmax + 1));
  if (kernels.length > 0) {
    const loop = new DegreeLoop(d, rule, profiles, lambdas);
    for (;;) {
      loop.run(WORK_PER_YIELD);
      if (loop.k > kmax) break;
      yield evaluationShare + (1 - evaluationShare) * (loop.k / (kmax + 1));
    }
  }

  const factor = floorFactor(kmax);
  const series = kernels.map((kernel, j): SpectrumSeries => {
    const atOne = familyOf(kernel).atOne(kernel.params);
    const scale = unit ? 1 / atOne : 1;
    const lambda = lambdas[j];
    if (unit) for (let k = 0; k <= kmax; k++) lambda[k] *= scale;
    // rounding, plus what the window and the resolution criterion may neglect
    const floor = (Number.EPSILON * factor * profiles.absoluteMass[j] + NEGLECTED * atOne) * scale;
    return { lambda, floor };
  });
  const log10N = new Float64Array(kmax + 1);
  for (let k = 0; k <= kmax; k++) log10N[k] = log10Multiplicity(d, k);
  return { d, kmax, series, log10Multiplicity: log10N };
}

/** Runs spectrumJob to completion. */
export function spectrum(req: SpectrumRequest): SpectrumResult {
  const job = spectrumJob(req);
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
  }
}
