/**
 * Profile panel: every selected kernel as a curve over the angle θ on the sphere (or over u = cos θ),
 * with a hover/keyboard readout, a zoom on θ near 0 and the least-squares Laplace fit. All numbers come
 * from the worker (useProfile); D3 computes scales and paths, React draws.
 */
import { extent, line, scaleLinear } from 'd3';
import { memo, useMemo, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { familyOf } from '../../../core/kernels/registry';
import { MAX_INSTANCES, controlSpec } from '../../../link';
import { useStore } from '../../../state/store';
import { Axis } from '../../charts/Axis';
import { pointerInSvg } from '../../charts/pointer';
import { useWidth } from '../../charts/useWidth';
import { formatReadout } from '../../charts/format';
import { Formula } from '../../controls/Formula';
import { PanelExport } from '../../export/PanelExport';
import { ParamControl } from '../../controls/ParamControl';
import { colourOf } from '../../../figure/palette';
import { prefetchProfiles, useProfile, type ProfileData } from './useProfile';

const HEIGHT = 320;
const MARGIN = { top: 12, right: 18, bottom: 48, left: 62 };
const ZOOM_PRESETS = [180, 30, 5, 1];

export function ProfilePanel() {
  const { data, busy } = useProfile();
  return (
    <section className="panel" aria-labelledby="profile-heading" aria-busy={busy}>
      <header className="panel-head">
        <h2 id="profile-heading">Kernel profile on the sphere</h2>
        {busy && (
          <span className="busy" role="status">
            Computing…
          </span>
        )}
        <PanelExport panel="profile" />
      </header>
      <details className="panel-note">
        <summary>What am I looking at?</summary>
        Each kernel on the unit sphere depends only on the angle θ between x and z. NTK and Laplace both have a cusp at
        θ = 0 (zoom in); the Gaussian is smooth there.
      </details>
      <ProfileControls />
      {data ? <ProfileChart data={data} /> : <div className="chart-placeholder">Computing the profile…</div>}
      <FitReadout data={data} />
      <Legend />
    </section>
  );
}

/** Memoized: it reads its own state, so a change elsewhere (a kernel slider, a new result) does not redraw it. */
const ProfileControls = memo(function ProfileControls() {
  const axis = useStore((s) => s.axis);
  const zoom = useStore((s) => s.zoom);
  const { setGlobal, commit } = useStore.getState();
  const zoomSpec = controlSpec('zoom');
  return (
    <div className="panel-controls">
      <fieldset className="segmented">
        <legend>Horizontal axis</legend>
        {(
          [
            ['theta', 'angle θ (degrees)'],
            ['u', 'cosine u = cos θ'],
          ] as const
        ).map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name="profile-axis"
              checked={axis === value}
              onChange={() => setGlobal('axis', value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <div className="zoom">
        <ParamControl
          spec={zoomSpec}
          value={zoom}
          context="profile"
          onChange={(v, c) => setGlobal('zoom', v as number, c)}
          onCommit={commit}
          onNeighbours={(values) => prefetchProfiles(values.map((zoom) => ({ zoom })))}
        />
        <div className="presets" role="group" aria-label="Zoom presets">
          {ZOOM_PRESETS.map((z) => (
            <button key={z} type="button" aria-pressed={zoom === z} onClick={() => setGlobal('zoom', z)}>
              0–{z}°
            </button>
          ))}
        </div>
      </div>
    </div>
  );
});

/** Memoized: redrawn when new data arrives, not on every input that merely requests it. */
const ProfileChart = memo(function ProfileChart({ data }: { data: ProfileData }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const axis = useStore((s) => s.axis);
  const [hover, setHover] = useState<number | null>(null);
  const { theta, values } = data.profile;
  const n = theta.length;
  const fitted = data.fit ? values.length - 1 : -1;
  const fitTarget = useStore((s) => s.fit) - 1;

  const { x, y, xs, paths } = useMemo(() => {
    const xs = axis === 'theta' ? Array.from(theta, (t) => (t * 180) / Math.PI) : Array.from(theta, Math.cos);
    const xDomain = axis === 'theta' ? [0, xs[n - 1]] : [xs[n - 1], 1];
    const x = scaleLinear()
      .domain(xDomain)
      .range([MARGIN.left, width - MARGIN.right]);
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of values) {
      const [a, b] = extent(v) as [number, number];
      lo = Math.min(lo, a);
      hi = Math.max(hi, b);
    }
    if (!(hi > lo)) [lo, hi] = [lo - 1, hi + 1];
    const y = scaleLinear()
      .domain([Math.min(0, lo), hi])
      .nice()
      .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
    // one decimal of a pixel is all a screen shows; shorter path strings are cheaper to build and parse
    const path = line<number>()
      .x((_, i) => x(xs[i]))
      .y((v) => y(v))
      .digits(1);
    return { x, y, xs, paths: values.map((v) => path(Array.from(v)) ?? '') };
  }, [theta, values, axis, width, n]);

  const indexAt = (px: number) => {
    const v = x.invert(px);
    const t = axis === 'theta' ? (v * Math.PI) / 180 : Math.acos(Math.min(1, Math.max(-1, v)));
    return Math.min(n - 1, Math.max(0, Math.round((t / theta[n - 1]) * (n - 1))));
  };
  const onPointer = (e: PointerEvent<SVGRectElement>) => {
    setHover(indexAt(pointerInSvg(e)[0]));
  };
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const step = e.shiftKey ? 50 : 5;
    const at = hover ?? 0;
    const moves: Record<string, number> = { ArrowRight: at + step, ArrowLeft: at - step, Home: 0, End: n - 1 };
    if (e.key in moves) {
      e.preventDefault();
      setHover(Math.min(n - 1, Math.max(0, moves[e.key])));
    } else if (e.key === 'Escape') setHover(null);
  };

  const kernels = data.kernels;
  const summary = describeProfile(data);
  const xLabel = axis === 'theta' ? 'angle θ between x and z (degrees)' : 'u = xᵀz = cos θ';
  const yLabel = data.unit ? 'k(x, z) / κ(1)' : 'k(x, z)';
  return (
    <div className="chart" ref={ref}>
      <svg
        width={width}
        height={HEIGHT}
        role="img"
        aria-label={summary}
        tabIndex={0}
        onKeyDown={onKey}
        onBlur={() => setHover(null)}
        data-testid="profile-chart"
      >
        <Axis
          scale={x}
          orient="bottom"
          at={HEIGHT - MARGIN.bottom}
          label={xLabel}
          labelOffset={40}
          grid={HEIGHT - MARGIN.top - MARGIN.bottom}
        />
        <Axis
          scale={y}
          orient="left"
          at={MARGIN.left}
          label={yLabel}
          labelOffset={48}
          grid={width - MARGIN.left - MARGIN.right}
        />
        <g className="curves">
          {paths.map((d, i) => (
            <path
              key={i}
              d={d}
              className={i === fitted ? 'curve fitted' : 'curve'}
              stroke={colourOf(i === fitted ? fitTarget : i)}
              data-kernel={i === fitted ? 'fit' : i}
            />
          ))}
        </g>
        {hover !== null && (
          <g className="cursor">
            <line x1={x(xs[hover])} x2={x(xs[hover])} y1={MARGIN.top} y2={HEIGHT - MARGIN.bottom} />
            {values.map((v, i) => (
              <circle
                key={i}
                cx={x(xs[hover])}
                cy={y(v[hover])}
                r={3.5}
                fill={colourOf(i === fitted ? fitTarget : i)}
              />
            ))}
          </g>
        )}
        <rect
          className="overlay"
          x={MARGIN.left}
          y={MARGIN.top}
          width={Math.max(0, width - MARGIN.left - MARGIN.right)}
          height={HEIGHT - MARGIN.top - MARGIN.bottom}
          onPointerMove={onPointer}
          onPointerDown={onPointer}
          onPointerLeave={() => setHover(null)}
        />
      </svg>
      {hover !== null && (
        <div className="readout" role="status" data-testid="profile-readout">
          <div>
            θ = {formatReadout((theta[hover] * 180) / Math.PI)}°, u = {formatReadout(Math.cos(theta[hover]))}
          </div>
          {values.map((v, i) => (
            <div key={i}>
              <span
                className="swatch"
                style={{ background: colourOf(i === fitted ? fitTarget : i) }}
                aria-hidden="true"
              />
              {i === fitted ? `fitted Laplace (c = ${formatReadout(data.fit!.c)})` : kernelLabel(kernels, i)}:{' '}
              {formatReadout(v[hover])}
            </div>
          ))}
        </div>
      )}
      <p className="hint">Hover, or focus the chart and use ← →, to read values.</p>
    </div>
  );
});

const kernelLabel = (kernels: ProfileData['kernels'], i: number) =>
  `${i + 1}. ${familyOf(kernels[i]).text(kernels[i].params)}`;

/** Text alternative: what is plotted and its key numbers. */
function describeProfile({ profile, kernels, unit, thetaMax }: ProfileData): string {
  const mid = Math.floor(profile.theta.length / 2);
  const at = formatReadout((profile.theta[mid] * 180) / Math.PI);
  const parts = kernels.map(
    (k, i) =>
      `${familyOf(k).text(k.params)}: ${formatReadout(profile.values[i][0])} at θ = 0°, ${formatReadout(profile.values[i][mid])} at θ = ${at}°`,
  );
  return `Kernel profiles${unit ? ' divided by κ(1)' : ''} over θ from 0° to ${formatReadout((thetaMax * 180) / Math.PI)}°. ${parts.join('; ')}.`;
}

function FitReadout({ data }: { data: ProfileData | null }) {
  const kernels = useStore((s) => s.kernels);
  const fit = useStore((s) => s.fit);
  const { setGlobal, addKernel } = useStore.getState();
  const result = data?.fit ?? null;
  return (
    <div className="fit">
      <label htmlFor="fit-target">Fit a Laplace kernel to</label>
      <select id="fit-target" value={fit} onChange={(e) => setGlobal('fit', Number(e.target.value))}>
        <option value={0}>(no fit)</option>
        {kernels.map((k, i) => (
          <option key={i} value={i + 1}>
            {i + 1}. {familyOf(k).text(k.params)}
          </option>
        ))}
      </select>
      {fit > 0 && result && (
        <div className="fit-result" role="status">
          <span>
            least-squares c = <strong data-testid="fit-c">{formatReadout(result.c)}</strong>, rms error{' '}
            {formatReadout(result.rms)} (normalized kernels, uniform in θ)
            {result.atBound ? ' — at the end of the allowed range of c' : ''}
          </span>
          <button
            type="button"
            onClick={() => addKernel('laplace', { c: result.c })}
            disabled={kernels.length >= MAX_INSTANCES}
          >
            Add laplace(c={formatReadout(result.c)}) to the kernels
          </button>
        </div>
      )}
    </div>
  );
}

function Legend() {
  const kernels = useStore((s) => s.kernels);
  return (
    <ul className="legend" aria-label="Legend">
      {kernels.map((k, i) => {
        const f = familyOf(k);
        return (
          <li key={i}>
            <span className="swatch line" style={{ background: colourOf(i) }} aria-hidden="true" />
            <Formula tex={f.latex(k.params)} text={f.text(k.params)} />
          </li>
        );
      })}
    </ul>
  );
}
