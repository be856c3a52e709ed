/**
 * Training (docs/finite.md §4, §5.3): finite networks for the first NTK instance, trained by full-batch
 * gradient descent on the regression view's circle data from the antisymmetric initialization, drawn over
 * the linearized network's exact prediction after as many steps; their distance to it and the change of
 * their kernel against width (lazy training), and the loss against the step for both initializations at
 * the smallest and the largest width. Play runs the networks through the steps.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Init } from '../../../core/finite/network';
import { LOSS_FLOOR, type TrainingRequest, type TrainingRun } from '../../../core/finite/training';
import { kernelLabel } from '../../../core/kernels/registry';
import { seriesColour } from '../../../figure/palette';
import { controlSpec } from '../../../link';
import { useStore } from '../../../state/store';
import { Panel } from '../../app/Panel';
import { LineChart, type Curve } from '../../charts/LineChart';
import { formatReadout, formatSlope } from '../../charts/format';
import { GlobalParam } from '../../controls/GlobalParam';
import { ListField } from '../../controls/ListField';
import { type TrainingData, useTraining, useTrainingRequest } from './useTraining';
import './training.css';

/** Play shows every frame in this many milliseconds; with reduced motion, one frame per REDUCED_FRAME_MS. */
const PLAY_MS = 4000;
const REDUCED_FRAME_MS = 1000;
const INIT_LABEL: Record<Init, string> = { gaussian: 'Gaussian', orthogonal: 'orthogonal' };
const initSpec = controlSpec('init');

const statusText = (r: TrainingRun) =>
  r.status === 'diverged'
    ? `diverged at step ${r.divergedAt}`
    : r.status === 'skipped'
      ? 'skipped (too large to train here)'
      : `distance ${formatReadout(r.distance ?? 0)}`;

export function TrainingPanel() {
  const request = useTrainingRequest();
  const { ref, data, request: answered, busy, progress } = useTraining(request);
  return (
    <Panel
      id="training"
      title="Training: a finite network against its kernel"
      busy={busy}
      progress={progress}
      progressLabel="networks trained"
      sectionRef={ref}
      className="training"
      computeMs={data?.computeMs}
      note={
        <>
          Networks of the first NTK instance (docs/finite.md §1), of each width m, trained by full-batch gradient
          descent on ½Σ(f(θ<sub>i</sub>) − y<sub>i</sub>)² on the regression view’s data, with the step η = eta · 2/λ
          <sub>max</sub> of the analytic NTK on the data. The antisymmetric initialization f = (f<sub>a</sub> − f
          <sub>b</sub>)/√2 of two equal copies starts at f ≡ 0 (Zhang et al. 2020), so a wide network follows the
          linearized network f<sub>k</sub> = Θ(·, X) V g(Λ) Vᵀ y exactly (dashed): lazy training (Jacot et al. 2018; Lee
          et al. 2019; Chizat et al. 2019). Distance and kernel change shrink with the width; a small width with a large
          step (eta near 1) is where orthogonal and Gaussian weights can train differently (Huang et al. 2021).
        </>
      }
    >
      <TrainingControls />
      {request === null ? (
        <p className="hint" data-testid="training-no-ntk">
          No NTK instance in the kernel list: add one (e.g. ntk(L=1)) — the networks trained here are those whose limit
          is the first NTK.
        </p>
      ) : data && answered ? (
        <TrainingCharts data={data} request={answered} />
      ) : (
        <div className="chart-placeholder">Training the networks…</div>
      )}
    </Panel>
  );
}

/** Memoized: the controls read their own state; a change elsewhere (a kernel slider) does not redraw them. */
const TrainingControls = memo(function TrainingControls() {
  const { widths, init } = useStore(useShallow((s) => ({ widths: s.widths, init: s.init })));
  const { setGlobal } = useStore.getState();
  return (
    <div className="panel-controls">
      <ListField name="widths" value={widths} onCommit={(v) => setGlobal('widths', v)} placeholder="e.g. 16,64,256" />
      <GlobalParam name="eta" context="training" />
      <GlobalParam name="steps" context="training" />
      <fieldset className="segmented">
        <legend>
          Networks drawn: {initSpec.label} (the link's init, shared with the Finite width view; both are trained)
        </legend>
        {(['gaussian', 'orthogonal'] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="training-init"
              checked={init === value}
              onChange={() => setGlobal('init', value)}
            />
            {INIT_LABEL[value]}
          </label>
        ))}
      </fieldset>
    </div>
  );
});

function TrainingCharts({ data, request }: { data: TrainingData; request: TrainingRequest }) {
  // the trained instance's own position, for its one name (the first NTK need not be kernel 1)
  const kernels = useStore((s) => s.kernels);
  const init = useStore((s) => s.init);
  const [frame, setFrame] = useState<number | null>(null);
  // a new result shows its final step
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on every new result
  useEffect(() => setFrame(null), [data]);
  const n = request.theta.length;
  const diverged = data.runs.filter((r) => r.status === 'diverged');
  return (
    <>
      <PlayControls data={data} frame={frame} setFrame={setFrame} />
      {n === 0 && (
        <p className="hint">
          No data points: add some in the regression view; with no data nothing is learned (f ≡ 0).
        </p>
      )}
      {diverged.length > 0 && (
        <p className="hint" role="status" data-testid="training-diverged">
          Diverged (the loss left every bound; the step is too large for this network’s own kernel):{' '}
          {diverged.map((r) => `${INIT_LABEL[r.init]} m = ${r.m} at step ${r.divergedAt}`).join('; ')}.
        </p>
      )}
      <div className="chart-grid">
        <FunctionsChart data={data} request={request} init={init} frame={frame} />
        <LossChart data={data} request={request} />
        <WidthChart data={data} quantity="distance" />
        <WidthChart data={data} quantity="kernelChange" />
      </div>
      <p className="training-readout" data-testid="training-readout">
        {kernelLabel(request.kernel, Math.max(0, kernels.indexOf(request.kernel)))} on {n} points: λ<sub>max</sub> ={' '}
        {formatReadout(data.lambdaMax)}, η = {formatReadout(data.step)} ({request.steps} steps).{' '}
        {data.slopes.map((s) => (
          <span key={s.init}>
            {INIT_LABEL[s.init]}: distance slope {s.distance === null ? '—' : formatSlope(s.distance)}, kernel-change
            slope {s.kernelChange === null ? '—' : formatSlope(s.kernelChange)}.{' '}
          </span>
        ))}
        (m<sup>−1/2</sup>: −0.5.)
      </p>
    </>
  );
}

function PlayControls({
  data,
  frame,
  setFrame,
}: {
  data: TrainingData;
  frame: number | null;
  setFrame(f: number | null): void;
}) {
  const [playing, setPlaying] = useState(false);
  const timer = useRef(0);
  const last = data.frameSteps.length - 1;
  useEffect(() => {
    if (!playing) return;
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const every = reduced ? REDUCED_FRAME_MS : PLAY_MS / Math.max(1, last);
    let f = 0;
    setFrame(0);
    timer.current = window.setInterval(() => {
      f++;
      if (f >= last) {
        window.clearInterval(timer.current);
        setFrame(null);
        setPlaying(false);
      } else setFrame(f);
    }, every);
    return () => window.clearInterval(timer.current);
  }, [playing, last, setFrame]);
  const shown = frame ?? last;
  return (
    <div className="play-controls panel-actions">
      <button type="button" onClick={() => setPlaying(!playing)} aria-pressed={playing} disabled={last < 1}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <label className="training-frame">
        step shown
        <input
          type="range"
          min={0}
          max={Math.max(0, last)}
          value={shown}
          onChange={(e) => {
            setPlaying(false);
            const f = Number(e.target.value);
            setFrame(f === last ? null : f);
          }}
          aria-valuetext={`step ${data.frameSteps[shown] ?? 0}`}
        />
      </label>
      <span role="status" data-testid="training-step">
        step {data.frameSteps[shown] ?? 0} of {data.frameSteps[last] ?? 0}
      </span>
    </div>
  );
}

const FunctionsChart = memo(function FunctionsChart({
  data,
  request,
  init,
  frame,
}: {
  data: TrainingData;
  request: TrainingRequest;
  init: Init;
  frame: number | null;
}) {
  const final = frame === null;
  const theta = final ? data.theta : data.frameTheta;
  const xs = useMemo(() => Array.from(theta, (t) => (t * 180) / Math.PI), [theta]);
  const runs = data.runs.filter((r) => r.init === init);
  const curves: Curve[] = [
    ...runs.map((r, j) => ({
      label: `m = ${r.m}${r.status === 'trained' ? '' : ` (${statusText(r)})`}`,
      colour: seriesColour(j),
      id: `m${r.m}`,
      values: (final ? r.network : r.frames[frame]) ?? new Float64Array(xs.length).fill(Number.NaN),
    })),
    {
      label: 'linearized network (kernel)',
      colour: 'var(--fg)',
      reference: true,
      dashed: true,
      values: final ? data.kernelFlow : data.kernelFlowFrames[frame],
    },
  ];
  const step = final ? request.steps : data.frameSteps[frame];
  const ys = request.y;
  const size = Math.max(1, ...ys.map(Math.abs));
  return (
    <LineChart
      xs={xs}
      curves={curves}
      xDomain={[0, 360]}
      yDomain={[-1.6 * size, 1.6 * size]}
      x={{ label: 'angle θ on the circle (degrees)' }}
      y={{ label: `f(θ) after ${step} steps` }}
      readoutTitle={(i) => `θ = ${formatReadout(xs[i])}°`}
      summary={`The ${INIT_LABEL[init]} networks of each width after ${step} gradient steps and the linearized network's prediction, over the circle, with the ${ys.length} data points.`}
      testId="training-functions"
      height={260}
      data={{ widths: runs.map((r) => r.m).join(','), step: String(step) }}
      overlay={({ x, y }) => (
        <g>
          {request.theta.map((t, i) => (
            <circle
              key={i}
              cx={x((t * 180) / Math.PI)}
              cy={y(ys[i])}
              r={4}
              fill="none"
              stroke="currentColor"
              strokeWidth={1.5}
            />
          ))}
        </g>
      )}
    />
  );
});

const LossChart = memo(function LossChart({ data, request }: { data: TrainingData; request: TrainingRequest }) {
  const xs = useMemo(() => Float64Array.from({ length: request.steps + 1 }, (_, k) => k), [request.steps]);
  const widths = [...new Set(data.runs.map((r) => r.m))];
  const ends = widths.length > 1 ? [widths[0], widths[widths.length - 1]] : widths;
  const floor = data.initialLoss * LOSS_FLOOR;
  // after the loss of a diverged run ends, nothing is drawn; a converged loss rides along the floor
  const withStart = (loss: Float64Array) => {
    const v = new Float64Array(xs.length).fill(Number.NaN);
    v[0] = data.initialLoss;
    v.set(
      loss.map((l) => Math.max(l, floor)),
      1,
    );
    return v;
  };
  const curves: Curve[] = [
    ...data.runs
      .filter((r) => ends.includes(r.m))
      .map((r) => ({
        label: `${INIT_LABEL[r.init]}, m = ${r.m}${r.status === 'trained' ? '' : ` (${statusText(r)})`}`,
        colour: seriesColour((r.init === 'orthogonal' ? 1 : 0) + (r.m === ends[0] && ends.length > 1 ? 0 : 2)),
        dashed: r.init === 'orthogonal',
        id: `${r.init}-${r.m}`,
        values: withStart(r.loss),
      })),
    { label: 'linearized network (kernel)', colour: 'var(--fg)', reference: true, values: withStart(data.kernelLoss) },
  ];
  const finite = curves.flatMap((c) => Array.from(c.values).filter((v) => Number.isFinite(v) && v > 0));
  const lo = finite.length ? Math.min(...finite) : 1e-3;
  const hi = finite.length ? Math.max(...finite) : 1;
  return (
    <LineChart
      xs={xs}
      curves={curves}
      xDomain={[0, request.steps]}
      yDomain={[lo / 2, hi * 2]}
      x={{ label: 'gradient step k' }}
      y={{ label: 'training loss ½Σ(f − y)²', log: true }}
      hint={`Losses below ${formatReadout(floor)} (10⁻¹² of the initial loss) are drawn at that floor.`}
      readoutTitle={(i) => `step ${i}`}
      summary={`Training loss against the step for Gaussian and orthogonal initialization at widths ${ends.join(' and ')}, and the linearized network's loss.`}
      testId="training-loss"
      height={260}
    />
  );
});

const WIDTH_QUANTITY = {
  distance: { label: 'RMS_θ (network − linearized)', title: 'distance to the linearized network' },
  kernelChange: { label: '‖Θ_t − Θ₀‖_F / ‖Θ₀‖_F', title: 'relative change of the empirical NTK' },
} as const;

const WidthChart = memo(function WidthChart({
  data,
  quantity,
}: {
  data: TrainingData;
  quantity: 'distance' | 'kernelChange';
}) {
  const widths = [...new Set(data.runs.map((r) => r.m))];
  const xs = widths;
  const inits = data.slopes.map((s) => s.init);
  const curves: Curve[] = inits.map((init, i) => {
    const slope = data.slopes[i][quantity];
    return {
      label: `${INIT_LABEL[init]}${slope === null ? '' : ` (slope ${formatSlope(slope)})`}`,
      colour: seriesColour(i),
      id: init,
      values: widths.map((m) => data.runs.find((r) => r.init === init && r.m === m)?.[quantity] ?? Number.NaN),
    };
  });
  const first = curves[0]?.values[0];
  if (widths.length > 1 && first !== undefined && Number.isFinite(first) && first > 0) {
    curves.push({
      label: '1/√m (slope −½)',
      colour: 'var(--fg)',
      reference: true,
      dashed: true,
      values: widths.map((m) => first * Math.sqrt(widths[0] / m)),
    });
  }
  const finite = curves.flatMap((c) => Array.from(c.values).filter((v) => Number.isFinite(v) && v > 0));
  const lo = finite.length ? Math.min(...finite) : 1e-3;
  const hi = finite.length ? Math.max(...finite) : 1;
  const { label, title } = WIDTH_QUANTITY[quantity];
  return (
    <LineChart
      xs={xs}
      curves={curves}
      xDomain={[widths[0] / 1.5, widths[widths.length - 1] * 1.5]}
      yDomain={[lo / 2, hi * 2]}
      x={{ label: 'width m', log: true }}
      y={{ label, log: true }}
      readoutTitle={(i) => `m = ${widths[i]}`}
      markers
      summary={`The ${title} after training, against the width, log–log, for both initializations, with the 1/√m reference.`}
      testId={`training-${quantity === 'distance' ? 'distance' : 'kernel-change'}`}
      height={220}
    />
  );
});
