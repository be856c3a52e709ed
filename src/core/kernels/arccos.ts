/**
 * Arc-cosine functions of Cho & Saul (2009), normalized so κ(1) = 1 (math.md §2.1), evaluated from a
 * carried cosine rather than from ρ itself.
 *
 * A cosine ρ is carried as the pair (δ, σ) = (1 − ρ, 1 + ρ). Near ρ = ±1 one of the two is tiny and
 * holds all the information that `ρ` alone would have rounded away (math.md §2.2, "Numerical accuracy").
 */

/** Below this angle g(a) = sin a − a cos a is summed as a series (it cancels to ~a³/3). */
const SERIES_BELOW = 1;

/**
 * g(a) = sin a − a cos a = Σ_{n≥1} (−1)^{n+1} 2n a^{2n+1} / (2n+1)!   (math.md §2.2)
 * Non-negative on [0, π]; g(0) = 0, g(π) = π.
 */
function sinMinusACos(a: number): number {
  if (a >= SERIES_BELOW) return Math.sin(a) - a * Math.cos(a);
  const a2 = a * a;
  // term_n = (−1)^{n+1} a^{2n+1} / (2n+1)!, summed with weight 2n
  let term = a; // a^{1}/1!
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    term *= -a2 / (2 * n * (2 * n + 1));
    sum -= 2 * n * term;
  }
  return sum;
}

/** One arc-cosine layer evaluated at the carried cosine (δ, σ). */
export interface ArcCosLayer {
  /** κ0(ρ) = (π − arccos ρ)/π */
  kappa0: number;
  /** κ1(ρ) = (sqrt(1 − ρ²) + (π − arccos ρ)ρ)/π */
  kappa1: number;
  /** 1 − κ1(ρ), accurate when κ1 is close to 1 (the next layer's δ is built from it) */
  oneMinusKappa1: number;
}

/**
 * κ0 and κ1 at ρ = 1 − δ = σ − 1, without forming ρ.
 * With a = arccos ρ = 2·atan2(√δ, √σ) and its complement a' = π − a:
 *   κ0 = a'/π,   κ1 = g(a')/π,   1 − κ1 = δ − g(a)/π   (since 2 sin²(a/2) = δ).
 * sin a = √(δσ) and cos a = (σ − δ)/2 come from the carried pair itself, so one atan2 (taken of the
 * smaller half-angle, the accurate one) is the only transcendental call; g is summed as a series below
 * an angle of 1, so every quantity is formed without cancellation at either end of [0, π].
 */
export function arcCosLayer(delta: number, sigma: number): ArcCosLayer {
  const rd = Math.sqrt(Math.max(delta, 0));
  const rs = Math.sqrt(Math.max(sigma, 0));
  const sinA = rd * rs;
  const cosA = (sigma - delta) / 2;
  let a: number;
  let aComp: number;
  if (sigma >= delta) {
    a = 2 * Math.atan2(rd, rs); // a ≤ π/2: a' = π − a ≥ π/2 loses nothing
    aComp = Math.PI - a;
  } else {
    aComp = 2 * Math.atan2(rs, rd);
    a = Math.PI - aComp;
  }
  // g(x) = sin x − x cos x, with sin a' = sin a and cos a' = −cos a
  const gA = a < SERIES_BELOW ? sinMinusACos(a) : sinA - a * cosA;
  const gComp = aComp < SERIES_BELOW ? sinMinusACos(aComp) : sinA + aComp * cosA;
  return {
    kappa0: aComp / Math.PI,
    kappa1: gComp / Math.PI,
    oneMinusKappa1: Math.max(delta - gA / Math.PI, 0),
  };
}
