/**
 * Spectral bias (docs/function-space.md): kernel gradient flow on a target made of zonal harmonics. The
 * degree-k part of the residual decays like exp(−λ_k t), so each kernel learns the degrees in the order
 * of its eigenvalues: the time to learn degree k grows like k^d for NTK and Laplace alike, and much faster
 * for the Gaussian. A time slider (and Play) shows the learned function and which degrees are learned.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { KernelInstance } from '../../../core/kernels/registry';
import { LEARNED_RESIDUAL, type LearningCurves, type LearningViewRequest } from '../../../core/functionSpace/learning';
import { seriesColour } from '../../../figure/palette';
import { readIntegers } from '../../../link';
import { useStore } from '../../../state/store';
import type { Timed } from '../../../workerClient/api';
import { callWorker } from '../../../workerClient/client';
import { LineChart, type Curve } from '../../charts/LineChart';
import { formatReadout } from '../../charts/format';
import { ListField } from '../../controls/ListField';
import { computation, useComputation } from '../../compute/useComputation';
import './learning.css';
import { kernelLabel } from '../../../core/kernels/registry';
import { Panel } from '../../app/Panel';
import { GlobalParam } from '../../controls/GlobalParam';

type Result = LearningCurves & Timed;
const computeLearning = (req: LearningViewRequest) => callWorker('function', (w) => w.learning(req) as Promise<Result>);
/** At most one call in flight while a drag runs; the last result kept (a view scrolled back is drawn at once). */
const learningView = computation(computeLearning, { channel: 'coalesced', keep: 1 });

/** Play runs t over the time grid, log-uniformly, in this many milliseconds. */
const PLAY_MS = 8000;

export function LearningPanel() {
  const { kernels, d, norm, harm, t } = useStore(
    useShallow((s) => ({ kernels: s.kernels, d: s.d, norm: s.norm, harm: s.harm, t: s.t })),
  );
  const req: LearningViewRequest = { kernels, d, unit: norm === 'unit', degrees: readIntegers(harm), t };
  const { ref, data, request, busy } = useComputation(learningView, req, {
    failure: 'The learning curves could not be computed',
    onScreen: true,
  });
  return (
    <Panel
      id="learning"
      title="Spectral bias: which frequencies are learned first"
      busy={busy}
      sectionRef={ref}
      className="learning"
      computeMs={data?.computeMs}
      note={
        <>
          Kernel gradient flow df/dt = −η L<sub>k</sub>(f − g) from f = 0 on S<sup>d−1</sup>, with the target g = Σ P
          <sub>k</sub> a sum of zonal harmonics of the chosen degrees. The degree-k part of the residual is exactly e
          <sup>
            −λ<sub>k</sub>t
          </sup>{' '}
          (time in units of 1/η), so degree k is learned (residual below 10 %) at t<sub>k</sub> = ln 10 / λ<sub>k</sub>.
          NTK and Laplace (λ<sub>k</sub> ~ k<sup>−d</sup>) learn in the same order at times growing like k<sup>d</sup>
          (Basri et al. 2019). The Gaussian’s times grow faster than any power; the bias-free one-hidden-layer NTK never
          learns odd k ≥ 3, and the deeper bias-free NTKs learn some odd degrees after the next even one (try degrees
          8,9,10,11,12 with ntk(L=2)).
        </>
      }
    >
      <LearningControls data={data} />
      {data && request ? (
        <>
          <div className="chart-grid">
            <TimesChart data={data} kernels={request.kernels} d={request.d} />
            <ProfileAtT data={data} kernels={request.kernels} />
          </div>
          <LearningTable data={data} kernels={request.kernels} />
        </>
      ) : (
        <div className="chart-placeholder">Computing the learning curves…</div>
      )}
    </Panel>
  );
}

/** Memoized: the controls read their own state; a change elsewhere (a kernel slider) does not redraw them. */
const LearningControls = memo(function LearningControls({ data }: { data: Result | null }) {
  const { harm, t, d } = useStore(useShallow((s) => ({ harm: s.harm, t: s.t, d: s.d })));
  const { setGlobal, commit } = useStore.getState();
  const [playing, setPlaying] = useState(false);
  const frame = useRef(0);
  // only Play starts the animation: the range is read then, and the data it changes does not restart it
  const range = data ? ([data.time[0], data.time[data.time.length - 1]] as const) : null;
  const playRange = useRef(range);
  playRange.current = range;
  useEffect(() => {
    if (!playing || playRange.current === null) return;
    const [lo, hi] = playRange.current;
    const { setGlobal } = useStore.getState();
    const start = performance.now();
    const tick = (now: number) => {
      const s = Math.min(1, (now - start) / PLAY_MS);
      const value = Number((lo * Math.pow(hi / lo, s)).toPrecision(3));
      setGlobal('t', value, s === 1);
      if (s < 1) frame.current = requestAnimationFrame(tick);
      else setPlaying(false);
    };
    frame.current = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame.current);
  }, [playing]);
  const stop = () => {
    setPlaying(false);
    commit();
  };
  return (
    <>
      <div className="panel-controls">
        <ListField name="harm" value={harm} onCommit={(v) => setGlobal('harm', v)} placeholder="e.g. 1,2,3,4,8" />
      </div>
      {/* outside .panel-controls: a lecturer's controls, kept in presentation mode */}
      <div className="panel-actions">
        <GlobalParam name="t" context="spectral bias" />
      </div>
      <div className="play-controls panel-actions">
        <button
          type="button"
          onClick={() => (playing ? stop() : setPlaying(true))}
          disabled={range === null}
          aria-pressed={playing}
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <span>
          t = {formatReadout(t)}. Play runs t from {range ? formatReadout(range[0]) : '…'} to{' '}
          {range ? formatReadout(range[1]) : '…'} on S<sup>{d - 1}</sup> (d = {d}, set in the spectrum view).
        </span>
      </div>
    </>
  );
});

const TimesChart = memo(function TimesChart({
  data,
  kernels,
  d,
}: {
  data: Result;
  kernels: readonly KernelInstance[];
  d: number;
}) {
  // a log axis only where it spreads the degrees out (and has no k = 0)
  const xLog = data.degrees[0] >= 1 && data.degrees[data.degrees.length - 1] / data.degrees[0] >= 20;
  const curves = useMemo<Curve[]>(
    () =>
      data.kernels.map((kc, i) => ({
        label: kernelLabel(kernels[i], i),
        colour: seriesColour(i),
        values: kc.degrees.map((c) => c.timeToLearn ?? NaN),
      })),
    [data, kernels],
  );
  const finite = curves.flatMap((c) => Array.from(c.values).filter(Number.isFinite));
  const lo = Math.min(data.t > 0 ? data.t : Infinity, ...finite);
  const hi = Math.max(data.t, ...finite);
  const yDomain: [number, number] = finite.length > 0 ? [lo / 3, hi * 3] : [1e-3, 1e3];
  const first = data.degrees[0];
  const last = data.degrees[data.degrees.length - 1];
  const xDomain: [number, number] = xLog ? [first / 1.2, last * 1.2] : [first - 0.5, last + 0.5];
  return (
    <LineChart
      xs={data.degrees}
      curves={curves}
      xDomain={xDomain}
      yDomain={yDomain}
      x={{ label: 'degree k of the harmonic', log: xLog }}
      y={{ label: 'time to learn tₖ (units of 1/η)', log: true }}
      readoutTitle={(i) => `k = ${data.degrees[i]}`}
      summary={`Time to learn each degree k for ${kernels.length} kernels on S^${d - 1}; the dashed line is the current time t: degrees below it are learned.`}
      testId="learning-times"
      height={260}
      overlay={({ x, y }) => (
        <g>
          {data.t > 0 && (
            <g className="time-now">
              <line
                x1={x.range()[0]}
                x2={x.range()[1]}
                y1={y(data.t)}
                y2={y(data.t)}
                stroke="currentColor"
                strokeDasharray="4 3"
              />
              <text x={x.range()[0] + 4} y={y(data.t) - 4} className="reference-label">
                now: t = {formatReadout(data.t)}
              </text>
            </g>
          )}
          {curves.map((c, i) =>
            Array.from(c.values).map((v, q) =>
              Number.isFinite(v) ? (
                <circle key={`${i}-${q}`} cx={x(data.degrees[q])} cy={y(v)} r={3.5} fill={c.colour} />
              ) : null,
            ),
          )}
        </g>
      )}
    />
  );
});

const ProfileAtT = memo(function ProfileAtT({ data, kernels }: { data: Result; kernels: readonly KernelInstance[] }) {
  const xs = useMemo(() => Array.from(data.theta, (v) => (v * 180) / Math.PI), [data.theta]);
  const curves = useMemo<Curve[]>(
    () => [
      ...data.kernels.map((kc, i) => ({
        label: kernelLabel(kernels[i], i),
        colour: seriesColour(i),
        values: kc.profile,
      })),
      { label: 'target g', colour: 'var(--fg)', values: data.target, reference: true },
    ],
    [data, kernels],
  );
  return (
    <LineChart
      xs={xs}
      curves={curves}
      xDomain={[0, 180]}
      x={{ label: 'angle θ from the pole (degrees)' }}
      y={{ label: `f_t(θ) at t = ${formatReadout(data.t)}` }}
      readoutTitle={(i) => `θ = ${formatReadout(xs[i])}°`}
      summary={`The learned function at time ${formatReadout(data.t)} for each kernel, and the target, over the angle from the pole.`}
      testId="learning-profile"
      height={240}
    />
  );
});

function LearningTable({ data, kernels }: { data: Result; kernels: readonly KernelInstance[] }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Learning table (scrolls sideways)">
      <table className="numbers-table learning-table" data-testid="learning-table">
        <caption>
          Residual of each degree at t = {formatReadout(data.t)} (learned: below 10 %), time to learn t<sub>k</sub>, and
          the order in which the degrees are learned
        </caption>
        <thead>
          <tr>
            <th scope="col">k</th>
            {kernels.map((k, i) => (
              <th key={i} scope="col">
                <span className="swatch" style={{ background: seriesColour(i) }} aria-hidden="true" />{' '}
                {kernelLabel(k, i)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.degrees.map((k, q) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              {data.kernels.map((kc, i) => {
                const c = kc.degrees[q];
                const learned = c.residualAtT < LEARNED_RESIDUAL;
                return (
                  <td key={i} className={learned ? 'learned' : undefined}>
                    {formatReadout(100 * c.residualAtT)} %{learned ? ' ✓' : ''}
                    <br />
                    <small>
                      t<sub>k</sub> = {c.timeToLearn === null ? 'never' : formatReadout(c.timeToLearn)}
                    </small>
                  </td>
                );
              })}
            </tr>
          ))}
          <tr>
            <th scope="row">order</th>
            {data.kernels.map((kc, i) => (
              <td key={i} data-testid={`learning-order-${i}`}>
                {kc.order
                  .map((k) => (kc.degrees.find((c) => c.k === k)!.timeToLearn === null ? `(${k})` : String(k)))
                  .join(' → ')}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
