/**
 * The Legendre polynomial of dimension d, the multiplicity of degree-k spherical harmonics and the
 * Funk–Hecke constant (math.md §3), plus the log-gamma functions they need. Pure functions, no DOM.
 */

/** ln Γ(x) for x > 0: recurrence up to x ≥ 15, then the Stirling series (error below 1e−15·|ln Γ|). */
export function logGamma(x: number): number {
  let shift = 1; // Γ(x) = Γ(x + m) / (x (x+1) ⋯ (x+m−1))
  let y = x;
  while (y < 15) {
    shift *= y;
    y += 1;
  }
  const inv = 1 / y;
  const inv2 = inv * inv;
  // Σ B_{2n} / (2n(2n−1) y^{2n−1}), n = 1..7
  const tail = 1 / 1188 + inv2 * (-691 / 360360 + inv2 / 156);
  const series = inv * (1 / 12 + inv2 * (-1 / 360 + inv2 * (1 / 1260 + inv2 * (-1 / 1680 + inv2 * tail))));
  return (y - 0.5) * Math.log(y) - y + 0.5 * Math.log(2 * Math.PI) + series - Math.log(shift);
}

/**
 * ln(Γ(x + ½)/Γ(x)) for x > 0, without subtracting two large log-gammas (so ~1 ulp even for x ~ 1e4).
 * Recurrence Γ(x+½)/Γ(x) = Γ(x+3/2)/Γ(x+1) · x/(x+½) up to x ≥ 20, then the asymptotic series
 * ½ ln x + Σ_n (−1)^{n+1} (B_{n+1}(½) − B_{n+1}) / (n(n+1) x^n) (odd n; B Bernoulli polynomials).
 */
export function logGammaHalfRatio(x: number): number {
  let factor = 1;
  let y = x;
  while (y < 20) {
    factor *= y / (y + 0.5);
    y += 1;
  }
  const inv = 1 / y;
  const inv2 = inv * inv;
  const series = inv * (-1 / 8 + inv2 * (1 / 192 + inv2 * (-1 / 640 + inv2 * (17 / 14336 + inv2 * (-31 / 18432)))));
  return 0.5 * Math.log(y) + series + Math.log(factor);
}

/**
 * Funk–Hecke constant c_d = Γ(d/2) / (√π Γ((d−1)/2)) of math.md §3, so that
 * λ_k = c_d ∫_0^π κ(cos θ) P_k(cos θ) sin^{d−2}θ dθ. c_2 = 1/π, c_3 = ½, c_d ≈ √(d/2π) for large d.
 */
export function funkHeckeConstant(d: number): number {
  return Math.exp(logGammaHalfRatio((d - 1) / 2) - 0.5 * Math.log(Math.PI));
}

const EXACT_LIMIT = 2 ** 53;

/** C(n, r) exactly while every partial product stays below 2^53; null when it would not. */
function exactBinomial(n: number, r: number): number | null {
  const m = Math.min(r, n - r);
  let c = 1;
  for (let i = 1; i <= m; i++) {
    const next = c * (n - m + i);
    if (next >= EXACT_LIMIT) return null;
    c = next / i; // C(n − m + i, i), an integer
  }
  return c;
}

/** ln N(d, k) for d ≥ 3, k ≥ 1: N = (2k+d−2)/k · C(k+d−3, d−2) = (2k+d−2) Γ(k+d−2) / (Γ(d−1) Γ(k+1)). */
function logMultiplicity(d: number, k: number): number {
  return Math.log(2 * k + d - 2) + logGamma(k + d - 2) - logGamma(d - 1) - logGamma(k + 1);
}

/** C(n, r) as a product of ratios in floating point (relative error ~√r ε; Infinity past the range). */
function floatBinomial(n: number, r: number): number {
  const m = Math.min(r, n - r);
  let c = 1;
  for (let i = 1; i <= m; i++) c *= (n - m + i) / i;
  return c;
}

/**
 * N(d, k) with d ≥ 3 and k ≥ 1 as the sum C(k+d−2, k) + C(k+d−3, k−1) of two integers (the harmonic
 * polynomials of degree k), exactly when it is below 2^53; null when it is not.
 */
function exactMultiplicity(d: number, k: number): number | null {
  const a = exactBinomial(k + d - 2, k);
  const b = exactBinomial(k + d - 3, k - 1);
  if (a === null || b === null || a + b >= EXACT_LIMIT) return null;
  return a + b;
}

/**
 * Multiplicity N(d, k) of the degree-k spherical harmonics on S^{d−1} (math.md §3): N(d, 0) = 1,
 * N(2, k) = 2, N(3, k) = 2k + 1, N(4, k) = (k + 1)². Exact integer below 2^53, otherwise a float
 * (relative error ~1e−14); Number.MAX_VALUE where it overflows (N(1000, 5000) ≈ 1e1060: use
 * log10Multiplicity).
 */
export function multiplicity(d: number, k: number): number {
  if (k === 0) return 1;
  if (d === 2) return 2;
  const exact = exactMultiplicity(d, k);
  if (exact !== null) return exact;
  return Math.min(floatBinomial(k + d - 2, k) + floatBinomial(k + d - 3, k - 1), Number.MAX_VALUE);
}

/** log10 N(d, k), finite for every d and k (N(1000, 5000) ≈ 10^1060). */
export function log10Multiplicity(d: number, k: number): number {
  if (k === 0) return 0;
  if (d === 2) return Math.log10(2);
  const exact = exactMultiplicity(d, k);
  return exact !== null ? Math.log10(exact) : logMultiplicity(d, k) / Math.LN10;
}

/**
 * Nodes for LegendreSweep, in ascending δ (descending t): the cosine t and its carried form
 * (δ, σ) = (1 − t, 1 + t), each accurate in its own right (e.g. formed from the angle). Optional low-order
 * parts make each a double-double (t + cosineLow, …): P_k varies like k·dθ, so a quadrature node rounded
 * to a double alone moves λ_k by ~k·ε (~5e−15·κ(1) at k = 400 for d = 2, see quadrature.ts).
 */
export interface CarriedNodes {
  cosine: Float64Array;
  delta: Float64Array;
  sigma: Float64Array;
  cosineLow?: Float64Array;
  deltaLow?: Float64Array;
  sigmaLow?: Float64Array;
}

/**
 * The normalized Legendre polynomial of dimension d (P_k(1) = 1; Chebyshev T_k for d = 2, Legendre for
 * d = 3), run over a whole node array by the three-term recurrence of math.md §3,
 *   P_0 = 1,  P_1 = t,  P_{k+1} = a_k t P_k − b_k P_{k−1},  a_k = (2k+d−2)/(k+d−2),  b_k = a_k − 1.
 * Each node enters through the quantity that locates it best: near t = ±1 the rounded t would move it by
 * ~ε/θ, near t = 0 the rounded δ by ~ε. Hence (Reinsch's modification near ±1):
 *   t ≥ ½:   D_k = P_k − P_{k−1},  D_{k+1} = b_k D_k − a_k δ P_k,  P_{k+1} = P_k + D_{k+1};
 *   t ≤ −½:  E_k = P_k + P_{k−1},  E_{k+1} = a_k σ P_k − b_k E_k,  P_{k+1} = E_{k+1} − P_k;
 *   between: the plain form with t.
 * The low-order parts of the nodes enter as separate products, so the recurrence runs at the
 * double-double node; what remains is its own rounding (~kε/25 at k where P_k does not decay, d = 2).
 *
 * Storage is interleaved per node (node variable hi/lo, then P_k and the carried D_k, P_{k−1} or E_k), and
 * weights come as four interleaved columns: the hot loop touches three arrays, not nine.
 */
export class LegendreSweep {
  /** degree currently held */
  k = 0;
  /** per node: the variable of its range (δ, t or σ) and its low-order part */
  private readonly node: Float64Array;
  /** per node: P_k and D_k, P_{k−1} or E_k by range */
  private readonly state: Float64Array;
  /** nodes [0, plainFrom) use D_k, [plainFrom, mirroredFrom) the plain form, the rest E_k */
  private readonly plainFrom: number;
  private readonly mirroredFrom: number;
  private noWeights: Float64Array | null = null;
  private readonly noSums = new Float64Array(4);

  constructor(
    readonly d: number,
    nodes: CarriedNodes,
  ) {
    const { cosine, delta, sigma } = nodes;
    const n = delta.length;
    for (let i = 1; i < n; i++) {
      if (!(delta[i] >= delta[i - 1])) throw new Error('LegendreSweep: nodes must be in ascending δ');
    }
    let i = 0;
    while (i < n && delta[i] <= 0.5) i++;
    this.plainFrom = i;
    while (i < n && sigma[i] > 0.5) i++;
    this.mirroredFrom = i;
    this.node = new Float64Array(2 * n);
    this.state = new Float64Array(2 * n);
    for (let j = 0; j < n; j++) {
      const [hi, lo] =
        j < this.plainFrom
          ? [delta, nodes.deltaLow]
          : j < this.mirroredFrom
            ? [cosine, nodes.cosineLow]
            : [sigma, nodes.sigmaLow];
      this.node[2 * j] = hi[j];
      this.node[2 * j + 1] = lo ? lo[j] : 0;
      this.state[2 * j] = 1; // P_0
    }
  }

  /** number of nodes */
  get length(): number {
    return this.node.length / 2;
  }

  /** P_k at every node (a copy). */
  values(): Float64Array {
    return Float64Array.from({ length: this.length }, (_, i) => this.state[2 * i]);
  }

  /** P_k → P_{k+1} at the first `count` nodes (the others keep stale values). */
  advance(count = this.length): void {
    this.noWeights ??= new Float64Array(4 * this.length);
    this.accumulateAndAdvance(this.noWeights, this.noSums, count);
  }

  /** sums[j] = Σ_i P_k(node_i) w[4i + j], j = 0..3, over the first `count` nodes. */
  accumulate(w: Float64Array, sums: Float64Array, count = this.length): void {
    const st = this.state;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let i = 0; i < count; i++) {
      const p = st[2 * i];
      const j = 4 * i;
      s0 += p * w[j];
      s1 += p * w[j + 1];
      s2 += p * w[j + 2];
      s3 += p * w[j + 3];
    }
    sums[0] = s0;
    sums[1] = s1;
    sums[2] = s2;
    sums[3] = s3;
  }

  /**
   * accumulate(w, sums, count), then P_k → P_{k+1}, in one pass over the nodes: the recurrence is evaluated
   * once and read once per degree for four kernels (math.md §3: K·N multiply-adds for K eigenvalues).
   */
  accumulateAndAdvance(w: Float64Array, sums: Float64Array, count = this.length): void {
    const { k, d, node: x, state: st } = this;
    // at k = 0 (b_0 = 0, a_0 = 1) the general form reads 0/0 for d = 2
    const a = k === 0 ? 1 : (2 * k + d - 2) / (k + d - 2);
    const b = k === 0 ? 0 : k / (k + d - 2);
    const plainEnd = Math.min(this.plainFrom, count);
    const mirroredEnd = Math.min(this.mirroredFrom, count);
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let i = 0; i < plainEnd; i++) {
      const p = st[2 * i];
      const j = 4 * i;
      s0 += p * w[j];
      s1 += p * w[j + 1];
      s2 += p * w[j + 2];
      s3 += p * w[j + 3];
      const diff = b * st[2 * i + 1] - a * (x[2 * i] * p + x[2 * i + 1] * p); // D_{k+1}
      st[2 * i + 1] = diff;
      st[2 * i] = p + diff;
    }
    for (let i = plainEnd; i < mirroredEnd; i++) {
      const p = st[2 * i];
      const j = 4 * i;
      s0 += p * w[j];
      s1 += p * w[j + 1];
      s2 += p * w[j + 2];
      s3 += p * w[j + 3];
      st[2 * i] = a * (x[2 * i] * p + x[2 * i + 1] * p) - b * st[2 * i + 1]; // P_{k+1}
      st[2 * i + 1] = p;
    }
    for (let i = mirroredEnd; i < count; i++) {
      const p = st[2 * i];
      const j = 4 * i;
      s0 += p * w[j];
      s1 += p * w[j + 1];
      s2 += p * w[j + 2];
      s3 += p * w[j + 3];
      const sum = a * (x[2 * i] * p + x[2 * i + 1] * p) - b * st[2 * i + 1]; // E_{k+1}
      st[2 * i + 1] = sum;
      st[2 * i] = sum - p;
    }
    sums[0] = s0;
    sums[1] = s1;
    sums[2] = s2;
    sums[3] = s3;
    this.k = k + 1;
  }

  /**
   * The start of the run of nodes before `count` where both stored values (P_k and D_k, P_{k−1} or E_k)
   * are below `tiny`, so |P_k|, |P_{k−1}| < 2·tiny: for d > 2 the |P_k| envelope only decreases from there
   * (~t^k, then ~(k sin θ)^{−(d−2)/2}), so such nodes can be dropped before their values become subnormal.
   */
  negligibleFrom(count: number, tiny: number): number {
    const st = this.state;
    let i = count;
    while (i > 0 && Math.abs(st[2 * i - 2]) < tiny && Math.abs(st[2 * i - 1]) < tiny) i--;
    return i;
  }
}
