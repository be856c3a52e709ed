/**
 * The compute worker's interface (comlink). The app imports only this type; workers/compute.worker.ts
 * implements it by adapting the pure math core. Later panels extend it here.
 */
import type { LaplaceFit } from '../core/kernels/fitLaplace';
import type { FigureFormat } from '../figure';
import type { KernelInstance } from '../core/kernels/registry';
import type { PlaneRequest, PlaneResult, PlaneRows } from '../core/offsphere/plane';
import type { LearningCurves, LearningViewRequest } from '../core/functionSpace/learning';
import type { ProfileRequest, ProfileResult } from '../core/views/profile';
import type { RegressionPiece, RegressionPieceResult, RegressionViewRequest } from '../core/views/regressionView';
import type { GpSamplesRequest, GpSamplesResult } from '../core/functionSpace/samples';
import type { Parity, TailFit } from '../core/spectrum/decayFit';
import type { SpectrumRequest, SpectrumResult } from '../core/spectrum/spectrum';
import type { SpectrumPlot, SpectrumQuantity } from '../core/views/spectrumPlot';
import type { CsvDataset } from '../core/realdata/csv';
import type {
  WidthConvergencePart,
  WidthConvergenceRequest,
  WidthSeriesPart,
  WidthSeriesRequest,
} from '../core/views/finiteWidth';
import type { FeaturesRequest, FeaturesResult } from '../core/views/featuresView';
import type { TrainingRequest, TrainingView } from '../core/finite/training';
import type {
  SequencesFinite,
  SequencesFiniteRequest,
  SequencesRequest,
  SequencesResult,
} from '../core/views/sequencesView';
import type { ContestantResult } from '../core/realdata/types';
import type { RealdataSelection, RealdataTable } from '../realdata/selection';

export interface SpectrumViewRequest extends SpectrumRequest {
  /** degrees [from, to] of the tail fit */
  window: [number, number];
  /** the window is the automatic one (link klo = 0): where it has < 3 eigenvalues above the floor, the fit follows the data (math.md §4) */
  automaticWindow: boolean;
  /** degrees the fit uses */
  parity: Parity;
  /** what is plotted, and for `ratio` the two instances' positions (1-based) */
  quantity: SpectrumQuantity;
  ratioPair: [number, number];
}

export interface SpectrumView {
  result: SpectrumResult;
  /** per series, the fitted tail slope (null when fewer than 3 eigenvalues above the floor) */
  fits: (TailFit | null)[];
  plot: SpectrumPlot;
  /** wall time of the spectrum computation in the worker (0 when the cached spectrum was reused) */
  computeMs: number;
}

export interface RayRequest {
  kernels: readonly KernelInstance[];
  unit: boolean;
  z: [number, number];
  /** direction of the ray, radians */
  direction: number;
  R: number;
  samples: number;
}

export interface PointsRequest {
  a: KernelInstance;
  b: KernelInstance;
  n: number;
  d: number;
  spread: number;
  seed: number;
}

/** Wall time of a computation in the worker, for `npm run bench` (shown as data-compute-ms). */
export interface Timed {
  computeMs: number;
}

/** Timed, and when it started (ms since the epoch), so that pieces run in parallel can be timed together. */
export interface Started extends Timed {
  startedAt: number;
}

/**
 * Random functions as the page receives them: on the sphere in float32 (drawn on globes and read to 4
 * digits; at degree 256 a sample is 514×257 values per kernel, so this halves what the page holds).
 */
export type GpSamplesView =
  | Extract<GpSamplesResult, { domain: 'circle' }>
  | (Omit<Extract<GpSamplesResult, { domain: 'sphere' }>, 'values'> & { values: Float32Array[] });

export interface ComputeApi {
  /**
   * A panel as a figure file (links.md §2): the same text as `npm run -s figure` prints (with `--base`
   * when `base` is given: the CSV and SVG carry the absolute link).
   */
  figure(link: string, panel: string, format: FigureFormat, base?: string): string;
  profile(req: ProfileRequest): ProfileResult;
  fitLaplace(target: KernelInstance): LaplaceFit;
  /** Heatmaps of k(x, z) over the plane, and the difference map of two instances (`rows`: a piece of them). */
  plane(req: PlaneRequest, rows?: PlaneRows): PlaneResult & Started;
  /** k(r·x̂, z) for r from 0 to R. */
  ray(req: RayRequest): { r: Float64Array; values: Float64Array[] };
  /** D between the normalized Gram matrices of A and B on random points, raw and projected onto the sphere. */
  normalization(req: PointsRequest): { raw: number; projected: number } & Timed;
  /** The c of Laplace instance `a` that minimizes D against `b` on the random points projected onto the sphere. */
  fitLaplaceOnPoints(req: PointsRequest): { c: number; D: number };
  /** Where spectrum progress is reported (the fraction done, at most every ~50 ms); set once. */
  onSpectrumProgress(listener: (fraction: number) => void): void;
  /** Cancellable: a later call stops this one at its next step and it resolves to null. */
  spectrum(req: SpectrumViewRequest): Promise<SpectrumView | null>;
  /** One Gaussian-process sample per kernel from common random numbers (docs/function-space.md). */
  samples(req: GpSamplesRequest): GpSamplesView & Timed;
  /** A piece of the kernel ridge regression on the circle (several run in parallel, src/workerClient/regression.ts). */
  regressionPiece(req: RegressionViewRequest, piece: RegressionPiece): RegressionPieceResult & Timed;
  /** Closed-form kernel gradient flow on a target of zonal harmonics (spectral bias). */
  learning(req: LearningViewRequest): LearningCurves & Timed;
  /**
   * The real-data table: the selection's results (`results[name][contestant]`, those found so far), with the
   * summaries and pair statistics over the data sets every contestant has finished (docs/realdata.md §4).
   */
  realdataTable(
    selection: RealdataSelection,
    results: Record<string, Partial<Record<string, ContestantResult>>>,
  ): RealdataTable;
  /** The real-data panel as a figure file (docs/realdata.md §6), from the results found so far. */
  realdataFigure(
    selection: RealdataSelection,
    results: Record<string, Partial<Record<string, ContestantResult>>>,
    link: string,
    format: FigureFormat,
    base?: string,
  ): string;
  /** Where features-view progress is reported (the fraction done, at most every ~50 ms); set once. */
  onFeaturesProgress(listener: (fraction: number) => void): void;
  /** The random-features view (docs/finite.md §5.2). Cancellable: a later call stops this one, which resolves to null. */
  features(req: FeaturesRequest): Promise<(FeaturesResult & Timed) | null>;
  /** Where the width view's progress is reported (its part's fraction done, at most every ~50 ms); set once. */
  onWidthProgress(listener: (kind: 'series' | 'convergence', fraction: number) => void): void;
  /** Part `part` of `parts` of the width view's profiles (docs/finite.md §5); null when a newer call stopped it. */
  widthSeries(req: WidthSeriesRequest, part: number, parts: number): Promise<(WidthSeriesPart & Timed) | null>;
  /** Part `part` of `parts` of the width view's convergence; null when a newer call stopped it. */
  widthConvergence(
    req: WidthConvergenceRequest,
    part: number,
    parts: number,
  ): Promise<(WidthConvergencePart & Timed) | null>;
  /** Where training-view progress is reported (the fraction done, at most every ~50 ms); set once. */
  onTrainingProgress(listener: (fraction: number) => void): void;
  /** The training view (docs/finite.md §4, §5.3). Cancellable: a later call stops this one, which resolves to null. */
  training(req: TrainingRequest): Promise<(TrainingView & Timed) | null>;
  /** The Sequences view's recurrent NTK: Gram matrix, normalized kernels, time weights (docs/rntk.md "In the app"). */
  sequences(req: SequencesRequest): SequencesResult & Timed;
  /** Where the finite RNNs' progress is reported (the fraction done, at most every ~50 ms); set once. */
  onSequencesProgress(listener: (fraction: number) => void): void;
  /** Finite RNNs' empirical kernels of the chosen sequence. Cancellable: a later call stops this one (null). */
  sequencesFinite(req: SequencesFiniteRequest): Promise<(SequencesFinite & Timed) | null>;
  /** A CSV file as a data set (docs/realdata.md "Your own data"); throws a CsvError whose message is for the user. */
  readCsv(text: string, options: { name: string; label?: number; seed: number }): CsvDataset;
}
