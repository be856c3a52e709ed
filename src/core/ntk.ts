/**
 * The ReLU neural tangent kernel, fully connected, L hidden layers, bias scale β (math.md §2.2).
 *
 * One recursion serves the sphere and R^d. It carries the cosine ρ_h of every layer as (δ, σ) = (1 − ρ, 1 + ρ)
 * and the two norms Σ^(h)(x,x), Σ^(h)(z,z) separately, so that no arccos is ever taken of a rounded ρ
 * (math.md §2.2 "Numerical accuracy"): ~1e−15·κ(1) relative accuracy for L ≤ 100, β ≤ 10.
 */
import { arcCosLayer } from './arccos';

/** `zero`: convention A (zero-initialized bias, the default); `random`: convention B (b ~ N(0, β²)). */
export type BiasConvention = 'zero' | 'random';

export interface NtkParams {
  /** hidden layers, L ≥ 1 (L = 1 is the "two-layer network") */
  L: number;
  /** bias scale β ≥ 0 */
  beta: number;
  bias: BiasConvention;
}

/**
 * Θ^(L) given the first layer's carried cosine (δ, σ), the input norms Σ^(0)(x,x), Σ^(0)(z,z) and Θ^(0).
 * Where a norm vanishes ρ_h is taken as 0, i.e. Σ̇ = κ0(0) = ½ and the ReLU part of Σ is 0 (math.md §2.2).
 */
function recursion(
  delta0: number,
  sigma0: number,
  normX0: number,
  normZ0: number,
  theta0: number,
  { L, beta, bias }: NtkParams,
): number {
  const b2 = beta * beta;
  const random = bias === 'random';
  let delta = delta0;
  let sigma = sigma0;
  let nx = normX0;
  let nz = normZ0;
  let theta = theta0;
  for (let h = 1; h <= L; h++) {
    const s = Math.sqrt(nx * nz);
    let dot: number; // Σ̇^(h)
    let reluPart: number; // sqrt(Σ^(h−1)(x,x)Σ^(h−1)(z,z))·κ1(ρ_h)
    let reluDefect: number; // sqrt(...)·(1 − κ1(ρ_h)), the accurate complement of reluPart
    if (s > 0) {
      const layer = arcCosLayer(delta, sigma);
      dot = layer.kappa0;
      reluPart = s * layer.kappa1;
      reluDefect = s * layer.oneMinusKappa1;
    } else {
      dot = 0.5;
      reluPart = 0;
      reluDefect = 0;
    }
    // Σ^(h)(x,z) = reluPart [+ β² in B];  Θ^(h) = Θ^(h−1)Σ̇^(h) + Σ^(h) [+ β² in A]
    theta = theta * dot + reluPart + b2;
    if (h === L) break;
    // Norms of the next layer: κ1(1) = 1, so Σ^(h)(x,x) = Σ^(h−1)(x,x) [+ β² in B].
    const nxNext = random ? nx + b2 : nx;
    const nzNext = random ? nz + b2 : nz;
    const t = Math.sqrt(nxNext * nzNext);
    if (t > 0) {
      // 1 − ρ_{h+1} = (T − S − b + S(1 − κ1))/T with b = β² in B (0 in A) and, by Cauchy–Schwarz,
      // T − S − b = b(√nx − √nz)²/(T + S + b) ≥ 0: formed without cancellation.
      const b = random ? b2 : 0;
      const rootGap = Math.sqrt(nx) - Math.sqrt(nz);
      const gap = b > 0 ? (b * rootGap * rootGap) / (t + s + b) : 0;
      delta = (gap + reluDefect) / t;
      sigma = 2 - delta; // ρ_{h+1} ≥ 0: no cancellation here
    }
    nx = nxNext;
    nz = nzNext;
  }
  return theta;
}

/** Cosine u = 1 − δ = σ − 1, formed from whichever of the two is small (the exact one). */
export function cosineFromCarried(delta: number, sigma: number): number {
  return sigma < delta ? sigma - 1 : 1 - delta;
}

/**
 * NTK on the unit sphere at the carried cosine (δ, σ) = (1 − u, 1 + u) = (2 sin²(θ/2), 2 cos²(θ/2)).
 * First layer, convention A: ρ_1 = u; convention B: ρ_1 = (u + β²)/(1 + β²) (math.md §2.2).
 */
export function ntkOnSphere(delta: number, sigma: number, p: NtkParams): number {
  const b2 = p.beta * p.beta;
  const theta0 = cosineFromCarried(delta, sigma) + b2;
  if (p.bias === 'random') {
    const n0 = 1 + b2;
    return recursion(delta / n0, (sigma + 2 * b2) / n0, n0, n0, theta0, p);
  }
  return recursion(delta, sigma, 1, 1, theta0, p);
}

/** κ(1) of the NTK on the sphere: A (L+1)(1+β²), B (L+1) + β²(L+1)(L+2)/2 (math.md §2.2). */
export function ntkAtOne({ L, beta, bias }: NtkParams): number {
  const b2 = beta * beta;
  return bias === 'random' ? L + 1 + (b2 * (L + 1) * (L + 2)) / 2 : (L + 1) * (1 + b2);
}

/**
 * Half the squared distance and half the squared sum of the unit vectors of (x, extra) and (z, extra):
 * (δ, σ) = (‖x̂ − ẑ‖²/2, ‖x̂ + ẑ‖²/2), i.e. the carried cosine of the angle between them.
 * `extra` appends one common coordinate to both (convention B's bias: Σ^(0) = xᵀz + β² = XᵀZ).
 * Returns null when either vector is 0.
 */
export function carriedCosine(
  x: ArrayLike<number>,
  z: ArrayLike<number>,
  extra = 0,
): { delta: number; sigma: number; normX2: number; normZ2: number; dotXZ: number } | null {
  let xx = extra * extra;
  let zz = extra * extra;
  let xz = extra * extra;
  for (let i = 0; i < x.length; i++) {
    xx += x[i] * x[i];
    zz += z[i] * z[i];
    xz += x[i] * z[i];
  }
  if (xx === 0 || zz === 0) return null;
  const ix = 1 / Math.sqrt(xx);
  const iz = 1 / Math.sqrt(zz);
  let dd = 0;
  let ss = 0;
  for (let i = 0; i <= x.length; i++) {
    const xi = (i < x.length ? x[i] : extra) * ix;
    const zi = (i < x.length ? z[i] : extra) * iz;
    dd += (xi - zi) * (xi - zi);
    ss += (xi + zi) * (xi + zi);
  }
  return { delta: dd / 2, sigma: ss / 2, normX2: xx, normZ2: zz, dotXZ: xz };
}

/** NTK on R^d, native definition (math.md §2.2), for vectors x and z of the same length. */
export function ntkOnRd(x: ArrayLike<number>, z: ArrayLike<number>, p: NtkParams): number {
  const b2 = p.beta * p.beta;
  const random = p.bias === 'random';
  const c = carriedCosine(x, z, random ? p.beta : 0);
  if (c === null) {
    // A zero vector (convention A or β = 0): Σ^(0) = β² in B, 0 in A, and ρ = 0 at every layer.
    const normX = dot(x, x) + (random ? b2 : 0);
    const normZ = dot(z, z) + (random ? b2 : 0);
    return recursion(1, 1, normX, normZ, b2, p);
  }
  // c.dotXZ already includes β² in B; in A add it for Θ^(0) = xᵀz + β².
  const theta0 = random ? c.dotXZ : c.dotXZ + b2;
  return recursion(c.delta, c.sigma, c.normX2, c.normZ2, theta0, p);
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
