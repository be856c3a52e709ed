/**
 * The "Finite width" view (docs/finite.md §5): the empirical NTK of random finite networks of width m
 * beside the analytic NTK of every NTK instance of the kernel list, over the angle, and how fast the
 * difference closes as the width grows, for Gaussian and orthogonal initialization.
 */
import { memo, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { kernelLabel } from '../../../core/kernels/registry';
import type { Init } from '../../../core/finite/network';
import {
  INITS,
  ntkInstances,
  TARGET_ERROR,
  type WidthConvergence,
  type WidthConvergenceRequest,
  type WidthSeriesRequest,
  type WidthSeriesView,
} from '../../../core/views/finiteWidth';
import { seriesColour } from '../../../figure/palette';
import { readIntegers } from '../../../link';
import { useStore } from '../../../state/store';
import type { Timed } from '../../../workerClient/api';
import { computeWidthConvergence, computeWidthSeries, onWidthProgress } from '../../../workerClient/width';
import { LineChart, ReadoutLine, type Curve, type Scales } from '../../charts/LineChart';
import { formatReadout, formatSlope } from '../../charts/format';
import { ListField } from '../../controls/ListField';
import { GlobalParam } from '../../controls/GlobalParam';
import { computation, useComputation } from '../../compute/useComputation';
import { type ProgressSource, useProgress } from '../../compute/progress';
import { Panel } from '../../app/Panel';
import './width.css';

const seriesView = computation(computeWidthSeries);
const convergenceView = computation(computeWidthConvergence);

export const INIT_LABEL: Record<Init, string> = { gaussian: 'Gaussian', orthogonal: 'orthogonal' };

/** The progress of each kind of request (both parts together). */
const PROGRESS: Record<'series' | 'convergence', ProgressSource> = {
  series: (listener) => onWidthProgress('series', listener),
  convergence: (listener) => onWidthProgress('convergence', listener),
};

export function WidthPanel() {
  const s = useStore(
    useShallow((st) => ({
      kernels: st.kernels,
      d: st.d,
      m: st.m,
      seeds: st.seeds,
      seed: st.seed,
      init: st.init,
      widths: st.widths,
      norm: st.norm,
    })),
  );
  const hasNtk = ntkInstances(s.kernels).length > 0;
  const base = { kernels: s.kernels, d: s.d, seeds: s.seeds, seed: s.seed };
  const seriesReq: WidthSeriesRequest = { ...base, m: s.m, init: s.init, unit: s.norm === 'unit' };
  const convergenceReq: WidthConvergenceRequest = { ...base, widths: readIntegers(s.widths) };
  const series = useComputation(seriesView, hasNtk ? seriesReq : null, {
    failure: 'The finite-width kernels could not be computed',
    onScreen: true,
  });
  // the convergence (seconds to minutes) starts once the profiles are drawn, so that it never delays them
  const seriesDrawn = series.request !== null && JSON.stringify(series.request) === JSON.stringify(seriesReq);
  const convergence = useComputation(convergenceView, hasNtk && seriesDrawn ? convergenceReq : null, {
    failure: 'The convergence with the width could not be computed',
    onScreen: true,
  });
  const seriesProgress = useProgress(PROGRESS.series, JSON.stringify(seriesReq));
  const convergenceProgress = useProgress(PROGRESS.convergence, JSON.stringify(convergenceReq));
  const busy = series.busy || convergence.busy;
  const [lines, setLines] = useState(false);
  return (
    <Panel
      id="width"
      title="Finite width: a real network’s tangent kernel"
      busy={busy}
      progress={series.busy ? seriesProgress : convergenceProgress}
      progressLabel={series.busy ? 'Finite-width kernels progress' : 'Convergence progress'}
      sectionRef={series.ref}
      className="width-view"
      computeMs={series.data?.computeMs}
      note={
        <>
          Every kernel the app draws is the limit of infinitely wide networks. Here are real ones: ReLU networks of
          width m with L hidden layers in the NTK parameterization (docs/finite.md §1), Gaussian or orthogonal weights,
          drawn from the seed. Their tangent kernel Θ<sub>m</sub>(x, z) = Σ<sub>p</sub> ∂f(x)/∂p · ∂f(z)/∂p is computed
          exactly (one forward and one backward pass per input) for x at the north pole and z along a great circle, and
          drawn against the formula (Jacot et al. 2018): the mean and a ±1 sd band over the networks, or each network as
          a thin line. As m grows the band closes on the formula; the error (RMS over the angle, relative) falls like m
          <sup>−1/2</sup> (Hanin &amp; Nica 2020), for orthogonal weights as for Gaussian ones (Huang et al. 2021). The
          readout extrapolates the fitted line to the width that a 1 % error needs.
        </>
      }
    >
      <WidthControls lines={lines} onLines={setLines} />
      {!hasNtk ? (
        <p className="hint" data-testid="width-no-ntk">
          The kernel list has no NTK instance: add one (ReLU NTK) to compare it with finite networks.
        </p>
      ) : (
        <div className="width-charts">
          {series.data && series.request ? (
            <ProfileChart data={series.data} lines={lines} />
          ) : (
            <div className="chart-placeholder">Computing the finite networks’ kernels…</div>
          )}
          <section ref={convergence.ref} className="width-convergence" aria-label="Convergence with the width">
            {convergence.data && convergence.request ? (
              <ConvergenceCharts data={convergence.data} />
            ) : (
              <div className="chart-placeholder">Computing the convergence with the width…</div>
            )}
          </section>
        </div>
      )}
    </Panel>
  );
}

const WidthControls = memo(function WidthControls({ lines, onLines }: { lines: boolean; onLines(v: boolean): void }) {
  const { init, widths } = useStore(useShallow((st) => ({ init: st.init, widths: st.widths })));
  const { setGlobal } = useStore.getState();
  return (
    <>
      <div className="panel-actions">
        <GlobalParam name="m" context="finite width" />
        <GlobalParam name="seeds" context="finite width" />
        <label className="param">
          initialization{' '}
          <select value={init} onChange={(e) => setGlobal('init', e.target.value as Init)}>
            {INITS.map((v) => (
              <option key={v} value={v}>
                {INIT_LABEL[v]}
              </option>
            ))}
          </select>
        </label>
        <label className="param param-toggle">
          <input type="checkbox" checked={lines} onChange={(e) => onLines(e.target.checked)} /> each network as a line
        </label>
      </div>
      <div className="panel-controls">
        <ListField name="widths" value={widths} onCommit={(v) => setGlobal('widths', v)} placeholder="16,64,256,1024" />
      </div>
    </>
  );
});

const ProfileChart = memo(function ProfileChart({ data, lines }: { data: WidthSeriesView & Timed; lines: boolean }) {
  const xs = useMemo(() => Array.from(data.theta, (t) => (t * 180) / Math.PI), [data.theta]);
  const curves = useMemo<Curve[]>(
    () =>
      data.series.flatMap((s) => [
        {
          label: `${kernelLabel(s.kernel, s.index)}: formula`,
          colour: seriesColour(s.index),
          values: s.analytic,
          dashed: true,
        },
        {
          label: `${kernelLabel(s.kernel, s.index)}: mean of ${data.seeds} networks`,
          colour: seriesColour(s.index),
          values: s.mean,
        },
      ]),
    [data],
  );
  // a loop, not Math.min(...values): 256 networks × 91 angles × 8 kernels would overflow the call stack
  let [lo, hi] = [Infinity, -Infinity];
  const take = (v: number) => {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  };
  for (const s of data.series) {
    for (const v of s.analytic) take(v);
    if (lines) for (const network of s.networks) for (const v of network) take(v);
    else
      s.mean.forEach((v, j) => {
        take(v - s.sd[j]);
        take(v + s.sd[j]);
      });
  }
  const pad = (hi - lo) * 0.05 || 1;
  const spread = ({ x, y }: Scales) => (
    <g className="width-spread">
      {data.series.map((s) =>
        lines ? (
          s.networks.map((v, i) => (
            <path
              key={`${s.index}-${i}`}
              d={pathOf(xs, v, x, y)}
              stroke={seriesColour(s.index)}
              className="network-line"
              fill="none"
            />
          ))
        ) : (
          <path key={s.index} d={bandOf(xs, s.mean, s.sd, x, y)} fill={seriesColour(s.index)} className="sd-band" />
        ),
      )}
    </g>
  );
  return (
    <LineChart
      xs={xs}
      curves={curves}
      xDomain={[0, 180]}
      yDomain={[lo - pad, hi + pad]}
      x={{ label: 'angle θ between x and z (degrees)' }}
      y={{ label: 'Θ(x, z)' }}
      underlay={spread}
      legendExtra={[
        {
          label: lines ? 'each network (thin lines)' : '±1 sd over the networks (band)',
          className: lines ? 'network-line' : 'sd-band',
        },
      ]}
      readoutTitle={(j) => `θ = ${formatReadout(xs[j])}°`}
      readoutLines={(j) =>
        data.series.map((s) => (
          <ReadoutLine key={s.index} colour={seriesColour(s.index)}>
            {kernelLabel(s.kernel, s.index)}: formula {formatReadout(s.analytic[j])}, networks{' '}
            {formatReadout(s.mean[j])} ± {formatReadout(s.sd[j])}
          </ReadoutLine>
        ))
      }
      summary={`Tangent kernel of ${data.seeds} ${INIT_LABEL[data.init]} networks of width ${data.m} against the NTK formula over the angle, for ${data.series.length} NTK instances.`}
      testId="width-profile"
      height={280}
      data={{ 'compute-ms': data.computeMs.toFixed(1), m: String(data.m) }}
    />
  );
});

type Scale = Scales['x'];
function pathOf(xs: readonly number[], v: ArrayLike<number>, x: Scale, y: Scale): string {
  return xs.map((t, j) => `${j === 0 ? 'M' : 'L'}${x(t).toFixed(1)},${y(v[j]).toFixed(1)}`).join('');
}
function bandOf(xs: readonly number[], mean: ArrayLike<number>, sd: ArrayLike<number>, x: Scale, y: Scale): string {
  const upper = xs.map((t, j) => `${j === 0 ? 'M' : 'L'}${x(t).toFixed(1)},${y(mean[j] + sd[j]).toFixed(1)}`);
  const lower = xs.map((t, j) => `L${x(t).toFixed(1)},${y(mean[j] - sd[j]).toFixed(1)}`).reverse();
  return `${upper.join('')}${lower.join('')}Z`;
}

/** "≈ 3.2·10⁴ (extrapolated)" — the width the fitted line needs for a 1 % error. */
export function widthForReadout(c: WidthConvergence): string {
  if (c.slope === null) return '— (needs two widths)';
  if (c.widthFor1Percent === null) return 'not reached (the error does not fall with the width)';
  const w = formatReadout(Math.round(c.widthFor1Percent));
  return c.extrapolated ? `≈ ${w} (extrapolated from the fit)` : `≈ ${w}`;
}

const ConvergenceCharts = memo(function ConvergenceCharts({
  data,
}: {
  data: { convergence: WidthConvergence[] } & Timed;
}) {
  return (
    <>
      <div className="chart-grid">
        {INITS.map((init) => (
          <ConvergenceChart key={init} init={init} rows={data.convergence.filter((c) => c.init === init)} />
        ))}
      </div>
      <table className="numbers-table width-table" data-testid="width-table">
        <caption>Fitted slope of log error against log width, and the width for a {TARGET_ERROR * 100} % error</caption>
        <thead>
          <tr>
            <th scope="col">kernel</th>
            <th scope="col">initialization</th>
            <th scope="col">slope</th>
            <th scope="col">width for 1 %</th>
          </tr>
        </thead>
        <tbody>
          {data.convergence.map((c) => (
            <tr key={`${c.index}-${c.init}`}>
              <th scope="row">
                <span className="swatch" style={{ background: seriesColour(c.index) }} aria-hidden="true" />{' '}
                {kernelLabel(c.kernel, c.index)}
              </th>
              <td>{INIT_LABEL[c.init]}</td>
              <td>{c.slope === null ? '— (needs two widths)' : c.slope.toFixed(2)}</td>
              <td>{widthForReadout(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
});

function ConvergenceChart({ init, rows }: { init: Init; rows: WidthConvergence[] }) {
  const widths = rows[0].widths;
  const errors = rows.flatMap((r) => r.error).filter((e) => e > 0);
  const lo = Math.min(...errors, TARGET_ERROR);
  const hi = Math.max(...errors);
  const first = widths[0];
  const last = widths[widths.length - 1];
  const xDomain: [number, number] = first === last ? [first / 2, last * 2] : [first / 1.3, last * 1.3];
  const curves: Curve[] = rows.map((r) => ({
    label: `${kernelLabel(r.kernel, r.index)}${r.slope === null ? '' : `, slope ${formatSlope(r.slope)}`}`,
    colour: seriesColour(r.index),
    values: r.error,
  }));
  // the m^{−1/2} reference through the first error of the first kernel
  const anchor = rows[0].error[0];
  const lines = ({ x, y }: Scales) => (
    <g>
      <line
        x1={x(xDomain[0])}
        x2={x(xDomain[1])}
        y1={y(anchor * Math.sqrt(first / xDomain[0]))}
        y2={y(anchor * Math.sqrt(first / xDomain[1]))}
        className="reference"
      />
      {rows.map((r) =>
        r.slope === null || r.intercept === null ? null : (
          <line
            key={r.index}
            x1={x(xDomain[0])}
            x2={x(xDomain[1])}
            y1={y(10 ** r.intercept * xDomain[0] ** r.slope)}
            y2={y(10 ** r.intercept * xDomain[1] ** r.slope)}
            stroke={seriesColour(r.index)}
            strokeDasharray="5 4"
            className="fit-line"
          />
        ),
      )}
    </g>
  );
  const overlay = ({ x, y }: Scales) => (
    <g>
      {rows.flatMap((r) =>
        r.error.map((e, w) =>
          e > 0 ? (
            <circle key={`${r.index}-${w}`} cx={x(widths[w])} cy={y(e)} r={3.5} fill={seriesColour(r.index)} />
          ) : null,
        ),
      )}
    </g>
  );
  return (
    <LineChart
      xs={widths}
      curves={curves}
      xDomain={xDomain}
      yDomain={[lo / 1.5, hi * 1.5]}
      x={{ label: 'width m', log: true }}
      y={{ label: `relative RMS error, ${INIT_LABEL[init]}`, log: true }}
      underlay={lines}
      overlay={overlay}
      legendExtra={[
        { label: 'reference line 1/√m (slope −½)', className: 'reference' },
        { label: 'least-squares fit (dashed)', className: 'fit-line' },
      ]}
      readoutTitle={(w) => `m = ${widths[w]}`}
      summary={`Relative RMS error of the tangent kernel of ${INIT_LABEL[init]} networks against the formula, by width, log–log, with the fitted slopes: ${rows.map((r) => `${kernelLabel(r.kernel, r.index)} ${r.slope === null ? 'no fit' : r.slope.toFixed(2)}`).join('; ')}.`}
      testId={`width-convergence-${init}`}
      height={240}
      keySteps={[1, 1]}
    />
  );
}
