/**
 * The ReLU neural tangent kernel, fully connected, L hidden layers, bias scale β (math.md §2.2).
 *
 * One recursion serves the sphere and R^d. It carries the cosine ρ_h of every layer as (δ, σ) = (1 − ρ, 1 + ρ)
 * and the two norms Σ^(h)(x,x), Σ^(h)(z,z) separately, so that no arccos is ever taken of a rounded ρ
 * (math.md §2.2 "Numerical accuracy"): ~3e−15·κ(1) relative accuracy for L ≤ 100, β ≤ 10.
 */
import { arcCosLayer } from './arccos';
import type { RowKernel } from './rows';

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
 * Θ^(L) given the first layer's carried cosine (δ, σ), the input norms ‖·‖ = sqrt(Σ^(0)(x,x)),
 * sqrt(Σ^(0)(z,z)) and Θ^(0). Norms are carried as square roots so that tiny inputs do not underflow.
 * Where a norm vanishes ρ_h is taken as 0, i.e. Σ̇ = κ0(0) = ½ and the ReLU part of Σ is 0 (math.md §2.2).
 */
function recursion(
  delta0: number,
  sigma0: number,
  rootX0: number,
  rootZ0: number,
  theta0: number,
  { L, beta, bias }: NtkParams,
): number {
  const b2 = beta * beta;
  const random = bias === 'random';
  let delta = delta0;
  let sigma = sigma0;
  let rx = rootX0;
  let rz = rootZ0;
  let theta = theta0;
  for (let h = 1; h <= L; h++) {
    const s = rx * rz;
    let dot: number; // Σ̇^(h)
    let reluPart: number; // sqrt(Σ^(h−1)(x,x)Σ^(h−1)(z,z))·κ1(ρ_h)
    let defect: number; // 1 − κ1(ρ_h), formed accurately
    if (rx > 0 && rz > 0) {
      const layer = arcCosLayer(delta, sigma);
      dot = layer.kappa0;
      reluPart = s * layer.kappa1;
      defect = layer.oneMinusKappa1;
    } else {
      dot = 0.5;
      reluPart = 0;
      defect = 0;
    }
    // Σ^(h)(x,z) = reluPart [+ β² in B];  Θ^(h) = Θ^(h−1)Σ̇^(h) + Σ^(h) [+ β² in A]
    theta = theta * dot + reluPart + b2;
    if (h === L) break;
    // Norms of the next layer: κ1(1) = 1, so Σ^(h)(x,x) = Σ^(h−1)(x,x) [+ β² in B].
    const rxNext = random ? Math.hypot(rx, beta) : rx;
    const rzNext = random ? Math.hypot(rz, beta) : rz;
    if (rxNext > 0 && rzNext > 0) {
      // 1 − ρ_{h+1} = (T − S − b + S(1 − κ1))/T with S = ‖x‖‖z‖, T its next-layer value, b = β² in B
      // (0 in A) and, by Cauchy–Schwarz, T − S − b = b(‖x‖ − ‖z‖)²/(T + S + b) ≥ 0: no cancellation.
      // Ratios are formed one norm at a time so that tiny norms cannot underflow to 0/0, and as
      // products of two factors so that swapping x and z gives the same bits (exactly symmetric Gram).
      const b = random ? b2 : 0;
      const spread = Math.abs(rx - rz);
      const gap = b > 0 ? (b / (rxNext * rzNext + s + b)) * ((spread / rxNext) * (spread / rzNext)) : 0;
      delta = gap + (rx / rxNext) * (rz / rzNext) * defect;
      sigma = 2 - delta; // ρ_{h+1} ≥ 0: no cancellation here
    }
    rx = rxNext;
    rz = rzNext;
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
    return recursion(delta / n0, (sigma + 2 * b2) / n0, Math.sqrt(n0), Math.sqrt(n0), theta0, p);
  }
  return recursion(delta, sigma, 1, 1, theta0, p);
}

/** κ(1) of the NTK on the sphere: A (L+1)(1+β²), B (L+1) + β²(L+1)(L+2)/2 (math.md §2.2). */
export function ntkAtOne({ L, beta, bias }: NtkParams): number {
  const b2 = beta * beta;
  return bias === 'random' ? L + 1 + (b2 * (L + 1) * (L + 2)) / 2 : (L + 1) * (1 + b2);
}

/**
 * The carried cosine (δ, σ) = (‖x̂ − ẑ‖²/2, ‖x̂ + ẑ‖²/2) of the angle between (x, extra) and (z, extra),
 * with their norms and inner product. `extra` appends one common coordinate to both (convention B's
 * bias: Σ^(0) = xᵀz + β² = XᵀZ). Vectors are scaled by their largest entry first, so that neither tiny
 * nor huge entries under- or overflow. Returns null when either vector is 0.
 */
export function carriedCosine(
  x: ArrayLike<number>,
  z: ArrayLike<number>,
  extra = 0,
): { delta: number; sigma: number; normX: number; normZ: number; dotXZ: number } | null {
  const n = x.length;
  const entry = (v: ArrayLike<number>, i: number) => (i < n ? v[i] : extra);
  let mx = 0;
  let mz = 0;
  for (let i = 0; i <= n; i++) {
    mx = Math.max(mx, Math.abs(entry(x, i)));
    mz = Math.max(mz, Math.abs(entry(z, i)));
  }
  if (mx === 0 || mz === 0) return null;
  let xx = 0;
  let zz = 0;
  let xz = 0;
  for (let i = 0; i <= n; i++) {
    const xi = entry(x, i) / mx;
    const zi = entry(z, i) / mz;
    xx += xi * xi;
    zz += zi * zi;
    xz += xi * zi;
  }
  const ix = 1 / Math.sqrt(xx);
  const iz = 1 / Math.sqrt(zz);
  let dd = 0;
  let ss = 0;
  for (let i = 0; i <= n; i++) {
    const xi = (entry(x, i) / mx) * ix;
    const zi = (entry(z, i) / mz) * iz;
    dd += (xi - zi) * (xi - zi);
    ss += (xi + zi) * (xi + zi);
  }
  return { delta: dd / 2, sigma: ss / 2, normX: mx * Math.sqrt(xx), normZ: mz * Math.sqrt(zz), dotXZ: mx * mz * xz };
}

/** NTK on R^d, native definition (math.md §2.2), for vectors x and z of the same length. */
export function ntkOnRd(x: ArrayLike<number>, z: ArrayLike<number>, p: NtkParams): number {
  const b2 = p.beta * p.beta;
  const random = p.bias === 'random';
  const c = carriedCosine(x, z, random ? p.beta : 0);
  if (c === null) {
    // A zero vector (convention A or β = 0): Σ^(0) = β² in B, 0 in A, and ρ = 0 at every layer.
    const root = (v: ArrayLike<number>) => Math.hypot(...Array.from(v), random ? p.beta : 0);
    return recursion(1, 1, root(x), root(z), b2, p);
  }
  // c.dotXZ already includes β² in B; in A add it for Θ^(0) = xᵀz + β².
  const theta0 = random ? c.dotXZ : c.dotXZ + b2;
  return recursion(c.delta, c.sigma, c.normX, c.normZ, theta0, p);
}

/**
 * NTK in convention B with β > 0 (math.md §2.2): the recursion starts from X = (x, β), Z = (z, β). Their
 * carried cosine follows from that of x, z as a sum of non-negative terms: with α = ‖x‖/‖X‖, ζ = ‖z‖/‖Z‖,
 * b = β/‖X‖, b' = β/‖Z‖, 2δ_X = (α − ζ)² + 2αζδ + (b − b')² and 2σ_X = (α − ζ)² + 2αζσ + (b + b')². The
 * differences of rounded ratios err by ~ε·(ratio), which moves the angle √(2δ_X) ≥ |α − ζ| by only ~ε (no
 * ε/θ loss), and vanish exactly at x = z; norms are hypot(‖x‖, β), so a tiny β does not underflow (as in
 * ntkOnRd). Θ^(0) = XᵀZ = xᵀz + β².
 */
function ntkRandomBias(nx: number, nz: number, delta: number, sigma: number, dot: number, p: NtkParams): number {
  const NX = Math.hypot(nx, p.beta);
  const NZ = Math.hypot(nz, p.beta);
  const alpha = nx / NX;
  const zeta = nz / NZ;
  const bx = p.beta / NX;
  const bz = p.beta / NZ;
  const common = (alpha - zeta) * (alpha - zeta);
  const deltaX = (common + 2 * alpha * zeta * delta + (bx - bz) * (bx - bz)) / 2;
  const sigmaX = (common + 2 * alpha * zeta * sigma + (bx + bz) * (bx + bz)) / 2;
  return recursion(deltaX, sigmaX, NX, NZ, dot + p.beta * p.beta, p);
}

/**
 * NTK (math.md §2.2). Convention A, and B with β = 0: the recursion starts from ‖x‖, ‖z‖, the carried
 * cosine of x, z and Θ^(0) = xᵀz + β², as ntkOnRd does; B with β > 0: ntkRandomBias.
 */
export function ntkRow(p: NtkParams, divisor: number): RowKernel {
  const b2 = p.beta * p.beta;
  if (p.bias === 'zero' || p.beta === 0) {
    return ({ nx, nz, delta, sigma, dot }, from, to, out, at, weight) => {
      for (let j = from; j < to; j++) {
        out[at + j - from] = (recursion(delta[j], sigma[j], nx, nz[j], dot[j] + b2, p) / divisor) * weight;
      }
    };
  }
  return ({ nx, nz, delta, sigma, dot }, from, to, out, at, weight) => {
    for (let j = from; j < to; j++) {
      out[at + j - from] = (ntkRandomBias(nx, nz[j], delta[j], sigma[j], dot[j], p) / divisor) * weight;
    }
  };
}
