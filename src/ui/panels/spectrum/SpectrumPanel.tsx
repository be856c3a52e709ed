/**
 * Spectrum panel (math.md §3–4): Mercer eigenvalues λ_k on S^{d−1} against k, log–log, for every kernel;
 * even and odd degrees drawn apart, eigenvalues at or below the accuracy floor on a marked strip, reference
 * rates with their theorems, fitted tail slopes with their window. Numbers come from the worker.
 */
import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { familyOf, kernelLabel } from '../../../core/kernels/registry';
import type { SpectrumQuantity } from '../../../core/views/spectrumPlot';
import { controlSpec } from '../../../link';
import { useStore } from '../../../state/store';
import { colourOf } from '../../../figure/palette';
import { formatFromLog10, formatReadout, formatSlope } from '../../charts/format';
import { type Curve, type Frame, LineChart, ReadoutLine, type Scales } from '../../charts/LineChart';
import { PairPicker } from '../../controls/PairPicker';
import { ParamControl } from '../../controls/ParamControl';
import { TheoremCard } from './TheoremCard';
import { useSpectrum, type SpectrumData } from './useSpectrum';
import { Panel } from '../../app/Panel';
import './spectrum.css';

const HEIGHT = 340;
const STRIP_ROW = 4;

const QUANTITIES: readonly [SpectrumQuantity, string][] = [
  ['lambda', 'λ_k'],
  ['relative', 'λ_k / λ_0'],
  ['weighted', 'N(d,k)·λ_k'],
  ['ratio', 'ratio λ_k(A)/λ_k(B)'],
];

export function SpectrumPanel() {
  const { data, busy, progress } = useSpectrum();
  return (
    <Panel
      id="spectrum"
      title="Eigenvalue decay on the sphere"
      busy={busy}
      progress={progress}
      progressLabel="Spectrum progress"
      note={
        <>
          Mercer eigenvalues λ_k of degree-k spherical harmonics (Funk–Hecke, uniform measure on S^(d−1)). NTK and
          Laplace decay at the same rate k^−d, hence the same RKHS; γ-exponential kernels decay like k^−(d−1+γ).
        </>
      }
    >
      <SpectrumControls />
      {data ? <SpectrumChart data={data} /> : <div className="chart-placeholder">Computing the spectrum…</div>}
      {data && <TheoremCard data={data} />}
      {data && <FitTable data={data} />}
    </Panel>
  );
}

/** Memoized: it reads its own state, so a change elsewhere (a kernel slider, a new result) does not redraw it. */
const SpectrumControls = memo(function SpectrumControls() {
  const s = useStore(
    useShallow((st) => ({ d: st.d, kmax: st.kmax, y: st.y, parity: st.parity, klo: st.klo, khi: st.khi })),
  );
  const { setGlobal, commit } = useStore.getState();
  const spec = controlSpec;
  const number = (key: 'd' | 'kmax' | 'klo' | 'khi') => (
    <ParamControl
      spec={spec(key)}
      value={s[key]}
      context="spectrum"
      onChange={(v, c) => setGlobal(key, v as number, c)}
      onCommit={commit}
    />
  );
  return (
    <div className="panel-controls">
      <div className="control-group">
        {number('d')}
        {number('kmax')}
      </div>
      <fieldset className="segmented">
        <legend>Plot</legend>
        {QUANTITIES.map(([value, label]) => (
          <label key={value}>
            <input type="radio" name="spectrum-y" checked={s.y === value} onChange={() => setGlobal('y', value)} />
            {label}
          </label>
        ))}
      </fieldset>
      {s.y === 'ratio' && <PairPicker keys={['ra', 'rb']} purpose="Ratio" />}
      <label className="parity">
        Degrees{' '}
        <select value={s.parity} onChange={(e) => setGlobal('parity', e.target.value as typeof s.parity)}>
          <option value="all">all k (even solid, odd dotted)</option>
          <option value="even">even k only</option>
          <option value="odd">odd k only</option>
        </select>
      </label>
      <details className="control-group">
        <summary>Fit window (default: upper half of the range)</summary>
        {number('klo')}
        {number('khi')}
      </details>
    </div>
  );
});

/** Memoized: redrawn when new data arrives. The y axis is log10 of the plotted quantity, labelled as powers of 10. */
const SpectrumChart = memo(function SpectrumChart({ data }: { data: SpectrumData }) {
  const { result, plot, request } = data;
  const kmax = result.kmax;

  const chart = useMemo(() => {
    const ratio = request.quantity === 'ratio';
    const colour = (i: number) => colourOf(ratio ? request.ratioPair[0] - 1 : i);
    // degrees 1..kmax (k = 0 has no place on a log axis)
    const xs = Float64Array.from({ length: kmax }, (_, i) => i + 1);
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of plot.series)
      for (let k = 1; k <= kmax; k++) {
        const v = s.log10[k];
        if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
      }
    if (!(hi >= lo)) [lo, hi] = [-16, 0];
    if (hi - lo < 1) [lo, hi] = [lo - 0.5, hi + 0.5];
    const curves: Curve[] = plot.series.map((s, i) => ({
      label: ratio ? 'ratio A/B' : kernelLabel(request.kernels[i], i),
      colour: colour(i),
      values: s.log10.subarray(1),
      parity: request.parity,
    }));
    return { xs, curves, yDomain: [Math.floor(lo), Math.ceil(hi)] as [number, number], colour };
  }, [plot, kmax, request]);

  const stripHeight = STRIP_ROW * plot.series.length + 6;
  const below = {
    height: stripHeight,
    // zero strip: one row per series, a mark for each degree at or below the floor
    content: ({ x }: Scales, frame: Frame) => (
      <g className="zero-strip">
        <rect
          x={frame.left}
          y={frame.bottom + 5}
          width={Math.max(0, frame.right - frame.left)}
          height={stripHeight}
          className="strip-band"
        />
        <text
          x={frame.left - 6}
          y={frame.bottom + 6 + stripHeight / 2}
          dy="0.32em"
          textAnchor="end"
          className="strip-label"
        >
          ≤ floor
        </text>
        {plot.series.map((s, i) => {
          const rowY = frame.bottom + 8 + i * STRIP_ROW;
          let d = '';
          for (let k = 1; k <= kmax; k++) {
            if (!s.belowFloor[k]) continue;
            if (request.parity !== 'all' && (k % 2 === 0) !== (request.parity === 'even')) continue;
            const x0 = x(k);
            const x1 = k < kmax ? x(k + 1) : x0 + 2;
            d += `M${x0.toFixed(1)},${rowY}h${Math.max(1, (x1 - x0) * 0.8).toFixed(1)}`;
          }
          return <path key={i} d={d} stroke={chart.colour(i)} strokeWidth={STRIP_ROW - 1} data-strip={i} />;
        })}
      </g>
    ),
  };
  // reference lines from k = 1 may start far above the plot: they are clipped to it
  const references = ({ x, y }: Scales) => (
    <g className="references">
      {plot.references.map((r) => {
        const [x2, y2] = [x(kmax), y(r.log10AtOne + r.exponent * Math.log10(kmax))];
        return (
          <g key={r.exponent}>
            <line x1={x(1)} y1={y(r.log10AtOne)} x2={x2} y2={y2} className="reference" />
            <text x={x2 - 4} y={y2 - 6} textAnchor="end" className="reference-label">
              {r.label} ({r.source})
            </text>
          </g>
        );
      })}
    </g>
  );

  return (
    <LineChart
      xs={chart.xs}
      curves={chart.curves}
      xDomain={X_DOMAIN(kmax)}
      yDomain={chart.yDomain}
      x={X_AXIS}
      y={{ label: `${QUANTITIES.find(([q]) => q === request.quantity)![1]} (log scale)`, format: powerOfTen }}
      height={HEIGHT}
      keySteps={[1, 1]}
      below={below}
      underlay={references}
      readoutTitle={(i) => (
        <>
          k = {i + 1} ({(i + 1) % 2 === 0 ? 'even' : 'odd'}), N(d,k) ={' '}
          {formatFromLog10(result.log10Multiplicity[i + 1])}
        </>
      )}
      readoutLines={(i) => <SpectrumReadout data={data} k={i + 1} />}
      summary={describeSpectrum(data)}
      testId="spectrum-chart"
      readoutTestId="spectrum-readout"
      data={{ 'compute-ms': data.computeMs.toFixed(2) }}
      hint="Even k solid, odd k dotted; eigenvalues at or below their accuracy floor (indistinguishable from 0) are marked on the strip under the plot. Hover, or focus the chart and use ← →."
    />
  );
});

const X_DOMAIN = (kmax: number): [number, number] => [1, Math.max(2, kmax)];
const X_AXIS = {
  label: 'degree k (log scale)',
  log: true,
  ticks: 5,
  format: (v: number) => (Math.log10(v) % 1 === 0 ? String(v) : ''),
};
const powerOfTen = (v: number) => (Number.isInteger(v) ? `1e${v}` : '');

function SpectrumReadout({ data, k }: { data: SpectrumData; k: number }) {
  const { result, request } = data;
  return (
    <>
      {result.series.map((s, i) => (
        <ReadoutLine key={i} colour={colourOf(i)}>
          {i + 1}. λ_k ={' '}
          {Math.abs(s.lambda[k]) <= s.floor ? `≈ 0 (≤ floor ${formatReadout(s.floor)})` : formatReadout(s.lambda[k])}
        </ReadoutLine>
      ))}
      {request.quantity === 'ratio' && (
        <div>
          ratio A/B ={' '}
          {Number.isFinite(data.plot.series[0].log10[k])
            ? formatReadout(Math.pow(10, data.plot.series[0].log10[k]))
            : '— (below floor)'}
        </div>
      )}
    </>
  );
}

const FitTable = memo(function FitTable({ data }: { data: SpectrumData }) {
  const { result, fits, request } = data;
  const kernels = request.kernels;
  const d = result.d;
  const windowHi = request.window[1];
  return (
    <div className="fit-table">
      <table>
        <caption>
          Tail fits: least-squares slope of log λ_k against log k over k ∈ [{request.window[0]}, {request.window[1]}]
          {request.parity !== 'all' ? ` (${request.parity} k)` : ''}, eigenvalues above the floor only
        </caption>
        <thead>
          <tr>
            <th scope="col">kernel</th>
            <th scope="col">λ_0</th>
            <th scope="col">fitted slope</th>
            <th scope="col">theory</th>
          </tr>
        </thead>
        <tbody>
          {kernels.map((k, i) => {
            const f = familyOf(k);
            const rate = f.decay(d, k.params);
            const fit = fits[i];
            return (
              <tr key={i}>
                <th scope="row">
                  <span className="swatch" style={{ background: colourOf(i) }} aria-hidden="true" />
                  {kernelLabel(k, i)}
                </th>
                <td>{formatReadout(result.series[i].lambda[0])}</td>
                <td data-testid={`slope-${i}`}>
                  {fit ? (
                    <>
                      {formatSlope(fit.slope)}{' '}
                      <small>
                        over k ∈ [{fit.kFrom}, {fit.kTo}]{rate.oddVanish ? ', even k' : ''}
                      </small>
                    </>
                  ) : (
                    <small>no fit: fewer than 3 eigenvalues above the floor in the window</small>
                  )}
                </td>
                <td>
                  {rate.exponent === null
                    ? rate.label
                    : `${formatReadout(rate.exponent).replace('-', '−')} (${rate.label})`}
                  <small> {rate.source}</small>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="panel-note">
        {windowHi < 10 * d
          ? `k is not yet large compared with d = ${d} (window ends at ${windowHi} < 10·d): the asymptotic rate shows only for k ≫ d, so fitted slopes here sit above the theoretical ones. `
          : ''}
        Finite-k fits approach the rate from above (e.g. ≈ −2.98 for d = 3 over k ∈ [40, 120]).
      </p>
    </div>
  );
});

/** Text alternative: what is plotted and its key numbers. */
function describeSpectrum({ result, fits, request }: SpectrumData): string {
  const parts = request.kernels.map((k, i) => {
    const fit = fits[i];
    return `${familyOf(k).text(k.params)}: λ_0 = ${formatReadout(result.series[i].lambda[0])}, fitted slope ${fit ? formatSlope(fit.slope) : 'none'}`;
  });
  return `Eigenvalues λ_k against k on a log–log scale for d = ${result.d}, k up to ${result.kmax}. ${parts.join('; ')}.`;
}
