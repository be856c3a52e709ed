/**
 * The "Finite width" view (docs/finite.md §5): the empirical NTK of random finite networks against the
 * analytic NTK of every NTK instance of the kernel list, over the angle on S^{d−1}, and its convergence
 * with the width. x is the north pole e_d, z(θ) = cos θ·e_d + sin θ·e_1 runs along a great circle.
 *
 * Network i of `seeds` is drawn from seed + i (the link's `seed`): the same networks for every kernel,
 * width and initialization (common random numbers). The work is split into parts (network i belongs to
 * part i mod parts) that run in parallel workers and are merged; each part is a job that yields its
 * progress after every network, so that a newer request can stop it (workers/compute.worker.ts).
 */
import { carriedFromAngle, familyOf, kernelLabel, sphereValue, type KernelInstance } from '../kernels/registry';
import { empiricalNtk, initNetwork, type Init, type NetworkSpec } from '../finite/network';
import { logLogFit } from '../numerics/logLogSlope';
import { angleGrid } from './profile';

/** Angles of the profile, 0 to π in 2° steps (≥ 91: finite.md's figure contract). */
export const WIDTH_ANGLES = 91;
/** The error the readout asks the width for (1 %). */
export const TARGET_ERROR = 0.01;
export const INITS: readonly Init[] = ['gaussian', 'orthogonal'];

interface WidthBase {
  /** the whole kernel list; only its NTK instances are computed (their positions kept) */
  kernels: readonly KernelInstance[];
  d: number;
  seeds: number;
  seed: number;
}

export interface WidthSeriesRequest extends WidthBase {
  m: number;
  init: Init;
  /** divide by κ(1) (links.md `norm=unit`) */
  unit: boolean;
}

export interface WidthConvergenceRequest extends WidthBase {
  widths: readonly number[];
}

/** The NTK instances of a kernel list, with their 0-based positions in it. */
export function ntkInstances(kernels: readonly KernelInstance[]): { index: number; kernel: KernelInstance }[] {
  return kernels.flatMap((kernel, index) => (kernel.family === 'ntk' ? [{ index, kernel }] : []));
}

function networkSpec(kernel: KernelInstance, d: number, m: number, init: Init): NetworkSpec {
  const p = kernel.params;
  return { d, L: Number(p.L), m, beta: Number(p.beta), bias: p.bias === 'random' ? 'random' : 'zero', init };
}

/** x = e_d (1×d) and z(θ_j) (n×d) for the angles θ. */
export function greatCircle(d: number, theta: Float64Array): { x: Float64Array; z: Float64Array } {
  const x = new Float64Array(d);
  x[d - 1] = 1;
  const z = new Float64Array(theta.length * d);
  theta.forEach((t, j) => {
    z[j * d + d - 1] = Math.cos(t);
    z[j * d] += Math.sin(t); // d ≥ 2: coordinate 0 is not the pole's
  });
  return { x, z };
}

/** Θ_m(x, z(θ_j)) of network `seed` (raw, as defined). */
function empiricalProfile(spec: NetworkSpec, seed: number, x: Float64Array, z: Float64Array, n: number): Float64Array {
  return empiricalNtk(initNetwork(spec, seed), x, 1, z, n);
}

/** The analytic profile, raw (as defined). */
function analyticProfile(kernel: KernelInstance, theta: Float64Array): Float64Array {
  return Float64Array.from(theta, (t) => {
    const { delta, sigma } = carriedFromAngle(t);
    return sphereValue(kernel, delta, sigma, false);
  });
}

/** Relative cost of one network (multiply–adds of its init, forward and backward passes; QR for orthogonal). */
function networkCost(spec: NetworkSpec): number {
  const { d, L, m } = spec;
  const passes = (WIDTH_ANGLES + 1) * (3 * m * d + 2 * (L - 1) * m * m) + (L - 1) * m * m * 20;
  const qr = spec.init === 'orthogonal' ? (8 / 3) * (L - 1) * m * m * m + 4 * m * d * d : 0;
  return passes + qr;
}

/** The seed indices of a part. */
const partSeeds = (seeds: number, part: number, parts: number) =>
  Array.from({ length: seeds }, (_, i) => i).filter((i) => i % parts === part);

export interface WidthSeriesPart {
  /** per NTK instance: Σ Θ_m and Σ Θ_m² over the part's networks, and each network's profile */
  sums: Float64Array[];
  squares: Float64Array[];
  curves: { seed: number; values: Float64Array }[][];
}

/** The series of one part, as a job: yields the fraction done after each network. */
export function* widthSeriesJob(
  req: WidthSeriesRequest,
  part: number,
  parts: number,
): Generator<number, WidthSeriesPart> {
  const theta = angleGrid(WIDTH_ANGLES, Math.PI);
  const { x, z } = greatCircle(req.d, theta);
  const instances = ntkInstances(req.kernels);
  const mine = partSeeds(req.seeds, part, parts);
  const specs = instances.map(({ kernel }) => networkSpec(kernel, req.d, req.m, req.init));
  const total = specs.reduce((s, spec) => s + networkCost(spec) * mine.length, 0);
  let done = 0;
  const out: WidthSeriesPart = {
    sums: specs.map(() => new Float64Array(WIDTH_ANGLES)),
    squares: specs.map(() => new Float64Array(WIDTH_ANGLES)),
    curves: specs.map(() => []),
  };
  for (let k = 0; k < specs.length; k++) {
    for (const i of mine) {
      const values = empiricalProfile(specs[k], req.seed + i, x, z, WIDTH_ANGLES);
      for (let j = 0; j < WIDTH_ANGLES; j++) {
        out.sums[k][j] += values[j];
        out.squares[k][j] += values[j] * values[j];
      }
      out.curves[k].push({ seed: i, values });
      done += networkCost(specs[k]);
      yield done / total;
    }
  }
  return out;
}

export interface WidthSeries {
  /** 0-based position in the kernel list */
  index: number;
  kernel: KernelInstance;
  /** after `norm` (÷ κ(1) under unit) */
  analytic: Float64Array;
  mean: Float64Array;
  /** sample standard deviation over the networks (0 for one network) */
  sd: Float64Array;
  /** each network's profile, in seed order */
  networks: Float64Array[];
}

export interface WidthSeriesView {
  theta: Float64Array;
  m: number;
  seeds: number;
  init: Init;
  series: WidthSeries[];
}

/** Merges the parts: mean, sample sd and the networks in seed order, all after `norm`. */
export function mergeWidthSeries(req: WidthSeriesRequest, parts: readonly WidthSeriesPart[]): WidthSeriesView {
  const theta = angleGrid(WIDTH_ANGLES, Math.PI);
  const n = req.seeds;
  const series = ntkInstances(req.kernels).map(({ index, kernel }, k) => {
    const analyticRaw = analyticProfile(kernel, theta);
    const scale = req.unit ? 1 / familyOf(kernel).atOne(kernel.params) : 1;
    const mean = new Float64Array(WIDTH_ANGLES);
    const sd = new Float64Array(WIDTH_ANGLES);
    for (let j = 0; j < WIDTH_ANGLES; j++) {
      let sum = 0;
      let squares = 0;
      for (const p of parts) {
        sum += p.sums[k][j];
        squares += p.squares[k][j];
      }
      const mu = sum / n;
      mean[j] = mu * scale;
      // one-pass variance, clamped at 0 against rounding
      sd[j] = n > 1 ? Math.sqrt(Math.max(0, (squares - n * mu * mu) / (n - 1))) * scale : 0;
    }
    const networks = parts
      .flatMap((p) => p.curves[k])
      .sort((a, b) => a.seed - b.seed)
      .map((c) => c.values.map((v) => v * scale));
    return { index, kernel, analytic: analyticRaw.map((v) => v * scale), mean, sd, networks };
  });
  return { theta, m: req.m, seeds: req.seeds, init: req.init, series };
}

/** RMS_θ(Θ_m − Θ)/RMS_θ(Θ) over the angle grid (independent of `norm`). */
export function relativeRmsError(empirical: ArrayLike<number>, analytic: ArrayLike<number>): number {
  let diff = 0;
  let ref = 0;
  for (let j = 0; j < analytic.length; j++) {
    diff += (empirical[j] - analytic[j]) ** 2;
    ref += analytic[j] ** 2;
  }
  return Math.sqrt(diff / ref);
}

export interface WidthConvergencePart {
  /** [instance][init][width]: Σ over the part's networks of the relative RMS error */
  errorSums: Float64Array[][];
}

/** The convergence of one part, as a job: yields the fraction done after each network. */
export function* widthConvergenceJob(
  req: WidthConvergenceRequest,
  part: number,
  parts: number,
): Generator<number, WidthConvergencePart> {
  const theta = angleGrid(WIDTH_ANGLES, Math.PI);
  const { x, z } = greatCircle(req.d, theta);
  const instances = ntkInstances(req.kernels);
  const mine = partSeeds(req.seeds, part, parts);
  const specsOf = (kernel: KernelInstance) =>
    INITS.map((init) => req.widths.map((m) => networkSpec(kernel, req.d, m, init)));
  const total = instances.reduce(
    (s, { kernel }) =>
      s +
      specsOf(kernel)
        .flat()
        .reduce((t, spec) => t + networkCost(spec) * mine.length, 0),
    0,
  );
  let done = 0;
  const errorSums = instances.map(({ kernel }) => {
    const analytic = analyticProfile(kernel, theta);
    return { analytic, specs: specsOf(kernel), sums: INITS.map(() => new Float64Array(req.widths.length)) };
  });
  for (const { analytic, specs, sums } of errorSums) {
    for (let a = 0; a < INITS.length; a++) {
      for (let w = 0; w < req.widths.length; w++) {
        for (const i of mine) {
          const values = empiricalProfile(specs[a][w], req.seed + i, x, z, WIDTH_ANGLES);
          sums[a][w] += relativeRmsError(values, analytic);
          done += networkCost(specs[a][w]);
          yield done / total;
        }
      }
    }
  }
  return { errorSums: errorSums.map((e) => e.sums) };
}

export interface WidthConvergence {
  index: number;
  kernel: KernelInstance;
  init: Init;
  widths: number[];
  /** mean over the networks of the relative RMS error, per width */
  error: number[];
  /** least-squares slope of log error against log width; null with fewer than two widths */
  slope: number | null;
  /** the fitted line is error = 10^intercept · m^slope */
  intercept: number | null;
  /** width at which the fitted line reaches 1 % error; null when the fit does not decrease */
  widthFor1Percent: number | null;
  /** that width lies outside the widths computed (read off the fitted line beyond them) */
  extrapolated: boolean;
}

export function mergeWidthConvergence(
  req: WidthConvergenceRequest,
  parts: readonly WidthConvergencePart[],
): WidthConvergence[] {
  const widths = [...req.widths];
  return ntkInstances(req.kernels).flatMap(({ index, kernel }, k) =>
    INITS.map((init, a) => {
      const error = widths.map((_, w) => parts.reduce((s, p) => s + p.errorSums[k][a][w], 0) / req.seeds);
      const fit = logLogFit(widths, error);
      const target = fit && fit.slope < 0 ? 10 ** ((Math.log10(TARGET_ERROR) - fit.intercept) / fit.slope) : null;
      const widthFor1Percent = target !== null && Number.isFinite(target) ? target : null;
      const extrapolated =
        widthFor1Percent !== null && (widthFor1Percent > widths[widths.length - 1] || widthFor1Percent < widths[0]);
      return {
        index,
        kernel,
        init,
        widths,
        error,
        slope: fit?.slope ?? null,
        intercept: fit?.intercept ?? null,
        widthFor1Percent,
        extrapolated,
      };
    }),
  );
}

/** Runs a job to its end (the CLI, tests: no cancellation). */
export function runJob<T>(job: Generator<number, T>): T {
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
  }
}

/** The whole series in one thread (figures, tests). */
export function widthSeries(req: WidthSeriesRequest): WidthSeriesView {
  return mergeWidthSeries(req, [runJob(widthSeriesJob(req, 0, 1))]);
}

export function widthConvergence(req: WidthConvergenceRequest): WidthConvergence[] {
  return mergeWidthConvergence(req, [runJob(widthConvergenceJob(req, 0, 1))]);
}

/** "1. ReLU NTK L=2 β=0" for a series (its list position). */
export const seriesLabel = (s: { index: number; kernel: KernelInstance }) => kernelLabel(s.kernel, s.index);
