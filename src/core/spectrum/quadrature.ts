/**
 * Quadrature rules for the Funk–Hecke integral in θ (math.md §3): Gauss–Legendre rules computed in O(n)
 * and cached, and the composite rule in θ ∈ [0, π] that the spectrum uses, folded about θ = π/2.
 *
 * Node positions are kept as double-doubles. λ_k = Σ w_i f(θ_i) P_k(cos θ_i) moves by ~k·|Δθ_i| when the
 * nodes move, so nodes rounded to doubles alone put a noise of ~k·ε on every eigenvalue (~5e−15·κ(1) at
 * k = 400 for d = 2, enough to break a 1e−8 relative accuracy where λ_k ~ 1e−6·λ_0). Weights and kernel
 * values are smooth in θ and stay plain doubles.
 */
import { logGammaHalfRatio, type CarriedNodes } from './gegenbauer';
import { lruMemo } from '../numerics/lru';

/** A double-double number hi + lo, |lo| ≤ ulp(hi)/2. */
type DoubleDouble = readonly [number, number];

function twoSum(a: number, b: number): DoubleDouble {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

/** Dekker's exact product (JavaScript has no fused multiply-add). */
function twoProduct(a: number, b: number): DoubleDouble {
  const p = a * b;
  const ca = 134217729 * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = 134217729 * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function ddAdd(x: DoubleDouble, y: DoubleDouble): DoubleDouble {
  const [s, e] = twoSum(x[0], y[0]);
  return twoSum(s, e + x[1] + y[1]);
}

function ddMul(x: DoubleDouble, y: DoubleDouble): DoubleDouble {
  const [p, e] = twoProduct(x[0], y[0]);
  return twoSum(p, e + x[0] * y[1] + x[1] * y[0]);
}

function ddDivide(x: DoubleDouble, m: number): DoubleDouble {
  const q = x[0] / m;
  const [p, e] = twoProduct(q, m);
  return twoSum(q, (x[0] - p - e + x[1]) / m);
}

const PI: DoubleDouble = [Math.PI, 1.2246467991473532e-16];
const ONE: DoubleDouble = [1, 0];

/**
 * sin²x for 0 ≤ x ≤ π/4 to ~1e−24 relative (node positions need ~1e−20), by the Taylor series of sin in
 * double-double (Horner form).
 */
function sinSquared(x: DoubleDouble): DoubleDouble {
  const x2 = ddMul(x, x);
  // sin x = x (1 − x²/(2·3) (1 − x²/(4·5) (1 − …))); x^25/25! < 1e−25 at x = π/4
  let inner = ONE;
  for (let m = 12; m >= 1; m--) {
    const term = ddDivide(ddMul(x2, inner), 2 * m * (2 * m + 1));
    inner = ddAdd(ONE, [-term[0], -term[1]]);
  }
  const sin = ddMul(x, inner);
  return ddMul(sin, sin);
}

/** A Gauss–Legendre rule on [0, 1]: ∫_0^1 f(s) ds ≈ Σ w_i f(s_i). */
export interface UnitIntervalRule {
  /** nodes s_i = (1 + x_i)/2, ascending */
  nodes: Float64Array;
  /**
   * low-order parts: s_i + nodesLow_i is the node to ~1e−19 for n ≥ 60 (~1e−17 below, where every node
   * comes from the recurrence; such rules only serve low degrees)
   */
  nodesLow: Float64Array;
  /** weights, Σ = 1 */
  weights: Float64Array;
}

/** Below this n every node comes from Newton on the three-term recurrence, O(n) per node. */
const RECURRENCE_BELOW = 60;
/**
 * Where n sin θ ≥ this, the Stieltjes series for P_n(cos θ) reaches 1e−17 within ~20 terms (checked for
 * n = 100..10000); closer to θ = 0 (about 8 nodes per end) Newton runs on the three-term recurrence.
 */
const ASYMPTOTIC_FROM = 25;

/** P_n(cos θ) and dP_n/dθ, written by the evaluators below (no allocation in the node loop). */
const evaluated = { value: 0, derivative: 0 };

/**
 * P_n(cos θ) and d/dθ by the Legendre recurrence (math.md §3 with d = 3) in the form that carries
 * δ = 1 − cos θ = 2 sin²(θ/2) instead of the rounded cosine, through the differences D_k = P_k − P_{k−1}:
 *   D_{k+1} = (k D_k − (2k+1) δ P_k)/(k+1),  P_{k+1} = P_k + D_{k+1}.
 * With cos θ itself the rounding of the cosine alone would move a node near θ = 0 by ~ε/θ.
 */
function legendreByRecurrence(n: number, theta: number): void {
  const sinHalf = Math.sin(theta / 2);
  const delta = 2 * sinHalf * sinHalf;
  const s = Math.sin(theta); // dδ/dθ
  let p = 1; // P_k
  let q = 0; // dP_k/dθ
  let dp = 0; // D_k
  let dq = 0; // dD_k/dθ
  for (let k = 0; k < n; k++) {
    dp = (k * dp - (2 * k + 1) * delta * p) / (k + 1);
    dq = (k * dq - (2 * k + 1) * (s * p + delta * q)) / (k + 1);
    p += dp;
    q += dq;
  }
  evaluated.value = p;
  evaluated.derivative = q;
}

/**
 * P_n(cos θ) and d/dθ by the Stieltjes series (Szegő, Orthogonal Polynomials, (8.21.14)):
 *   P_n(cos θ) = (2/√π) Γ(n+1)/Γ(n+3/2) Σ_m C_m cos α_m / (2 sin θ)^{m+½},
 *   C_0 = 1, C_{m+1} = C_m (m+½)² / ((m+1)(n+m+3/2)),  α_m = (n+m+½)θ − (m+½)π/2.
 * Each term is O(1) work, so a node costs O(1) instead of O(n). The phase α_0 is formed in double-double:
 * P_n is then exact to ~1e−16 of its amplitude at the given double θ, which places the root to ~1e−16/n,
 * far inside one ulp of θ (the sub-ulp correction of the node).
 */
function legendreByStieltjes(n: number, theta: number, prefactor: number): void {
  const s = Math.sin(theta);
  const c = Math.cos(theta);
  const g = 1 / (2 * s);
  const cotangent = c / s;
  const [alpha, alphaLow] = ddAdd(twoProduct(n + 0.5, theta), [-Math.PI / 4, -PI[1] / 4]);
  const cosHi = Math.cos(alpha);
  const sinHi = Math.sin(alpha);
  let cosA = cosHi - sinHi * alphaLow;
  let sinA = sinHi + cosHi * alphaLow;
  let coefficient = Math.sqrt(g); // C_m / (2 sin θ)^{m+½}
  let value = 0;
  let derivative = 0;
  for (let m = 0; m < 40; m++) {
    value += coefficient * cosA;
    derivative -= coefficient * ((n + m + 0.5) * sinA + (m + 0.5) * cotangent * cosA);
    coefficient *= ((m + 0.5) * (m + 0.5) * g) / ((m + 1) * (n + m + 1.5));
    if (coefficient < 1e-17) break;
    // α_{m+1} = α_m + θ − π/2
    const nextCos = cosA * s + sinA * c;
    sinA = sinA * s - cosA * c;
    cosA = nextCos;
  }
  evaluated.value = prefactor * value;
  evaluated.derivative = prefactor * derivative;
}

/** The first zeros j_{0,k} of the Bessel function J_0, for the initial estimates near θ = 0. */
const BESSEL_J0_ZEROS = [
  2.4048255576957724, 5.520078110286311, 8.653727912911013, 11.791534439014281, 14.930917708487787, 18.071063967910924,
  21.21163662987926, 24.352471530749302, 27.493479132040253, 30.634606468431976,
];

/**
 * Estimate of θ_j, relative error below ~1e−8 for n ≥ 60: near θ = 0 the Bessel form
 * θ ≈ j_{0,j} / √((n+½)² + 1/12) (from P_n(cos θ) ≈ √(θ/sin θ) J_0((n+½)θ)), elsewhere Tricomi's
 * x ≈ (1 − (n−1)/(8n³) − (39 − 28/sin²φ)/(384n⁴)) cos φ, φ = (4j−1)π/(4n+2).
 */
function initialNodeAngle(n: number, j: number): number {
  if (j <= BESSEL_J0_ZEROS.length) return BESSEL_J0_ZEROS[j - 1] / Math.sqrt((n + 0.5) ** 2 + 1 / 12);
  const phi = ((4 * j - 1) * Math.PI) / (4 * n + 2);
  const sinPhi = Math.sin(phi);
  const n3 = n * n * n;
  return Math.acos((1 - (n - 1) / (8 * n3) - (39 - 28 / (sinPhi * sinPhi)) / (384 * n3 * n)) * Math.cos(phi));
}

/**
 * Node angle θ_j ∈ (0, π/2] of the n-point rule (x_j = cos θ_j, j = 1 the largest) as a double-double, by
 * Newton's method in θ; leaves dP_n/dθ at the node in `evaluated.derivative`. At a root P'' = −cot θ·P'
 * (Legendre's equation), so a Newton step Δ leaves an error ≈ cot θ·Δ²/2: |Δ| < 1e−9·θ ends the
 * iteration, and the last step, applied as a low-order part, resolves the node below one ulp. (On the ~8
 * nodes per end that use the recurrence, δ's rounding limits this to ~θε/2, which is ~1e−19 once mapped
 * to [0, 1].)
 */
function legendreNodeAngle(n: number, j: number, prefactor: number): DoubleDouble {
  if (4 * j - 1 === 2 * n + 1) {
    // the middle node of an odd rule, θ = π/2 exactly
    legendreByRecurrence(n, Math.PI / 2);
    return [PI[0] / 2, PI[1] / 2];
  }
  let theta = initialNodeAngle(n, j);
  const asymptotic = n >= RECURRENCE_BELOW && n * Math.sin(theta) >= ASYMPTOTIC_FROM;
  const evaluate = (th: number) => (asymptotic ? legendreByStieltjes(n, th, prefactor) : legendreByRecurrence(n, th));
  for (let iteration = 0; iteration < 12; iteration++) {
    evaluate(theta);
    const step = evaluated.value / evaluated.derivative;
    theta -= step;
    if (Math.abs(step) < 1e-9 * theta) break;
  }
  evaluate(theta); // the derivative at the converged node: the weight needs it to ~1 ulp
  return twoSum(theta, -evaluated.value / evaluated.derivative);
}

function computeGaussLegendre(n: number): UnitIntervalRule {
  const nodes = new Float64Array(n);
  const nodesLow = new Float64Array(n);
  const weights = new Float64Array(n);
  // Γ(n+1)/Γ(n+3/2) · 2/√π, the Stieltjes prefactor
  const prefactor = (2 / Math.sqrt(Math.PI)) * Math.exp(-logGammaHalfRatio(n + 1));
  for (let j = 1; 2 * j <= n + 1; j++) {
    const theta = legendreNodeAngle(n, j, prefactor);
    // weight 2/(dP_n/dθ)² on [−1, 1], half of it on [0, 1]
    const w = 1 / (evaluated.derivative * evaluated.derivative);
    // x = cos θ; on [0, 1] the node is s = (1 + x)/2 = 1 − sin²(θ/2) and its mirror 1 − s = sin²(θ/2)
    const [lo, loLow] = sinSquared([theta[0] / 2, theta[1] / 2]);
    const [hi, hiLow] = ddAdd(ONE, [-lo, -loLow]);
    nodes[j - 1] = lo;
    nodesLow[j - 1] = loLow;
    nodes[n - j] = hi;
    nodesLow[n - j] = hiLow;
    weights[j - 1] = w;
    weights[n - j] = w;
  }
  return { nodes, nodesLow, weights };
}

/** Rules kept per cache, most recently used last (a few hundred kB at most). */
const CACHE_SIZE = 16;

/**
 * The n-point Gauss–Legendre rule on [0, 1], cached. O(n): the Stieltjes asymptotic series gives P_n
 * away from the ends; weights agree with a 50-digit Newton-on-the-recurrence to a few ulps.
 */
export const gaussLegendre: (n: number) => UnitIntervalRule = lruMemo(
  CACHE_SIZE,
  (n: number) => n,
  computeGaussLegendre,
);

/** Graded end panels [0, h] and [π − h, π] with θ = h s^p, s ∈ [0, 1] on Gauss–Legendre nodes. */
export interface GradedPanel {
  width: number;
  power: number;
  nodes: number;
}

/**
 * A symmetric composite rule on [π/2 − halfWidth, π/2 + halfWidth] ⊆ [0, π]: Gauss–Legendre on the middle
 * interval, optionally with graded panels at both ends (then halfWidth = π/2 and the middle interval is
 * [h, π − h]). The θ^q cusp of a γ-exponential kernel at θ = 0 (math.md §3), times sin^{d−2}θ dθ, becomes
 * s^{p(q+d−1)−1}·(smooth) on the panel, which Gauss–Legendre integrates to full accuracy for p(q+d−1) ≳ 8.
 */
export interface AngleRulePlan {
  halfWidth: number;
  /** nodes on the middle interval, even (no node at π/2) */
  middleNodes: number;
  gradedPanel: GradedPanel | null;
}

/**
 * The rule folded about π/2: ∫ F(θ) dθ over the plan's interval ≈ Σ_i weight_i (F(θ_i) + F(π − θ_i)),
 * θ_i ∈ (0, π/2) ascending. Folding is exact for the symmetric rule and halves the work (math.md §3:
 * P_k(−t) = (−1)^k P_k(t)). `nodes` holds cos θ_i and (δ_i, σ_i) = (2 sin²(θ_i/2), 2 cos²(θ_i/2)) as
 * double-doubles for LegendreSweep; their high parts are the carried cosine at which kernels are evaluated
 * (θ ↦ π − θ swaps δ and σ).
 */
export interface FoldedAngleRule {
  theta: Float64Array;
  weight: Float64Array;
  nodes: Required<CarriedNodes>;
}

/** The folded rule of a plan, cached. */
export const foldedAngleRule: (plan: AngleRulePlan) => FoldedAngleRule = lruMemo(
  CACHE_SIZE,
  ({ halfWidth, middleNodes, gradedPanel: p }: AngleRulePlan) =>
    `${halfWidth} ${middleNodes} ${p ? `${p.width} ${p.power} ${p.nodes}` : ''}`,
  computeFoldedAngleRule,
);

function computeFoldedAngleRule(plan: AngleRulePlan): FoldedAngleRule {
  const panel = plan.gradedPanel;
  const panelCount = panel ? panel.nodes : 0;
  const halfMiddle = plan.middleNodes / 2;
  const count = panelCount + halfMiddle;
  const angles: DoubleDouble[] = [];
  const weight = new Float64Array(count);
  if (panel) {
    const { nodes, nodesLow, weights } = gaussLegendre(panel.nodes);
    const { width: h, power: p } = panel;
    for (let i = 0; i < panelCount; i++) {
      const s: DoubleDouble = [nodes[i], nodesLow[i]];
      let sp1 = ONE; // s^{p−1}
      for (let m = 1; m < p; m++) sp1 = ddMul(sp1, s);
      angles.push(ddMul([h, 0], ddMul(sp1, s)));
      weight[i] = p * h * sp1[0] * weights[i];
    }
  }
  const lo = panel ? panel.width : Math.PI / 2 - plan.halfWidth;
  const length = ddAdd(PI, [-2 * lo, 0]);
  const { nodes, nodesLow, weights } = gaussLegendre(plan.middleNodes);
  for (let i = 0; i < halfMiddle; i++) {
    angles.push(ddAdd([lo, 0], ddMul(length, [nodes[i], nodesLow[i]])));
    weight[panelCount + i] = length[0] * weights[i];
  }

  const theta = new Float64Array(count);
  const folded: Required<CarriedNodes> = {
    cosine: new Float64Array(count),
    cosineLow: new Float64Array(count),
    delta: new Float64Array(count),
    deltaLow: new Float64Array(count),
    sigma: new Float64Array(count),
    sigmaLow: new Float64Array(count),
  };
  angles.forEach((angle, i) => {
    theta[i] = angle[0];
    const half = sinSquared([angle[0] / 2, angle[1] / 2]); // sin²(θ/2), θ/2 ≤ π/4
    const delta = ddAdd(half, half);
    const cosine = ddAdd(ONE, [-delta[0], -delta[1]]);
    const sigma = ddAdd(ONE, cosine);
    [folded.delta[i], folded.deltaLow[i]] = delta;
    [folded.cosine[i], folded.cosineLow[i]] = cosine;
    [folded.sigma[i], folded.sigmaLow[i]] = sigma;
  });
  return { theta, weight, nodes: folded };
}

/**
 * sin^e θ_i at the folded rule's nodes to ~2 ulps for any e: sin²θ = δσ in double-double, its logarithm,
 * the product with e/2 exact (Dekker), then exp. With the rounded sin θ the power would multiply its
 * relative error by e (~1e−13 for d = 1000).
 */
export function sinePowers(nodes: Required<CarriedNodes>, e: number): Float64Array {
  const { delta, deltaLow, sigma, sigmaLow } = nodes;
  return Float64Array.from(delta, (_, i) => {
    const [s2, s2Low] = ddMul([delta[i], deltaLow[i]], [sigma[i], sigmaLow[i]]);
    if (e === 0 || s2 === 0) return e === 0 ? 1 : 0;
    const [y, yLow] = ddMul([e / 2, 0], [Math.log(s2), s2Low / s2]);
    return Math.exp(y) * (1 + yLow);
  });
}
