/**
 * The real-data panel's runs (docs/realdata.md §6): the results found so far (kept in IndexedDB), the run in
 * progress, and the user's CSV file. Not link state — the link names what to compute; this is what has been
 * computed — so it lives in its own small store next to the panel.
 */
import { wrap } from 'comlink';
import { create } from 'zustand';
import type { ContestantName } from '../../../core/realdata/contestants';
import type { Prep } from '../../../core/realdata/dataset';
import type { ContestantResult, Dataset } from '../../../core/realdata/types';
import type { RealdataWorkerApi } from '../../../realdata/api';
import { forgetKept, keep, readKept, resultKey } from '../../../realdata/keptResults';
import { realdataJobs } from '../../../realdata/jobs';
import { runPool, type PoolJob, type PoolProgress } from '../../../realdata/pool';
import type { FigureFormat } from '../../../figure';
import type { LinkState } from '../../../link';
import { CUSTOM_ID, selectionOf, type RealdataSelection } from '../../../realdata/selection';
import { callWorker } from '../../../workerClient/client';
import { useStore } from '../../../state/store';

/** The user's file once read: the data set, what was said about it, and the id its results are kept under. */
export interface CustomData {
  dataset: Dataset;
  fileName: string;
  notices: readonly string[];
  columns: readonly string[];
  labelColumn: string;
  classNames: readonly string[];
  /** `custom:<sha-256 of the text>:<label>:<seed>`: the same file, label and seed give the same results */
  id: string;
}

interface RunState {
  results: Readonly<Record<string, ContestantResult>>;
  /** IndexedDB has been read (or found unusable) */
  keptRead: boolean;
  progress: PoolProgress | null;
  /** wall time of the last run that finished (for the bench: the panel's data-compute-ms) */
  lastRunMs: number | null;
  /** how often LIBSVM's solver stopped at its iteration limit in this page's runs (svm.ts) */
  iterationLimitHits: number;
  custom: CustomData | null;
  /** a file being read, or a message why the last one was refused */
  customStatus: { reading: true } | { error: string; columns: readonly string[] } | null;
}

export const useRealdataRun = create<RunState>()(() => ({
  results: {},
  keptRead: false,
  progress: null,
  lastRunMs: null,
  iterationLimitHits: 0,
  custom: null,
  customStatus: null,
}));

let controller: AbortController | null = null;
/** IndexedDB failed once: say so once, then keep results for this page only. */
let keptFailed = false;

const keptFailure = (error: unknown) => {
  if (keptFailed) return;
  keptFailed = true;
  useStore
    .getState()
    .notify('info', 'Real-data results are not kept after this page closes.', [
      `The browser refused its storage (IndexedDB): ${error instanceof Error ? error.message : String(error)}. Results are kept while the page stays open.`,
    ]);
};

export function readKeptResults(): void {
  if (useRealdataRun.getState().keptRead) return;
  readKept().then(
    (kept) => useRealdataRun.setState((s) => ({ results: { ...kept, ...s.results }, keptRead: true })),
    (error) => {
      keptFailure(error);
      useRealdataRun.setState({ keptRead: true });
    },
  );
}

/** The id results of a selected data set are kept under: its name, or the user's file's id. */
export const datasetId = (name: string, custom: CustomData | null) =>
  name === CUSTOM_ID ? (custom?.id ?? CUSTOM_ID) : name;

export function lookupResult(
  results: Readonly<Record<string, ContestantResult>>,
  custom: CustomData | null,
  name: string,
  c: ContestantName,
  prep: Prep,
): ContestantResult | undefined {
  return results[resultKey(datasetId(name, custom), c, prep)];
}

/** The results found so far for a selection, by data set name and contestant (what the compute worker tabulates). */
export function foundResults(
  selection: RealdataSelection,
  results: Readonly<Record<string, ContestantResult>>,
  custom: CustomData | null,
): Record<string, Partial<Record<string, ContestantResult>>> {
  const out: Record<string, Partial<Record<string, ContestantResult>>> = {};
  for (const { name } of selection.datasets) {
    out[name] = {};
    for (const c of selection.contestants) {
      const r = lookupResult(results, custom, name, c, selection.prep);
      if (r) out[name][c] = r;
    }
  }
  return out;
}

/** The selection of a link state with the user's file as read so far. */
export function currentSelection(
  state: Pick<LinkState, 'data' | 'contest' | 'prep' | 'pair'>,
  custom: CustomData | null,
) {
  return selectionOf(
    state,
    custom && { name: custom.fileName, n: custom.dataset.n, d: custom.dataset.d, classes: custom.dataset.classes },
  );
}

/** The panel's figure file for the current link and results (README "Exports"). */
export function realdataFigureFile(
  state: LinkState,
  link: string,
  format: FigureFormat,
  base?: string,
): Promise<string> {
  const { results, custom } = useRealdataRun.getState();
  const selection = currentSelection(state, custom);
  return callWorker('function', (w) =>
    w.realdataFigure(selection, foundResults(selection, results, custom), link, format, base),
  );
}

/** The jobs a selection still needs: per data set, the contestants without a result. */
export function missingJobs(
  selection: RealdataSelection,
  results: Readonly<Record<string, ContestantResult>>,
  custom: CustomData | null,
  dataUrl: string,
): PoolJob[] {
  return realdataJobs(
    selection,
    {
      missing: (entry) =>
        selection.contestants.filter((c) => !lookupResult(results, custom, entry.name, c, selection.prep)),
      source: (entry) =>
        entry.name === CUSTOM_ID && custom
          ? { kind: 'custom', dataset: custom.dataset }
          : { kind: 'shipped', name: entry.name, location: new URL(`${entry.name}.json`, dataUrl).href },
      id: (entry) => datasetId(entry.name, custom),
    },
    runThreads(),
  );
}

/** Where the shipped data sets are served: public/data/uci90/ under the app's base. */
export const shippedDataUrl = () => new URL('data/uci90/', document.baseURI).href;

function spawnWorker() {
  const worker = new Worker(new URL('../../../../workers/realdata.worker.ts', import.meta.url), {
    type: 'module',
    name: 'realdata',
  });
  const failed = new Promise<never>((_, reject) =>
    worker.addEventListener('error', (e) => reject(new Error(e.message || 'a real-data worker failed to start'))),
  );
  failed.catch(() => {});
  return { api: wrap<RealdataWorkerApi>(worker), terminate: () => worker.terminate(), failed };
}

/** Workers: as many as the machine has cores, at most 8 (docs/realdata.md §6). */
export const runThreads = () => Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2));

/** Runs the missing jobs; resolves when done or cancelled. A second call while one runs does nothing. */
export async function startRun(jobs: readonly PoolJob[]): Promise<void> {
  if (controller !== null || jobs.length === 0) return;
  const run = new AbortController();
  controller = run;
  const datasets = new Set(jobs.map((j) => j.id)).size;
  useRealdataRun.setState({
    progress: {
      done: 0,
      total: datasets,
      workers: Math.min(runThreads(), jobs.length),
      fraction: 0,
      remainingMs: null,
    },
  });
  const started = performance.now();
  try {
    await runPool({
      jobs,
      threads: runThreads(),
      spawn: spawnWorker,
      signal: run.signal,
      onResult: (id, c, result, hits) => {
        // a result already on its way when Cancel or Forget was pressed is dropped
        if (run.signal.aborted) return;
        const key = resultKey(id, c, jobs.find((j) => j.id === id)!.prep);
        useRealdataRun.setState((s) => ({
          results: { ...s.results, [key]: result },
          iterationLimitHits: s.iterationLimitHits + hits,
        }));
        keep(key, result).catch(keptFailure);
      },
      onProgress: (progress) => {
        if (!run.signal.aborted) useRealdataRun.setState({ progress });
      },
    });
    useRealdataRun.setState({ lastRunMs: performance.now() - started });
  } catch (error) {
    if (!(error instanceof Error && error.name === 'AbortError')) {
      useStore
        .getState()
        .notify('error', 'The real-data run stopped.', [
          error instanceof Error ? error.message : String(error),
          'Results finished before the failure are kept; press Run to continue.',
        ]);
    }
  } finally {
    if (controller === run) controller = null;
    useRealdataRun.setState({ progress: null });
  }
}

export function cancelRun(): void {
  controller?.abort();
}

export async function forgetResults(): Promise<void> {
  cancelRun();
  useRealdataRun.setState({ results: {} });
  await forgetKept().catch(keptFailure);
}
