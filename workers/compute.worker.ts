/**
 * The compute worker: adapts the pure math core (src/core) to comlink. No math lives here.
 */
import { expose, transfer } from 'comlink';
import { fitLaplace } from '../src/core/kernels/fitLaplace';
import { fitLaplaceOnPoints, normalizationReadout, pointCloud, projectToSphere } from '../src/core/offsphere/gram';
import { planeMaps, rayProfile } from '../src/core/offsphere/plane';
import { learningView } from '../src/core/functionSpace/learning';
import { featuresJob } from '../src/core/views/featuresView';
import { trainingJob } from '../src/core/finite/training';
import { profile } from '../src/core/views/profile';
import { regressionPiece } from '../src/core/views/regressionView';
import { gpSamples } from '../src/core/functionSpace/samples';
import { spectrum, spectrumJob, type SpectrumRequest, type SpectrumResult } from '../src/core/spectrum/spectrum';
import { spectrumFitsAndPlot } from '../src/core/views/spectrumPlot';
import { renderFigure } from '../src/figure';
import { readCsvDataset } from '../src/core/realdata/csv';
import { realdataFigureText } from '../src/figure/realdataFigure';
import { realdataTable } from '../src/realdata/selection';
import { parseLink, serializeLink } from '../src/link';
import { widthConvergenceJob, widthSeriesJob } from '../src/core/views/finiteWidth';
import { sequencesFiniteJob, sequencesView } from '../src/core/views/sequencesView';
import type { ComputeApi, GpSamplesView, SpectrumView, Started, Timed } from '../src/workerClient/api';

/** Work between two yields to the event loop, so that a newer request can arrive and cancel. */
const SLICE_MS = 12;
const PROGRESS_EVERY_MS = 50;

let latestSpectrum = 0;
let reportProgress: ((fraction: number) => void) | null = null;
/** The last spectrum computed: changing only the fit window or parity reuses it. */
let cached: { key: string; result: SpectrumResult } | null = null;

/**
 * Lets queued messages (a newer request) run; a MessageChannel avoids setTimeout's 4 ms nesting clamp.
 * Several jobs may be waiting at once (an older one is resumed to find it was superseded): each waiter
 * is resumed by its own message, in order.
 */
const channel = new MessageChannel();
const waiters: (() => void)[] = [];
channel.port1.onmessage = () => waiters.shift()?.();
const yieldToEvents = () =>
  new Promise<void>((resolve) => {
    waiters.push(resolve);
    channel.port2.postMessage(null);
  });

const spectrumKey = ({ kernels, d, kmax, unit }: SpectrumRequest) => JSON.stringify([kernels, d, kmax, unit]);

/**
 * Runs a job (a generator yielding its fraction done) in slices, reporting progress; null when `stale()`
 * turns true at a slice boundary (a newer request arrived meanwhile: the stale work stops).
 */
async function runSliced<T>(
  job: Generator<number, T>,
  stale: () => boolean,
  report: ((fraction: number) => void) | null,
): Promise<T | null> {
  let sliceStart = performance.now();
  let lastProgress = sliceStart;
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
    const now = performance.now();
    if (now - sliceStart > SLICE_MS) {
      if (report && now - lastProgress > PROGRESS_EVERY_MS) {
        lastProgress = now;
        void report(step.value);
      }
      await yieldToEvents();
      if (stale()) return null;
      sliceStart = performance.now();
    }
  }
}

let latestTraining = 0;
let reportTrainingProgress: ((fraction: number) => void) | null = null;

let reportSequencesProgress: ((fraction: number) => void) | null = null;

let reportFeaturesProgress: ((fraction: number) => void) | null = null;

/**
 * A kind of job where a newer call stops the running one at its next slice (which then resolves to null),
 * timed; `report` is read at each call (the listener is registered after the worker starts).
 */
function cancellable<Req, T extends object>(
  job: (req: Req) => Generator<number, T>,
  report: () => ((fraction: number) => void) | null,
): (req: Req) => Promise<(T & Timed) | null> {
  let latest = 0;
  return async (req) => {
    const id = ++latest;
    const start = performance.now();
    const result = await runSliced(job(req), () => id !== latest, report());
    return result && { ...result, computeMs: performance.now() - start };
  };
}

type WidthKind = 'series' | 'convergence';
const latestWidth: Record<WidthKind, number> = { series: 0, convergence: 0 };
let reportWidthProgress: ((kind: WidthKind, fraction: number) => void) | null = null;

/** A width-view job in slices with its wall time; null when a newer call of the same kind stopped it. */
async function runWidthJob<T extends object>(kind: WidthKind, job: Generator<number, T>): Promise<(T & Timed) | null> {
  const id = ++latestWidth[kind];
  const start = performance.now();
  const report = reportWidthProgress && ((fraction: number) => reportWidthProgress?.(kind, fraction));
  const result = await runSliced(job, () => id !== latestWidth[kind], report);
  return result && { ...result, computeMs: performance.now() - start };
}

/** The learning view's last spectrum: while only `t` changes (Play, the time slider) it is reused. */
let learningCache: { key: string; result: SpectrumResult } | null = null;
function learningSpectrum(req: SpectrumRequest): SpectrumResult {
  const key = spectrumKey(req);
  if (learningCache?.key !== key) learningCache = { key, result: spectrum(req) };
  return learningCache.result;
}

/** Runs `compute` and adds its wall time and start (for `npm run bench`, shown as data-compute-ms). */
function timed<T extends object>(compute: () => T): T & Started {
  const start = performance.now();
  const result = compute();
  return { ...result, computeMs: performance.now() - start, startedAt: performance.timeOrigin + start };
}

const api: ComputeApi = {
  figure(link, panel, format, base) {
    const { state } = parseLink(link);
    return renderFigure(state, serializeLink(state), panel, format, base);
  },
  profile(req) {
    const result = profile(req);
    return transfer(result, [result.theta.buffer, ...result.values.map((v) => v.buffer)]);
  },
  fitLaplace,
  plane(req, rows) {
    const result = timed(() => planeMaps(req, rows));
    const buffers = result.values.map((v) => v.buffer);
    return transfer(result, result.diff ? [...buffers, result.diff.buffer] : buffers);
  },
  ray({ kernels, unit, z, direction, R, samples }) {
    const result = rayProfile(kernels, unit, z, direction, R, samples);
    return transfer(result, [result.r.buffer, ...result.values.map((v) => v.buffer)]);
  },
  normalization: ({ a, b, n, d, spread, seed }) => timed(() => normalizationReadout(a, b, n, d, spread, seed)),
  // fitted on the points projected onto the sphere: there the NTK and a Laplace kernel can agree
  fitLaplaceOnPoints: ({ a, b, n, d, spread, seed }) =>
    fitLaplaceOnPoints(a, b, projectToSphere(pointCloud(n, d, spread, seed), n, d), n, d),
  samples(req) {
    const result = timed(() => gpSamples(req));
    const view: GpSamplesView & Timed =
      result.domain === 'sphere' ? { ...result, values: result.values.map((v) => new Float32Array(v)) } : result;
    const buffers = view.values.map((v) => v.buffer);
    return transfer(view, [view.domain === 'circle' ? view.theta.buffer : view.latitude.buffer, ...buffers]);
  },
  regressionPiece(req, piece) {
    const result = timed(() => regressionPiece(req, piece));
    const buffers = [result.theta.buffer, ...result.values.map((v) => v.buffer)];
    return transfer(result, result.comparison ? [...buffers, result.comparison.values.buffer] : buffers);
  },
  learning(req) {
    const result = timed(() => learningView(req, learningSpectrum));
    const buffers = [result.time.buffer, result.theta.buffer, result.target.buffer];
    for (const k of result.kernels) buffers.push(k.profile.buffer, ...k.degrees.map((c) => c.residual.buffer));
    return transfer(result, buffers);
  },
  realdataTable: (selection, results) => realdataTable(selection, (name, c) => results[name]?.[c]),
  realdataFigure: (selection, results, link, format, base) =>
    realdataFigureText(
      selection,
      realdataTable(selection, (name, c) => results[name]?.[c]),
      link,
      format,
      base,
    ),
  readCsv: (text, options) => readCsvDataset(text, options),
  onTrainingProgress(listener) {
    reportTrainingProgress = listener;
  },
  async training(req) {
    const id = ++latestTraining;
    const start = performance.now();
    const view = await runSliced(trainingJob(req), () => id !== latestTraining, reportTrainingProgress);
    if (view === null) return null;
    const buffers = [view.theta, view.kernelFlow, view.kernelLoss, view.frameTheta, ...view.kernelFlowFrames];
    for (const run of view.runs) buffers.push(run.loss, ...run.frames, ...(run.network ? [run.network] : []));
    return transfer(
      { ...view, computeMs: performance.now() - start },
      buffers.map((b) => b.buffer as ArrayBuffer),
    );
  },
  sequences: (req) => timed(() => sequencesView(req)),
  onSequencesProgress(listener) {
    reportSequencesProgress = listener;
  },
  sequencesFinite: cancellable(sequencesFiniteJob, () => reportSequencesProgress),
  onFeaturesProgress(listener) {
    reportFeaturesProgress = listener;
  },
  features: cancellable(featuresJob, () => reportFeaturesProgress),
  onWidthProgress(listener) {
    reportWidthProgress = listener;
  },
  widthSeries: (req, part, parts) => runWidthJob('series', widthSeriesJob(req, part, parts)),
  widthConvergence: (req, part, parts) => runWidthJob('convergence', widthConvergenceJob(req, part, parts)),
  onSpectrumProgress(listener) {
    reportProgress = listener;
  },
  async spectrum(req) {
    const id = ++latestSpectrum;
    const key = spectrumKey(req);
    const start = performance.now();
    if (cached?.key !== key) {
      const result = await runSliced(spectrumJob(req), () => id !== latestSpectrum, reportProgress);
      if (result === null) return null;
      cached = { key, result };
    }
    const computeMs = performance.now() - start;
    const { result } = cached;
    const { fits, plot } = spectrumFitsAndPlot(result, req.kernels, req);
    const view: SpectrumView = {
      // copies: the cached arrays stay in the worker
      result: {
        ...result,
        log10Multiplicity: result.log10Multiplicity.slice(),
        series: result.series.map((s) => ({ ...s, lambda: s.lambda.slice() })),
      },
      fits,
      plot,
      computeMs,
    };
    return transfer(view, [
      view.result.log10Multiplicity.buffer,
      ...view.result.series.map((s) => s.lambda.buffer),
      ...view.plot.series.flatMap((s) => [s.log10.buffer, s.belowFloor.buffer]),
    ]);
  },
};

expose(api);
