/**
 * Spectrum panel (math.md §3–4): Mercer eigenvalues λ_k on S^{d−1} against k, log–log, for every kernel;
 * even and odd degrees drawn apart, eigenvalues at or below the accuracy floor on a marked strip, reference
 * rates with their theorems (short labels placed clear of each other and of the curves, the full statement
 * in the legend), fitted tail slopes with their window. Numbers come from the worker.
 */
import { memo, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { familyOf, kernelLabel } from '../../../core/kernels/registry';
import { plotLog10Range, type SpectrumQuantity } from '../../../core/views/spectrumPlot';
import { choiceOptions, comparison, controlSpec, sameComparisonText } from '../../../link';
import { useStore } from '../../../state/store';
import { seriesColour } from '../../../figure/palette';
import { powerOfTen, unicodeMath } from '../../../figure/unicode';
import { formatFromLog10, formatReadout, formatSlope } from '../../charts/format';
import { type Curve, type Frame, type LegendEntry, LineChart, ReadoutLine, type Scales } from '../../charts/LineChart';
import { PairPicker } from '../../controls/PairPicker';
import { ParamControl } from '../../controls/ParamControl';
import { TheoremCard } from './TheoremCard';
import { type Box, placeLabels, type Polyline } from './referenceLabels';
import { useSpectrum, type SpectrumData } from './useSpectrum';
import { Panel } from '../../app/Panel';
import './spectrum.css';

const HEIGHT = 340;
const STRIP_ROW = 4;

/** What the spectrum plots, labelled as the link's parameter table labels it (also the figure's axis). */
const QUANTITIES = choiceOptions('y') as readonly { value: SpectrumQuantity; label: string }[];

export function SpectrumPanel() {
  const { data, busy, progress } = useSpectrum();
  // a ratio of a kernel with itself is 1 at every degree: no chart, the reason instead (src/link/comparison.ts)
  const noRatio = useStore((s) =>
    s.y === 'ratio' ? sameComparisonText(s.kernels, comparison(s.kernels, s.ra, s.rb)) : null,
  );
  return (
    <Panel
      id="spectrum"
      title="Eigenvalue decay on the sphere"
      busy={busy}
      progress={progress}
      progressLabel="Spectrum progress"
      note={
        <>
          Mercer eigenvalues λₖ of degree-k spherical harmonics (Funk–Hecke, uniform measure on Sᵈ⁻¹). NTK and Laplace
          decay at the same rate k⁻ᵈ, hence the same RKHS (Geifman et al. 2020); γ-exponential kernels decay like
          k⁻⁽ᵈ⁻¹⁺ᵞ⁾.
        </>
      }
    >
      <SpectrumControls />
      {noRatio ? (
        <p className="comparison-none" data-testid="ratio-none">
          No ratio plot. {noRatio}
        </p>
      ) : data ? (
        <SpectrumChart data={data} />
      ) : (
        <div className="chart-placeholder">Computing the spectrum…</div>
      )}
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
        {QUANTITIES.map(({ value, label }) => (
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
        <summary>Fit window</summary>
        <p className="hint">
          Automatic (fit from k = 0): the upper half of the range; where that has fewer than 3 eigenvalues above the
          floor, the upper half of the degrees above it.
        </p>
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
    const colour = (i: number) => seriesColour(ratio ? request.ratioPair[0] - 1 : i);
    // degrees 1..kmax (k = 0 has no place on a log axis)
    const xs = Float64Array.from({ length: kmax }, (_, i) => i + 1);
    const [lo, hi] = plotLog10Range(plot, kmax);
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
  // reference lines from k = 1 may start far above the plot: they are clipped to it; their labels are
  // placed once per scale (a hover redraws the chart with the same scales)
  const placement = useRef<{ y: unknown; width: number; boxes: (Box | null)[] } | null>(null);
  const references = (scales: Scales, frame: Frame) => {
    const { x, y } = scales;
    const width = frame.right - frame.left;
    if (placement.current?.y !== y || placement.current.width !== width)
      placement.current = { y, width, boxes: placeReferenceLabels(data, chart.curves, scales, frame) };
    const boxes = placement.current.boxes;
    return (
      <g className="references">
        {plot.references.map((r, i) => {
          const box = boxes[i];
          return (
            <g key={r.exponent}>
              <line
                x1={x(1)}
                y1={y(r.log10AtOne)}
                x2={x(kmax)}
                y2={y(r.log10AtOne + r.exponent * Math.log10(kmax))}
                className="reference"
              />
              {box && (
                <text
                  x={(box.x0 + box.x1) / 2}
                  y={box.y1}
                  dy="-0.3em"
                  textAnchor="middle"
                  className="reference-label"
                  data-testid="reference-label"
                >
                  k
                  <tspan dy="-0.55em" fontSize="75%">
                    {referenceExponent(r.exponent)}
                  </tspan>
                </text>
              )}
            </g>
          );
        })}
      </g>
    );
  };
  const legendExtra: LegendEntry[] = plot.references.map((r) => ({
    label: `reference line ${unicodeMath(r.label)} (${r.source})`,
    className: 'reference',
  }));

  return (
    <LineChart
      xs={chart.xs}
      curves={chart.curves}
      xDomain={X_DOMAIN(kmax)}
      yDomain={chart.yDomain}
      x={X_AXIS}
      y={{
        label: `${QUANTITIES.find((q) => q.value === request.quantity)!.label} (log scale)`,
        format: (v) => (Number.isInteger(v) ? powerOfTen(v) : ''),
      }}
      height={HEIGHT}
      keySteps={[1, 1]}
      below={below}
      underlay={references}
      legendExtra={legendExtra}
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

/** A reference line's label on the plot is its power of k, k^exponent (the legend states the rate and its source). */
const referenceExponent = (exponent: number) => String(Number(exponent.toFixed(3))).replace('-', '−');

/**
 * The reference labels' boxes: on their lines inside the plot, clear of each other and of the curves and
 * lines as far as possible (referenceLabels.ts). Sizes are estimated from the label font (0.75rem).
 */
function placeReferenceLabels(data: SpectrumData, curves: readonly Curve[], { x, y }: Scales, frame: Frame) {
  const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const em = 0.75 * rem;
  const [lo, hi] = y.domain();
  const kmax = data.result.kmax;
  const logK = Math.log10(kmax);
  const lines: Polyline[] = curves.map((c) => decimated(c.values, x, y));
  const requests = data.plot.references.map((r) => {
    const at = (lk: number) => r.log10AtOne + r.exponent * lk;
    // the part of log10 k ∈ [0, log kmax] where the line is inside the y domain
    let [from, to] = [0, logK];
    if (r.exponent !== 0) {
      const [a, b] = [(lo - r.log10AtOne) / r.exponent, (hi - r.log10AtOne) / r.exponent];
      [from, to] = [Math.max(from, Math.min(a, b)), Math.min(to, Math.max(a, b))];
    } else if (r.log10AtOne < lo || r.log10AtOne > hi) [from, to] = [0, -1];
    lines.push([
      [x(1), y(at(0))],
      [x(kmax), y(at(logK))],
    ]);
    return {
      yAt: (px: number) => y(at(Math.log10(x.invert(px)))),
      xFrom: x(10 ** from),
      xTo: to >= from ? x(10 ** to) : -Infinity,
      // "k" and its exponent at 75 %, with a margin for the font
      width: (0.65 + 0.75 * 0.62 * referenceExponent(r.exponent).length) * em + 4,
      height: 1.25 * em,
    };
  });
  return placeLabels(requests, { x0: frame.left, x1: frame.right, y0: frame.top, y1: frame.bottom }, lines);
}

/** A curve in pixels, one point per 2 px of x at most (the labels' avoidance needs no more). */
function decimated(values: ArrayLike<number>, x: Scales['x'], y: Scales['y']): Polyline {
  const out: [number, number][] = [];
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) continue;
    const px = x(i + 1);
    if (out.length > 0 && px - out[out.length - 1][0] < 2 && i < values.length - 1) continue;
    out.push([px, y(values[i])]);
  }
  return out;
}

function SpectrumReadout({ data, k }: { data: SpectrumData; k: number }) {
  const { result, request } = data;
  return (
    <>
      {result.series.map((s, i) => (
        <ReadoutLine key={i} colour={seriesColour(i)}>
          {i + 1}. λₖ ={' '}
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
  const [from, to] = request.window;
  // the highest degree any fit reaches (a window moved below the floor ends earlier than the one asked for)
  const fitEnd = Math.max(0, ...fits.map((f) => f?.kTo ?? 0)) || to;
  return (
    <div className="fit-table">
      <table>
        <caption>
          Tail fits: least-squares slope of log λₖ against log k over k ∈ [{from}, {to}]
          {request.parity !== 'all' ? ` (${request.parity} k)` : ''}, eigenvalues above the floor only
          {request.automaticWindow
            ? '; where this automatic window has fewer than 3 of them, over the upper half of the degrees above the floor'
            : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">kernel</th>
            <th scope="col">λ₀</th>
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
                  <span className="swatch" style={{ background: seriesColour(i) }} aria-hidden="true" />
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
                      {fit.adapted && (
                        <small className="fit-moved" data-testid={`fit-moved-${i}`}>
                          {' '}
                          — window moved: k ∈ [{from}, {to}] has fewer than 3 eigenvalues above the floor, so the fit
                          uses the upper half of the degrees above it (up to k = {fit.kTo})
                        </small>
                      )}
                    </>
                  ) : (
                    <small>no fit: fewer than 3 eigenvalues above the floor in the window</small>
                  )}
                </td>
                <td>
                  {rate.exponent === null
                    ? rate.label
                    : `${formatReadout(rate.exponent).replace('-', '−')} (${unicodeMath(rate.label)})`}
                  <small> {rate.source}</small>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="panel-note">
        {fitEnd < 10 * d
          ? `k is not yet large compared with d = ${d} (the fits end at k = ${fitEnd} < 10·d): the asymptotic rate shows only for k ≫ d, so fitted slopes here sit above the theoretical ones. `
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
    return `${kernelLabel(k, i)}: λ₀ = ${formatReadout(result.series[i].lambda[0])}, fitted slope ${fit ? formatSlope(fit.slope) : 'none'}`;
  });
  return `Eigenvalues λₖ against k on a log–log scale for d = ${result.d}, k up to ${result.kmax}. ${parts.join('; ')}.`;
}
