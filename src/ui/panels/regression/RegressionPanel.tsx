/**
 * Kernel regression on the circle (docs/function-space.md): the user's data points (click to add, click a
 * point to remove, Undo or Ctrl+Z to take a click back; or edit the list, or load a target), and the kernel ridge regression predictor of every
 * kernel, with the Laplace kernel fitted to the first NTK and the largest gap between the two.
 */
import { memo, useMemo, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { familyOf, type KernelInstance, kernelLabel } from '../../../core/kernels/registry';
import { TARGET_KINDS, loadTarget, type TargetKind } from '../../../core/functionSpace/targets';
import type { RegressionView } from '../../../core/views/regressionView';
import { seriesColour } from '../../../figure/palette';
import { POINT_LIMITS, pointsText, readPoints, type DataPoint } from '../../../link';
import { useStore } from '../../../state/store';
import type { Timed } from '../../../workerClient/api';
import { computeRegression } from '../../../workerClient/regression';
import { LineChart, type Curve } from '../../charts/LineChart';
import { formatReadout } from '../../charts/format';
import { ListField } from '../../controls/ListField';
import { computation, useComputation } from '../../compute/useComputation';
import './regression.css';
import { Panel } from '../../app/Panel';
import { GlobalParam } from '../../controls/GlobalParam';
import { type PointEdit, usePointUndo } from './usePointUndo';

/** At most one call in flight while a drag runs; the last result kept (a view scrolled back is drawn at once). */
const regressionView = computation(computeRegression, { channel: 'coalesced', keep: 1 });
interface Request {
  kernels: readonly KernelInstance[];
  unit: boolean;
  theta: number[];
  y: number[];
  ridge: number;
}
type Result = RegressionView & Timed;

const TARGET_LABELS: Record<TargetKind, string> = {
  harmonics: 'sin θ + ½cos 3θ + ¼sin 5θ',
  step: 'a step, sign(sin θ)',
  noisy: 'the harmonics plus noise (seeded by the sample seed)',
};

export function RegressionPanel() {
  const { kernels, norm, pts, ridge } = useStore(
    useShallow((s) => ({ kernels: s.kernels, norm: s.norm, pts: s.pts, ridge: s.ridge })),
  );
  const points = useMemo(() => readPoints(pts), [pts]);
  const req: Request = {
    kernels,
    unit: norm === 'unit',
    theta: points.map((p) => (p.angle * Math.PI) / 180),
    y: points.map((p) => p.value),
    ridge,
  };
  const { ref, data, request, busy } = useComputation(regressionView, req, {
    failure: 'The regression could not be computed',
    onScreen: true,
  });
  const edits = usePointUndo(pts);
  return (
    <Panel
      id="regression"
      className="regression"
      title="Kernel regression on the circle"
      busy={busy}
      sectionRef={ref}
      computeMs={data?.computeMs}
      note={
        <>
          Every kernel’s ridge-regression predictor f(θ) = Σ<sub>i</sub> α<sub>i</sub> k(θ, θ<sub>i</sub>) with (K +
          λI)α = y, on the same data. Kernels with the same RKHS give predictors that almost coincide: compare the NTK
          with the Laplace kernel fitted to it (dashed). Click the chart to add a point, click a point to remove it.
        </>
      }
    >
      <RegressionControls points={points} />
      {data && request ? (
        <>
          <RegressionChart data={data} points={points} kernels={request.kernels} edits={edits} />
          <RegressionReadout data={data} kernels={request.kernels} ridge={request.ridge} n={request.theta.length} />
        </>
      ) : (
        <div className="chart-placeholder">Fitting the data…</div>
      )}
    </Panel>
  );
}

/** Memoized: the controls read their own state; a change elsewhere (a kernel slider) does not redraw them. */
const RegressionControls = memo(function RegressionControls({ points }: { points: DataPoint[] }) {
  const { pts, sample } = useStore(useShallow((s) => ({ pts: s.pts, sample: s.sample })));
  const { setGlobal } = useStore.getState();
  const [kind, setKind] = useState<TargetKind>('harmonics');
  // the count as typed; read (and clamped) when the target is loaded, so the field can be cleared and retyped
  const [count, setCount] = useState('20');
  const targetCount = Math.max(1, Math.min(POINT_LIMITS.items, Math.round(Number(count)) || 20));
  return (
    <>
      {/* outside .panel-controls: a lecturer's control, kept in presentation mode */}
      <div className="panel-actions">
        <GlobalParam name="ridge" context="regression" />
      </div>
      <div className="panel-controls">
        <div className="load-target" role="group" aria-label="Load a target">
          <label>
            Target{' '}
            <select value={kind} onChange={(e) => setKind(e.target.value as TargetKind)}>
              {TARGET_KINDS.map((k) => (
                <option key={k} value={k}>
                  {TARGET_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <label>
            points{' '}
            <input
              type="number"
              min={1}
              max={POINT_LIMITS.items}
              value={count}
              onChange={(e) => setCount(e.target.value)}
            />
          </label>
          <button type="button" onClick={() => setGlobal('pts', pointsText(loadTarget(kind, targetCount, sample)))}>
            Load target
          </button>
          <button type="button" onClick={() => setGlobal('pts', '')} disabled={points.length === 0}>
            Clear points
          </button>
        </div>
        <ListField name="pts" value={pts} onCommit={(v) => setGlobal('pts', v)} placeholder="e.g. 30:0.5;120:-1" />
      </div>
    </>
  );
});

/** The points' dots by their number: smaller and translucent when many, so that they do not hide the curves. */
function dotStyle(count: number): { r: number; opacity: number } {
  const crowd = Math.sqrt(20 / Math.max(20, count));
  return { r: Math.max(2.5, 5 * crowd), opacity: Math.max(0.45, crowd) };
}

const describePoint = (p: DataPoint) => `the point θ = ${p.angle}°, y = ${p.value}`;

const RegressionChart = memo(function RegressionChart({
  data,
  points,
  kernels,
  edits,
}: {
  data: Result;
  points: DataPoint[];
  kernels: readonly KernelInstance[];
  edits: ReturnType<typeof usePointUndo>;
}) {
  const xs = useMemo(() => Array.from(data.theta, (t) => (t * 180) / Math.PI), [data.theta]);
  const curves = useMemo(() => {
    const list: Curve[] = data.values.map((values, i) => ({
      label: kernelLabel(kernels[i], i),
      colour: seriesColour(i),
      values,
    }));
    const c = data.comparison;
    if (c)
      list.push({
        label: `Laplace fitted to kernel ${c.ntk + 1} (c = ${formatReadout(c.fit.c)})`,
        colour: seriesColour(c.ntk),
        values: c.values,
        dashed: true,
      });
    return list;
  }, [data, kernels]);
  // the data set the scale: a wild minimum-norm predictor is clipped rather than flattening the data
  const bound = 1.6 * Math.max(1, ...points.map((p) => Math.abs(p.value)));
  const { notify } = useStore.getState();
  const addPoint = (angle: number, value: number) => {
    if (points.length >= POINT_LIMITS.items) {
      notify('info', `At most ${POINT_LIMITS.items} data points.`, [
        'Remove a point (click it) or clear the points first.',
      ]);
      return;
    }
    const a = Math.round(Math.min(359.9, Math.max(0, angle)) * 10) / 10 + 0;
    const v = Math.round(Math.max(-POINT_LIMITS.value, Math.min(POINT_LIMITS.value, value)) * 100) / 100 + 0;
    edits.edit(pointsText([...points, { angle: a, value: v }]), `Added ${describePoint({ angle: a, value: v })}`);
  };
  const removePoint = (index: number) =>
    edits.edit(pointsText(points.filter((_, i) => i !== index)), `Removed ${describePoint(points[index])}`);
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z' && edits.last) {
      e.preventDefault();
      edits.undo();
    }
  };
  const dot = dotStyle(points.length);
  return (
    // Ctrl+Z from the chart: a click on the plot focuses it (a focusable SVG), so the key arrives here
    <div className="regression-plot" onKeyDown={onKeyDown}>
      <LineChart
        xs={xs}
        curves={curves}
        xDomain={[0, 360]}
        yDomain={[-bound, bound]}
        x={{ label: 'angle θ on the circle (degrees)' }}
        y={{ label: 'y, f(θ)' }}
        readoutTitle={(i) => `θ = ${formatReadout(xs[i])}°`}
        summary={`Kernel ridge regression predictors of ${kernels.length} kernels on ${points.length} data points on the circle.`}
        testId="regression-chart"
        onPlotClick={addPoint}
        hint={<PointEditHint last={edits.last} onUndo={edits.undo} />}
        overlay={({ x, y }) => (
          <g className="data-points" aria-hidden="true" fillOpacity={dot.opacity}>
            {points.map((p, i) => (
              // a pointer shortcut only: from the keyboard the points are edited in the "data points" field
              <circle
                key={i}
                cx={x(p.angle)}
                cy={y(p.value)}
                r={dot.r}
                onClick={() => removePoint(i)}
                data-testid="data-point"
              >
                <title>
                  θ = {p.angle}°, y = {p.value} (click to remove)
                </title>
              </circle>
            ))}
          </g>
        )}
      />
    </div>
  );
});

/** Under the chart: how to edit the points, or what the last click did and the way to take it back. */
function PointEditHint({ last, onUndo }: { last: PointEdit | null; onUndo(): void }) {
  return (
    <span role="status" className="point-edit" data-testid="point-edit">
      {last ? (
        <>
          {last.said}.{' '}
          <button type="button" onClick={onUndo}>
            Undo
          </button>{' '}
          (Ctrl+Z)
        </>
      ) : (
        'Click the chart to add a data point, click a point to remove it; Undo (Ctrl+Z) takes a click back.'
      )}
    </span>
  );
}

/** The bias-free one-hidden-layer NTK: its RKHS has no odd harmonics of degree ≥ 3 (math.md §4). */
const lacksOddHarmonics = (k: KernelInstance) => familyOf(k).decay(2, k.params).oddVanish;

function RegressionReadout({
  data,
  kernels,
  ridge,
  n,
}: {
  data: Result;
  kernels: readonly KernelInstance[];
  ridge: number;
  n: number;
}) {
  const c = data.comparison;
  return (
    <div className="regression-readout" role="status" data-testid="regression-readout">
      {c ? (
        <p>
          Largest difference between the predictors of kernel {c.ntk + 1} (NTK) and of the Laplace kernel fitted to it
          (c = {formatReadout(c.fit.c)}): <strong data-testid="regression-gap">{formatReadout(c.gap)}</strong>
          {n > 0 && <> ({formatReadout(100 * c.relativeGap)} % of the largest |y|)</>}.
        </p>
      ) : (
        <p>Add an NTK instance to compare its predictor with the Laplace kernel fitted to it.</p>
      )}
      <ul className="fit-status">
        {data.fits.map((fit, i) => (
          <li key={i}>
            <span className="swatch" style={{ background: seriesColour(i) }} aria-hidden="true" />
            {kernelLabel(kernels[i], i)}:{' '}
            {n === 0
              ? 'no data'
              : fit.minimumNorm
                ? `the Gram matrix is numerically singular (rank ${fit.rank} of ${n}): minimum-norm solution, largest residual ${formatReadout(fit.maxResidual)}`
                : ridge === 0
                  ? `interpolates the data (largest residual ${formatReadout(fit.maxResidual)})`
                  : `largest residual ${formatReadout(fit.maxResidual)}`}
            {lacksOddHarmonics(kernels[i]) &&
              ' — this kernel has no odd harmonics of degree ≥ 3, so it cannot represent them'}
          </li>
        ))}
      </ul>
    </div>
  );
}
