/**
 * Spectral bias: kernel gradient flow in closed form (docs/function-space.md, "Spectral bias").
 *
 * Flow df/dt = −η L_K (f − g) with η = 1 (time in units of 1/η), f(0) = 0, and the target
 * g(x) = Σ_{k ∈ harm} P_k(x·e), zonal harmonics of dimension d (P_k(1) = 1, math.md §3). L_K acts on the
 * degree-k harmonics as multiplication by the Mercer eigenvalue λ_k (math.md §3), so each degree evolves on
 * its own: with a_k(t) the coefficient of P_k in f_t, da_k/dt = −λ_k (a_k − 1), a_k(0) = 0, hence
 *   a_k(t) = 1 − e^{−λ_k t},   residual of degree k: e^{−λ_k t},
 *   f_t(θ) = Σ_k (1 − e^{−λ_k t}) P_k(cos θ).
 * "Degree k is learned" when its residual is below 10 %: t_k = ln 10 / λ_k; never (null) when λ_k is at
 * or below the spectrum's floor (such an eigenvalue is used as 0).
 *
 * Pure TypeScript, no DOM: used by the compute worker, the CLI and the tests. Every number returned is
 * finite; "never" is null.
 */
import { carriedFromAngle, type KernelInstance } from '../kernels/registry';
import { LegendreSweep } from '../spectrum/gegenbauer';
import { angleGrid } from '../views/profile';
import { spectrum, type SpectrumRequest, type SpectrumResult } from '../spectrum/spectrum';

/** Residual below which a degree counts as learned (10 %). */
export const LEARNED_RESIDUAL = 0.1;
/** The shared time grid never leaves [TIME_MIN, TIME_MAX] (units of 1/η); TIME_MAX is the link's largest `t`. */
export const TIME_MIN = 1e-3;
export const TIME_MAX = 1e15;
/** Default sizes: points of the log-spaced time grid, and profile samples on θ ∈ [0, π] (0.5° steps). */
const TIME_SAMPLES = 241;
export const PROFILE_SAMPLES = 361;

export interface LearningCurvesRequest {
  /** λ_k, k = 0..kmax, one array per kernel (spectrum's `series[j].lambda`) */
  lambdas: readonly Float64Array[];
  /** one accuracy floor per kernel (spectrum's `series[j].floor`) */
  floors: readonly number[];
  /** degrees of the target (integers in 0..kmax; sorted and deduplicated here) */
  degrees: readonly number[];
  /** time of the flow, ≥ 0 (units of 1/η) */
  t: number;
  /** ambient dimension of the sphere S^{d−1} (P_k of dimension d), integer ≥ 2 */
  d: number;
  /** points of the time grid (default TIME_SAMPLES, at least 2) */
  samples?: number;
  /** points of the profile on θ ∈ [0, π] (default PROFILE_SAMPLES, at least 2) */
  profileSamples?: number;
}

/** One kernel, one degree. */
export interface DegreeCurve {
  k: number;
  /** λ_k as computed (finite; may be tiny or negative through rounding) */
  lambda: number;
  /** the rate used: λ_k, or 0 where λ_k ≤ floor */
  rate: number;
  /** t_k = ln 10 / λ_k, or null (never learned) */
  timeToLearn: number | null;
  /** e^{−rate·s} at every time s of the shared grid */
  residual: Float64Array;
  /** e^{−rate·t} at the requested t */
  residualAtT: number;
}

export interface KernelCurves {
  floor: number;
  /** one entry per degree, ascending k */
  degrees: DegreeCurve[];
  /** the degrees in the order they are learned (ascending t_k, never last; ties by k) */
  order: number[];
  /** f_t(θ) at the profile angles */
  profile: Float64Array;
}

export interface LearningCurves {
  /** the target's degrees, ascending, no repeats */
  degrees: number[];
  t: number;
  /** shared log-spaced time grid (ascending, within [TIME_MIN, TIME_MAX]) */
  time: Float64Array;
  kernels: KernelCurves[];
  /** profile angles θ ∈ [0, π], both ends included */
  theta: Float64Array;
  /** the target g(θ) = Σ_k P_k(cos θ) */
  target: Float64Array;
}

function validate({ lambdas, floors, degrees, t, d }: LearningCurvesRequest): number[] {
  if (floors.length !== lambdas.length) throw new RangeError('one floor per kernel is required');
  if (!Number.isInteger(d) || d < 2) throw new RangeError(`d must be an integer ≥ 2, got ${d}`);
  if (!(t >= 0)) throw new RangeError(`t must be ≥ 0, got ${t}`);
  const kmax = Math.min(...lambdas.map((l) => l.length - 1));
  const sorted = [...new Set(degrees)].sort((a, b) => a - b);
  for (const k of sorted) {
    if (!Number.isInteger(k) || k < 0 || (lambdas.length > 0 && k > kmax)) {
      throw new RangeError(`degree ${k} is not an integer in 0..${kmax}`);
    }
  }
  return sorted;
}

/** The eigenvalue as the flow uses it: λ where λ > floor (and finite), else 0 (docs/function-space.md). */
function usedRate(lambda: number, floor: number): number {
  return Number.isFinite(lambda) && lambda > floor && lambda > 0 ? lambda : 0;
}

/** t_k = ln 10 / λ (residual e^{−λ t} reaches 10 %), null when the rate is 0 or t_k overflows. */
export function timeToLearn(rate: number): number | null {
  if (!(rate > 0)) return null;
  const tk = Math.log(1 / LEARNED_RESIDUAL) / rate;
  return Number.isFinite(tk) ? tk : null;
}

/** e^{−rate·t}, 1 for a zero rate even at t = ∞. */
function residualAt(rate: number, t: number): number {
  return rate === 0 ? 1 : Math.exp(-rate * t);
}

/**
 * The shared time grid: log-spaced from 0.01 / (largest rate) to 100 × (largest finite t_k), both clamped
 * to [TIME_MIN, TIME_MAX]; without any learnable degree the whole range. At least one decade wide.
 */
function timeGrid(rates: readonly number[], samples: number): Float64Array {
  const positive = rates.filter((r) => r > 0);
  const clamp = (s: number) => Math.min(TIME_MAX, Math.max(TIME_MIN, s));
  let lo = positive.length > 0 ? clamp(0.01 / Math.max(...positive)) : TIME_MIN;
  const times = positive.map(timeToLearn).filter((tk): tk is number => tk !== null);
  let hi = times.length > 0 ? clamp(100 * Math.max(...times)) : TIME_MAX;
  if (hi < 10 * lo) {
    hi = Math.min(TIME_MAX, 10 * lo);
    lo = hi / 10;
  }
  const m = Math.max(2, Math.floor(samples));
  const ratio = Math.log(hi / lo);
  const grid = Float64Array.from({ length: m }, (_, i) => lo * Math.exp((ratio * i) / (m - 1)));
  grid[0] = lo;
  grid[m - 1] = hi;
  return grid;
}

/**
 * P_k(cos θ) of dimension d at the profile angles for the given ascending degrees (math.md §3 recurrence,
 * run by LegendreSweep from the carried cosine of each angle; d = 2 gives cos kθ).
 */
function zonalValues(d: number, degrees: readonly number[], theta: Float64Array): Float64Array[] {
  const carried = Array.from(theta, carriedFromAngle);
  const delta = Float64Array.from(carried, (c) => c.delta);
  const sigma = Float64Array.from(carried, (c) => c.sigma);
  // the cosine from whichever carried half is exact: 1 − δ near θ = 0, σ − 1 near θ = π
  const cosine = Float64Array.from(carried, (c) => (c.delta <= c.sigma ? 1 - c.delta : c.sigma - 1));
  const sweep = new LegendreSweep(d, { cosine, delta, sigma });
  return degrees.map((k) => {
    while (sweep.k < k) sweep.advance();
    return sweep.values();
  });
}

/** Order of learning: ascending t_k, never (null) last, ties by degree. */
function learningOrder(curves: readonly DegreeCurve[]): number[] {
  const key = (c: DegreeCurve) => c.timeToLearn ?? Infinity;
  return [...curves].sort((a, b) => key(a) - key(b) || a.k - b.k).map((c) => c.k);
}

/** Residual curves, times to learn, learning order and the profile f_t for every kernel (closed form). */
export function learningCurves(req: LearningCurvesRequest): LearningCurves {
  const degrees = validate(req);
  const { lambdas, floors, t, d } = req;
  const rates = lambdas.map((lambda, j) => degrees.map((k) => usedRate(lambda[k], floors[j])));
  const time = timeGrid(rates.flat(), req.samples ?? TIME_SAMPLES);
  const theta = angleGrid(req.profileSamples ?? PROFILE_SAMPLES, Math.PI);
  const zonal = zonalValues(d, degrees, theta);
  const target = new Float64Array(theta.length);
  for (const p of zonal) for (let i = 0; i < theta.length; i++) target[i] += p[i];

  const kernels = lambdas.map((lambda, j): KernelCurves => {
    const curves = degrees.map((k, q): DegreeCurve => {
      const rate = rates[j][q];
      return {
        k,
        lambda: Number.isFinite(lambda[k]) ? lambda[k] : 0,
        rate,
        timeToLearn: timeToLearn(rate),
        residual: Float64Array.from(time, (s) => residualAt(rate, s)),
        residualAtT: residualAt(rate, t),
      };
    });
    const profile = new Float64Array(theta.length);
    curves.forEach((c, q) => {
      if (c.rate === 0) return;
      const learned = -Math.expm1(-c.rate * t); // 1 − e^{−λt}, accurate for small λt
      const p = zonal[q];
      for (let i = 0; i < theta.length; i++) profile[i] += learned * p[i];
    });
    return { floor: floors[j], degrees: curves, order: learningOrder(curves), profile };
  });
  return { degrees, t, time, kernels, theta, target };
}

export interface LearningViewRequest {
  kernels: readonly KernelInstance[];
  /** ambient dimension: integer 2..1000 (spectrum's range) */
  d: number;
  /** divide by κ(1) (links.md `norm=unit`) */
  unit: boolean;
  /** degrees of the target, integers 0..5000 */
  degrees: readonly number[];
  t: number;
  samples?: number;
  profileSamples?: number;
}

/**
 * The learning panel: the spectrum up to the largest degree (at least 1), then learningCurves. `spectrumOf`
 * lets the worker reuse the last spectrum while only `t` changes (Play).
 */
export function learningView(
  req: LearningViewRequest,
  spectrumOf: (r: SpectrumRequest) => SpectrumResult = spectrum,
): LearningCurves {
  const kmax = Math.max(1, ...req.degrees.filter(Number.isInteger));
  const { series } = spectrumOf({ kernels: req.kernels, d: req.d, kmax, unit: req.unit });
  return learningCurves({
    lambdas: series.map((s) => s.lambda),
    floors: series.map((s) => s.floor),
    degrees: req.degrees,
    t: req.t,
    d: req.d,
    samples: req.samples,
    profileSamples: req.profileSamples,
  });
}
