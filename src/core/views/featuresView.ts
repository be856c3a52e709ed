/**
 * The "Random features" view (docs/finite.md §3, §5.2): for every NTK instance of the kernel list, the
 * relative Gram error ‖K̂ − K‖_F/‖K‖_F of its random-feature estimate K̂ on n random points of S^{d−1}
 * against the number D of random directions per layer (16, 32, … up to `rf`), with the least-squares
 * slope in log–log (−½ expected: K̂ is an average of D independent terms) and the time each estimate
 * took, beside the time of the exact Gram matrices (the recursion of src/core/kernels/ntk.ts).
 *
 * Random draws: the points are pointCloud(n, d, 1, seed), i.e. the off-sphere view's points projected
 * onto the sphere (their first points do not depend on n); the directions of the instance at list position
 * j (0-based) come from seededRandom(seed + 65537·(j + 1) + D) for the sketched map at dimension D, and
 * from seededRandom(seed + 65537·(j + 1)) for the L = 1 map, whose estimates at D = 16, 32, … are its first
 * D directions (nested). The error is scale-free, so `norm` does not matter.
 */
import type { BiasConvention, NtkParams } from '../kernels/ntk';
import { kernelLabel, type KernelInstance } from '../kernels/registry';
import { arcCosineNtkGrams, featureGram, featureWork, sketchedNtkFeatures } from '../finite/features';
import { logLogFit } from '../numerics/logLogSlope';
import { seededRandom } from '../numerics/random';
import { gramMatrices, pointCloud } from '../offsphere/gram';

/**
 * At most this many points: the estimates cost n²·D (Gram matrices) and, for L ≥ 2, n·D² per layer, and
 * the default link (n = 500, L = 2, D up to 1024) must draw within 800 ms (README "Speed"). A relative
 * Frobenius error over 128 points already estimates its limit over the sphere to a few percent.
 */
export const FEATURES_MAX_POINTS = 128;

/**
 * Work (multiply-adds, features.ts `featureWork`) the whole view may take, shared equally by its NTK
 * instances: about 5 s on the reference machine. Larger dimensions of deep NTKs (n·D² per layer) are left
 * out, and the view says so.
 */
export const FEATURES_WORK_CAP = 4e9;

/** Smallest feature dimension of the ladder. */
const FIRST_DIM = 16;

export interface FeaturesRequest {
  kernels: readonly KernelInstance[];
  /** points asked for (the link's n); at most FEATURES_MAX_POINTS are used */
  n: number;
  d: number;
  /** largest feature dimension */
  rf: number;
  seed: number;
}

export type FeatureMethod = 'arc-cosine' | 'sketched';

export interface FeaturesSeries {
  /** position of the instance in the kernel list (0-based) */
  index: number;
  kernel: KernelInstance;
  /** `arc-cosine`: the exact-in-expectation L = 1 map; `sketched`: TensorSRHT-compressed (L ≥ 2) */
  method: FeatureMethod;
  /** feature dimensions D computed (random directions per layer) */
  dims: number[];
  /** ‖K̂ − K‖_F/‖K‖_F at each D */
  error: number[];
  /** wall time of each estimate, ms (L = 1: the first D directions of the nested draw, so cumulative) */
  ms: number[];
  /** least-squares slope of log error against log D; null with fewer than two dimensions */
  slope: number | null;
  /** log10 of the fitted line at D = 1 (null with the slope) */
  intercept: number | null;
  /** the first dimension of the ladder left out by the work cap (null: none) */
  stoppedAt: number | null;
}

export interface FeaturesResult {
  /** points used, and asked for */
  n: number;
  requestedN: number;
  d: number;
  /** the ladder 16, 32, … up to rf (rf itself last when it is not a power of two) */
  dims: number[];
  series: FeaturesSeries[];
  /** positions of the instances that are not NTKs (no random features here) */
  skipped: number[];
  /** wall time of the exact Gram matrices of all NTK instances (one pass over the pairs), ms */
  exactMs: number;
}

/** D = 16, 32, … ≤ rf, and rf itself when it lies between two powers of two (rf < 16: just rf). */
export function featureDims(rf: number): number[] {
  const top = Math.max(1, Math.floor(rf));
  const dims: number[] = [];
  for (let D = FIRST_DIM; D <= top; D *= 2) dims.push(D);
  if (dims[dims.length - 1] !== top) dims.push(top);
  return dims;
}

export function ntkParamsOf(k: KernelInstance): NtkParams {
  return { L: Number(k.params.L), beta: Number(k.params.beta), bias: k.params.bias as BiasConvention };
}

/** The dimensions of the ladder within an instance's share `cap` of the work (always at least the first). */
export function affordableDims(L: number, n: number, d: number, dims: readonly number[], cap: number): number[] {
  const kept: number[] = [];
  let total = 0;
  for (const D of dims) {
    // L = 1 is nested: the largest D's work covers the smaller ones
    const work = L === 1 ? featureWork(1, n, d, D) : total + featureWork(L, n, d, D);
    if (kept.length > 0 && work > cap) break;
    kept.push(D);
    total = work;
  }
  return kept;
}

/** ‖A − B‖_F / ‖B‖_F over full n×n matrices (B ≠ 0 for an NTK: its diagonal is positive). */
function relativeFrobenius(estimate: Float64Array, exact: Float64Array): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < exact.length; i++) {
    const e = estimate[i] - exact[i];
    num += e * e;
    den += exact[i] * exact[i];
  }
  return Math.sqrt(num / den);
}

/**
 * The view as a job: yields the fraction of the work done (0…1) between pieces (a caller may stop there:
 * the worker does when a newer request arrives) and returns the result.
 */
export function* featuresJob(req: FeaturesRequest): Generator<number, FeaturesResult> {
  const n = Math.max(2, Math.min(Math.floor(req.n), FEATURES_MAX_POINTS));
  const d = Math.max(2, Math.floor(req.d));
  const dims = featureDims(req.rf);
  const X = pointCloud(n, d, 1, req.seed);
  const ntks = req.kernels.flatMap((kernel, index) => (kernel.family === 'ntk' ? [{ kernel, index }] : []));
  const skipped = req.kernels.flatMap((k, index) => (k.family === 'ntk' ? [] : [index]));
  const plans = ntks.map(({ kernel, index }) => {
    const p = ntkParamsOf(kernel);
    const kept = affordableDims(p.L, n, d, dims, FEATURES_WORK_CAP / ntks.length);
    const work =
      p.L === 1 ? featureWork(1, n, d, kept[kept.length - 1]) : kept.reduce((s, D) => s + featureWork(p.L, n, d, D), 0);
    return { kernel, index, p, kept, work };
  });
  // the exact Gram matrices' share of the progress: ~30 multiply-adds per pair and layer
  const exactWork = plans.reduce((s, { p }) => s + ((n * n) / 2) * p.L * 30, 0);
  const totalWork = Math.max(1, exactWork + plans.reduce((s, plan) => s + plan.work, 0));
  let done = 0;

  const start = performance.now();
  const exact = gramMatrices(
    plans.map((plan) => plan.kernel),
    X,
    n,
    d,
    false,
  );
  const exactMs = performance.now() - start;
  done += exactWork;
  yield done / totalWork;

  const series: FeaturesSeries[] = [];
  for (const [s, { kernel, index, p, kept }] of plans.entries()) {
    const error: number[] = [];
    const ms: number[] = [];
    const base = req.seed + 65537 * (index + 1);
    if (p.L === 1) {
      const began = performance.now();
      const job = arcCosineNtkGrams(X, n, d, p, kept, seededRandom(base), (_D, gram) => {
        error.push(relativeFrobenius(gram, exact[s]));
        ms.push(performance.now() - began);
      });
      for (const work of job) {
        done += work;
        yield Math.min(1, done / totalWork);
      }
    } else {
      for (const D of kept) {
        const began = performance.now();
        const { features, dim } = yield* progress(sketchedNtkFeatures(X, n, d, p, D, seededRandom(base + D)));
        const gram = yield* progress(featureGram(features, n, dim));
        error.push(relativeFrobenius(gram, exact[s]));
        ms.push(performance.now() - began);
      }
    }
    const fit = logLogFit(kept, error);
    series.push({
      index,
      kernel,
      method: p.L === 1 ? 'arc-cosine' : 'sketched',
      dims: kept,
      error,
      ms,
      slope: fit?.slope ?? null,
      intercept: fit?.intercept ?? null,
      stoppedAt: kept.length < dims.length ? dims[kept.length] : null,
    });
  }
  return { n, requestedN: Math.floor(req.n), d, dims, series, skipped, exactMs };

  /** Forwards a computation's work as the job's progress fraction, returning its result. */
  function* progress<T>(job: Generator<number, T>): Generator<number, T> {
    for (;;) {
      const step = job.next();
      if (step.done) return step.value;
      done += step.value;
      yield Math.min(1, done / totalWork);
    }
  }
}

/** The D^{−1/2} reference through the centre (in log–log) of the first series' points. */
export function referenceLine(series: FeaturesSeries, dims: readonly number[]): number[] {
  const logs = series.dims.map((D, q) => Math.log10(series.error[q]) + 0.5 * Math.log10(D));
  const level = logs.reduce((s, v) => s + v, 0) / Math.max(1, logs.length);
  return dims.map((D) => 10 ** level / Math.sqrt(D));
}

/** What the view left out or changed, and why (shown above the chart). */
export function featureNotes(data: FeaturesResult, kernels: readonly KernelInstance[]): string[] {
  const notes: string[] = [];
  if (data.n < data.requestedN) {
    notes.push(
      `n = ${data.requestedN} points asked for; the first ${data.n} are used (at most ${FEATURES_MAX_POINTS} here: the estimates cost n²·D, and n·D² per deeper layer).`,
    );
  }
  if (data.skipped.length > 0) {
    notes.push(
      `${data.skipped.map((i) => kernelLabel(kernels[i], i)).join(', ')}: not an NTK, so no random features here.`,
    );
  }
  for (const s of data.series) {
    if (s.stoppedAt !== null) {
      notes.push(
        `${kernelLabel(s.kernel, s.index)}: D stops at ${s.dims[s.dims.length - 1]} (of ${data.dims[data.dims.length - 1]}): D = ${s.stoppedAt} would exceed this view's work limit (n·D² per layer).`,
      );
    }
  }
  return notes;
}

/** The whole view at once (figures, CLI, tests). */
export function featuresView(req: FeaturesRequest): FeaturesResult {
  const job = featuresJob(req);
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
  }
}
