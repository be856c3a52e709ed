/**
 * Real data (docs/realdata.md): the paper's third claim — on 90 UCI classification data sets, the NTK, the
 * Laplace kernel and the γ-exponential kernels "perform almost identically" — rerun in the browser's
 * workers with LIBSVM (Arora et al.'s protocol). Pick data sets, contestants and `prep`; the summary, the
 * scatter of two contestants, the per-data-set table and the pair statistics fill in as results arrive, and
 * are kept in the browser for the next visit.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SIZE_CLASSES, sizeClass } from '../../../core/realdata/catalog';
import { CONTESTANTS, type ContestantName } from '../../../core/realdata/contestants';
import type { ContestantResult } from '../../../core/realdata/types';
import { controlSpec } from '../../../link';
import { CUSTOM_ID, type RealdataSelection, type RealdataTable } from '../../../realdata/selection';
import { useStore } from '../../../state/store';
import { callWorker } from '../../../workerClient/client';
import { Panel } from '../../app/Panel';
import { useNearViewport } from '../../compute/useNearViewport';
import { computation, useComputation } from '../../compute/useComputation';
import { ListField } from '../../controls/ListField';
import { ParamControl } from '../../controls/ParamControl';
import { CustomFile } from './CustomFile';
import { DatasetChooser } from './DatasetChooser';
import { DatasetTable, PairTable, SummaryTable } from './RealdataTables';
import {
  cancelRun,
  currentSelection,
  forgetResults,
  foundResults,
  missingJobs,
  readKeptResults,
  shippedDataUrl,
  startRun,
  useRealdataRun,
} from './realdataRun';
import { ScatterChart } from './ScatterChart';
import './realdata.css';

interface TableRequest {
  selection: RealdataSelection;
  results: Record<string, Partial<Record<string, ContestantResult>>>;
}
const tableView = computation(
  ({ selection, results }: TableRequest) => callWorker('function', (w) => w.realdataTable(selection, results)),
  { channel: 'latest' },
);

/** Runs start by themselves only when small: every data set with n ≤ 200 (the default link, ~5 s). */
const AUTO_RUN_MAX_N = SIZE_CLASSES.n200.maxN;

export function RealdataPanel() {
  const link = useStore(useShallow((s) => ({ data: s.data, contest: s.contest, prep: s.prep, pair: s.pair })));
  const { results, keptRead, progress, custom, lastRunMs } = useRealdataRun(
    useShallow((s) => ({
      results: s.results,
      keptRead: s.keptRead,
      progress: s.progress,
      custom: s.custom,
      lastRunMs: s.lastRunMs,
    })),
  );
  useEffect(readKeptResults, []);
  const selection = useMemo(() => currentSelection(link, custom), [link, custom]);
  const found = useMemo(() => foundResults(selection, results, custom), [selection, results, custom]);
  // the views draw the selection the table answers (`request`), not the one being computed
  const {
    ref,
    data: table,
    request,
    busy,
  } = useComputation(
    tableView,
    { selection, results: found },
    {
      failure: 'The real-data table could not be computed',
    },
  );
  const near = useNearViewport(ref, '200px');
  const jobs = keptRead ? missingJobs(selection, results, custom, shippedDataUrl()) : [];
  const small = selection.datasets.every((e) => e.n <= AUTO_RUN_MAX_N) && link.data !== CUSTOM_ID;
  // start a small run once per selection when the panel comes near the screen; after Cancel, wait for Run
  const autoRan = useRef<string | null>(null);
  const selectionKey = JSON.stringify([link, custom?.id]);
  useEffect(() => {
    if (!near || !small || jobs.length === 0 || progress !== null || autoRan.current === selectionKey) return;
    autoRan.current = selectionKey;
    void startRun(jobs);
  });

  return (
    <Panel
      id="realdata"
      title="Real data: NTK vs Laplace on 90 UCI data sets"
      busy={busy}
      sectionRef={ref}
      computeMs={lastRunMs ?? undefined}
      className="realdata"
      note={
        <>
          Geifman et al. (2020) report that on real data the NTK, the Laplace kernel and the γ-exponential kernels
          “perform almost identically”. Here every contestant is a kernel SVM (LIBSVM, compiled to WebAssembly) run by
          Arora et al.’s protocol on the 90 UCI data sets with at most 5000 rows: its kernel and C are chosen on a fixed
          50/50 validation split, then the accuracy is the mean over four fixed train/test folds. The Laplace and
          γ-exponential scales are c = a/m<sup>γ</sup>, m the median distance between training points. <em>sphere</em>{' '}
          puts every row on the unit sphere, where NTK and Laplace are both functions of the angle. Results are kept in
          this browser.
          <br />
          Data: UCI Machine Learning Repository (Dua &amp; Graff); preprocessing and splits: Fernández-Delgado et al.
          (2014); protocol: Arora et al. (2020).
        </>
      }
    >
      <RealdataControls selection={selection} />
      {link.data === CUSTOM_ID && <CustomFile />}
      <RunBar
        jobs={new Set(jobs.map((j) => j.id)).size}
        datasets={selection.datasets.length}
        running={progress}
        keptRead={keptRead}
        onRun={() => void startRun(jobs)}
      />
      <IterationLimitNote />
      {table && request && request.selection.datasets.length > 0 ? (
        <RealdataViews table={table} selection={request.selection} custom={custom?.fileName ?? null} />
      ) : (
        <div className="chart-placeholder">
          {selection.datasets.length === 0
            ? 'Choose your CSV file to run the contestants on it.'
            : 'Computing the table…'}
        </div>
      )}
    </Panel>
  );
}

function RealdataControls({ selection }: { selection: RealdataSelection }) {
  const { data, contest, prep, pair } = useStore(
    useShallow((s) => ({ data: s.data, contest: s.contest, prep: s.prep, pair: s.pair })),
  );
  const { setGlobal, setGlobals } = useStore.getState();
  const mode = data in SIZE_CLASSES || data === CUSTOM_ID ? data : 'names';
  const chosen = contest.split(',');
  // a contestant added goes last; the others keep their order (and the scatter its default pair)
  const toggle = (c: ContestantName, on: boolean) => {
    const next = on ? [...chosen, c] : chosen.filter((k) => k !== c);
    if (next.length === 0) return;
    const keepPair = pair.split(',').every((p) => pair === '' || next.includes(p as ContestantName));
    setGlobals({ contest: next.join(','), ...(keepPair ? {} : { pair: '' }) });
  };
  const [a, b] = selection.pair ?? ['', ''];
  return (
    <div className="panel-controls realdata-controls">
      <div className="param">
        <label htmlFor="realdata-data">which data sets</label>
        <select
          id="realdata-data"
          value={mode}
          onChange={(e) => setGlobal('data', e.target.value === 'names' ? 'iris,wine' : e.target.value)}
        >
          {(Object.keys(SIZE_CLASSES) as (keyof typeof SIZE_CLASSES)[]).map((k) => (
            <option key={k} value={k}>
              {k === 'all' ? 'all 90 data sets' : `${SIZE_CLASSES[k].label} (${sizeClass(k).length} data sets)`}
            </option>
          ))}
          <option value="names">by name…</option>
          <option value={CUSTOM_ID}>your CSV file</option>
        </select>
      </div>
      {mode === 'names' && (
        <>
          <ListField name="data" value={data} onCommit={(v) => setGlobal('data', v)} placeholder="e.g. iris,wine" />
          <DatasetChooser data={data} />
        </>
      )}
      <fieldset className="param contestants">
        <legend>contestants</legend>
        {CONTESTANTS.map((c) => (
          <label key={c.name} title={`${c.formula}; grid: ${c.gridText}`}>
            <input
              type="checkbox"
              checked={chosen.includes(c.name)}
              disabled={chosen.length === 1 && chosen[0] === c.name}
              onChange={(e) => toggle(c.name, e.target.checked)}
            />
            {c.label}
          </label>
        ))}
      </fieldset>
      <ParamControl
        spec={controlSpec('prep')}
        value={prep}
        context="real data"
        onChange={(v) => setGlobal('prep', v as 'zscore' | 'sphere')}
        onCommit={() => {}}
      />
      {selection.contestants.length >= 2 && (
        <fieldset className="param pair">
          <legend>scatter</legend>
          {([0, 1] as const).map((i) => (
            <select
              key={i}
              aria-label={i === 0 ? 'scatter: across' : 'scatter: up'}
              value={i === 0 ? a : b}
              onChange={(e) => {
                const next: string[] = [a, b];
                next[i] = e.target.value;
                if (next[0] === next[1]) next[1 - i] = [a, b][i];
                setGlobal('pair', next.join(','));
              }}
            >
              {selection.contestants.map((c) => (
                <option key={c} value={c}>
                  {CONTESTANTS.find((k) => k.name === c)!.label}
                </option>
              ))}
            </select>
          ))}
        </fieldset>
      )}
    </div>
  );
}

function RunBar({
  jobs,
  datasets,
  running,
  keptRead,
  onRun,
}: {
  jobs: number;
  datasets: number;
  running: ReturnType<typeof useRealdataRun.getState>['progress'];
  keptRead: boolean;
  onRun(): void;
}) {
  const left = running?.remainingMs == null ? '' : `, about ${formatDuration(running.remainingMs)} left`;
  return (
    <div className="panel-actions realdata-run">
      {running ? (
        <>
          <button type="button" onClick={cancelRun}>
            Cancel
          </button>
          <progress max={1} value={running.fraction} aria-label="real-data run" />
          <span role="status">
            {running.done} of {running.total} data sets done{left} ({running.workers} worker
            {running.workers === 1 ? '' : 's'})
          </span>
        </>
      ) : (
        <>
          <button type="button" onClick={onRun} disabled={!keptRead || jobs === 0}>
            Run
          </button>
          <span role="status">
            {!keptRead
              ? 'Reading kept results…'
              : jobs === 0
                ? datasets === 0
                  ? ''
                  : `All ${datasets} data sets done (kept in this browser).`
                : `${jobs} of ${datasets} data sets still to run.`}
          </span>
          <ForgetButton />
        </>
      )}
    </div>
  );
}

/** "Forget kept results", asked twice: a full table may have taken an hour to compute. */
function ForgetButton() {
  const count = useRealdataRun((s) => Object.keys(s.results).length);
  const [asking, setAsking] = useState(false);
  if (count === 0) return null;
  if (!asking)
    return (
      <button type="button" className="link-button" onClick={() => setAsking(true)}>
        Forget kept results
      </button>
    );
  return (
    <span role="group" aria-label="Forget kept results?">
      Forget all {count} kept results?{' '}
      <button
        type="button"
        onClick={() => {
          setAsking(false);
          void forgetResults();
        }}
      >
        Forget them
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        Keep them
      </button>
    </span>
  );
}

/** Says when LIBSVM stopped a fit at its iteration limit, where scikit-learn would have gone on. */
function IterationLimitNote() {
  const hits = useRealdataRun((s) => s.iterationLimitHits);
  if (hits === 0) return null;
  return (
    <p className="help">
      In this page’s runs LIBSVM’s solver stopped at its iteration limit {hits} time{hits === 1 ? '' : 's'} (10 million
      iterations, typically a large C on data that is hard to separate); scikit-learn has no limit, so such a fit can
      end slightly differently there.
    </p>
  );
}

function formatDuration(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 90) return `${s} s`;
  const m = Math.round(s / 60);
  return m < 90 ? `${m} min` : `${(m / 60).toFixed(1)} h`;
}

function RealdataViews({
  table,
  selection,
  custom,
}: {
  table: RealdataTable;
  selection: RealdataSelection;
  /** the user's file's name, shown for the data set named `custom` */
  custom: string | null;
}) {
  const pair = selection.pair;
  const shownName = (name: string) => (name === CUSTOM_ID && custom ? custom : name);
  const points = pair
    ? table.rows.flatMap(({ dataset, results }) => {
        const [ra, rb] = [results[pair[0]], results[pair[1]]];
        return ra && rb ? [{ dataset: { ...dataset, name: shownName(dataset.name) }, a: ra, b: rb }] : [];
      })
    : [];
  return (
    <div className="realdata-views">
      <div className="realdata-top">
        {pair && table.scatter && points.length > 0 && (
          <ScatterChart points={points} pair={pair} counts={table.scatter} />
        )}
        <div>
          <SummaryTable table={table} contestants={selection.contestants} shownName={shownName} />
          <PairTable table={table} />
        </div>
      </div>
      <DatasetTable table={table} contestants={selection.contestants} shownName={shownName} />
    </div>
  );
}
