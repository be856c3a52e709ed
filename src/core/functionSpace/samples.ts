/**
 * Gaussian-process samples with the kernels' covariance, on the circle S¹ or the sphere S², by the Mercer
 * (Karhunen–Loève) expansion of docs/function-space.md ("GP samples"):
 *   f = Σ_{k ≤ K} √λ_k Σ_j ξ_kj Y_kj,   ξ_kj i.i.d. standard normal,
 * with the eigenvalues λ_k and orthonormal eigenfunctions Y_kj of math.md §3 (uniform probability
 * measure), so that E[f(x) f(y)] = Σ_{k ≤ K} N(d,k) λ_k P_k(x·y), the kernel truncated at degree K.
 * Common random numbers: the same ξ (one stream from seededRandom(seed), drawn degree by degree) serve
 * every kernel, and raising K only appends coefficients. Pure TypeScript, no DOM; every array in a result
 * is a typed array with its own buffer (transferable).
 */
import type { KernelInstance } from '../kernels/registry';
import { harmonicCount, latitudeGrid, sphereGridSize, synthesizeSphere } from './harmonics';
import { seededRandom } from '../numerics/random';
import { spectrum } from '../spectrum/spectrum';

/** Points on the circle (docs/function-space.md: M = 1024 ≥ 4K for the largest link degree, 256). */
const CIRCLE_POINTS = 1024;
/** Largest truncation degree accepted here (the link allows 1–256; the harmonics are tested to 512). */
const MAX_SAMPLE_DEGREE = 512;

/**
 * The first `count` coefficients ξ in draw order: successive seededRandom(seed).normal() deviates
 * (random.ts). A prefix of a longer draw with the same seed.
 */
export function sampleCoefficients(seed: number, count: number): Float64Array {
  const random = seededRandom(seed);
  const xi = new Float64Array(count);
  for (let i = 0; i < count; i++) xi[i] = random.normal();
  return xi;
}

/**
 * √λ_k for k = 0..K, with λ_k used as 0 at or below its series' floor, or negative through rounding
 * (docs/function-space.md, Conventions).
 */
export function amplitudes(lambda: Float64Array, floor: number, degree: number): Float64Array {
  if (lambda.length < degree + 1) throw new RangeError(`need λ_0..λ_${degree}, got ${lambda.length} values`);
  const s = new Float64Array(degree + 1);
  for (let k = 0; k <= degree; k++) s[k] = lambda[k] > floor && lambda[k] > 0 ? Math.sqrt(lambda[k]) : 0;
  return s;
}

/** Smallest and largest value over all arrays ([0, 0] when there are none). */
function valueRange(values: readonly Float64Array[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    for (let i = 0; i < v.length; i++) {
      if (v[i] < min) min = v[i];
      if (v[i] > max) max = v[i];
    }
  }
  return min <= max ? [min, max] : [0, 0];
}

function checkDegree(degree: number): void {
  if (!Number.isInteger(degree) || degree < 1 || degree > MAX_SAMPLE_DEGREE) {
    throw new RangeError(`degree must be an integer in 1..${MAX_SAMPLE_DEGREE}, got ${degree}`);
  }
}

export interface CircleSampleValues {
  /** θ_i = 2πi/M, i = 0..M−1 */
  theta: Float64Array;
  /** one array per kernel: f(θ_i) */
  values: Float64Array[];
  /** [min, max] over all kernels */
  range: [number, number];
}

/**
 * Samples on S¹ (d = 2), docs/function-space.md: Y_0 = 1, Y_k1 = √2 cos kθ, Y_k2 = √2 sin kθ, draw order
 * ξ_0, then (ξ_k1, ξ_k2) for k = 1..K, i.e. ξ_k1 = xi[2k − 1], ξ_k2 = xi[2k]:
 *   f(θ_i) = √λ_0 ξ_0 + √2 Σ_{k=1..K} √λ_k (ξ_k1 cos kθ_i + ξ_k2 sin kθ_i),   θ_i = 2πi/M.
 * `lambdas` holds λ_0..λ_K (at least) per kernel for d = 2, `floors` the matching floors.
 * M > 2K keeps every degree distinct on the grid.
 */
export function circleSamples(
  lambdas: readonly Float64Array[],
  floors: readonly number[],
  degree: number,
  seed: number,
  points: number = CIRCLE_POINTS,
): CircleSampleValues {
  checkDegree(degree);
  if (!Number.isInteger(points) || points <= 2 * degree) {
    throw new RangeError(`need an integer M > 2K = ${2 * degree} points, got ${points}`);
  }
  const xi = sampleCoefficients(seed, 2 * degree + 1);
  // cos and sin of 2πr/M; kθ_i = 2π((ki) mod M)/M exactly
  const cos = Float64Array.from({ length: points }, (_, r) => Math.cos((2 * Math.PI * r) / points));
  const sin = Float64Array.from({ length: points }, (_, r) => Math.sin((2 * Math.PI * r) / points));
  const theta = Float64Array.from({ length: points }, (_, i) => (2 * Math.PI * i) / points);
  const values = lambdas.map((lambda, v) => {
    const s = amplitudes(lambda, floors[v], degree);
    const a = new Float64Array(degree + 1); // cosine coefficient of degree k, √2 included
    const b = new Float64Array(degree + 1); // sine coefficient
    a[0] = s[0] * xi[0];
    for (let k = 1; k <= degree; k++) {
      a[k] = Math.SQRT2 * s[k] * xi[2 * k - 1];
      b[k] = Math.SQRT2 * s[k] * xi[2 * k];
    }
    const f = new Float64Array(points);
    for (let i = 0; i < points; i++) {
      let sum = a[0];
      for (let k = 1, r = i; k <= degree; k++) {
        sum += a[k] * cos[r] + b[k] * sin[r]; // r = (k·i) mod M
        r += i;
        if (r >= points) r -= points;
      }
      f[i] = sum;
    }
    return f;
  });
  return { theta, values, range: valueRange(values) };
}

export interface SphereSampleValues {
  nLat: number;
  nLon: number;
  /** cell-centre latitudes, south to north (harmonics.ts latitudeGrid); longitudes are φ_j = 2πj/nLon */
  latitude: Float64Array;
  /** one array per kernel, row-major (latitude i, longitude j), nLat·nLon values */
  values: Float64Array[];
  /** [min, max] over all kernels */
  range: [number, number];
}

/**
 * Samples on S² (d = 3), docs/function-space.md: f = Σ_{l ≤ K} √λ_l Σ_m ξ_lm Y_lm with the real spherical
 * harmonics of harmonics.ts, coefficients in draw order, on the sphereGridSize(K) grid. `lambdas` holds
 * λ_0..λ_K (at least) per kernel for d = 3, `floors` the matching floors.
 */
export function sphereSamples(
  lambdas: readonly Float64Array[],
  floors: readonly number[],
  degree: number,
  seed: number,
): SphereSampleValues {
  checkDegree(degree);
  const { nLat, nLon } = sphereGridSize(degree);
  const latitude = latitudeGrid(nLat);
  const xi = sampleCoefficients(seed, harmonicCount(degree));
  const coefficients = lambdas.map((lambda, v) => {
    const s = amplitudes(lambda, floors[v], degree);
    const c = new Float64Array(xi.length);
    // degree l occupies indices l²..(l+1)² − 1
    for (let l = 0; l <= degree; l++) for (let i = l * l; i < (l + 1) * (l + 1); i++) c[i] = s[l] * xi[i];
    return c;
  });
  const values = synthesizeSphere(coefficients, degree, latitude, nLon);
  return { nLat, nLon, latitude, values, range: valueRange(values) };
}

export interface GpSamplesRequest {
  kernels: readonly KernelInstance[];
  /** divide by κ(1) (links.md norm=unit) */
  unit: boolean;
  domain: 'circle' | 'sphere';
  /** truncation degree K (`deg`), integer 1..MAX_SAMPLE_DEGREE */
  degree: number;
  /** seed of the coefficients (`sample`) */
  seed: number;
}

export type GpSamplesResult =
  | ({ domain: 'circle'; degree: number } & CircleSampleValues)
  | ({ domain: 'sphere'; degree: number } & SphereSampleValues);

/**
 * One sample per kernel, all from the same coefficients: the eigenvalues from the spectrum core at d = 2
 * (circle) or 3 (sphere), after `unit`, then circleSamples or sphereSamples.
 */
export function gpSamples(req: GpSamplesRequest): GpSamplesResult {
  const { kernels, unit, domain, degree, seed } = req;
  checkDegree(degree);
  const d = domain === 'circle' ? 2 : 3;
  const { series } = spectrum({ kernels, d, kmax: degree, unit });
  const lambdas = series.map((s) => s.lambda);
  const floors = series.map((s) => s.floor);
  return domain === 'circle'
    ? { domain, degree, ...circleSamples(lambdas, floors, degree, seed) }
    : { domain, degree, ...sphereSamples(lambdas, floors, degree, seed) };
}
