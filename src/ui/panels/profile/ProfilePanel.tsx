import { memo, useMemo } from 'react';
import { kernelLabel } from '../../../core/kernels/registry';
import { MAX_INSTANCES } from '../../../link';
import { useStore } from '../../../state/store';
import { formatReadout } from '../../charts/format';
import { LineChart, type Curve } from '../../charts/LineChart';
import { seriesColour } from '../../../figure/palette';
import { prefetchProfiles, useProfile, type ProfileData } from './useProfile';
import { Panel } from '../../app/Panel';
import './profile.css';
import { GlobalParam } from '../../controls/GlobalParam';

const HEIGHT = 320;
/** samples an arrow key and Shift+arrow move the readout: 1.25° and 12.5° */
const KEY_STEPS: [number, number] = [5, 50];
const ZOOM_PRESETS = [180, 30, 5, 1];

export function ProfilePanel() {
  const { data, busy } = useProfile();
  return (
    <Panel
      id="profile"
      title="Kernel profile on the sphere"
      busy={busy}
      note={
        <>
          Each kernel on the unit sphere depends only on the angle θ between x and z. NTK and Laplace both have a cusp
          at θ = 0 (zoom in), which fixes the decay of their eigenvalues (Bietti &amp; Bach 2021); the Gaussian is
          smooth there.
        </>
      }
    >
      <ProfileControls />
      {data ? <ProfileChart data={data} /> : <div className="chart-placeholder">Computing the profile…</div>}
      <FitReadout data={data} />
    </Panel>
  );
}

/** Memoized: it reads its own state, so a change elsewhere (a kernel slider, a new result) does not redraw it. */
const ProfileControls = memo(function ProfileControls() {
  const axis = useStore((s) => s.axis);
  const zoom = useStore((s) => s.zoom);
  const { setGlobal } = useStore.getState();
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
        <GlobalParam
          name="zoom"
          context="profile"
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
  const axis = useStore((s) => s.axis);
  const fitTarget = useStore((s) => s.fit) - 1;
  const { theta, values } = data.profile;

  const chart = useMemo(() => {
    const n = theta.length;
    const xs = axis === 'theta' ? Array.from(theta, (t) => (t * 180) / Math.PI) : Array.from(theta, Math.cos);
    const fitted = data.fit ? values.length - 1 : -1;
    const curves: Curve[] = values.map((v, i) =>
      i === fitted
        ? {
            label: `fitted Laplace (c = ${formatReadout(data.fit!.c)})`,
            colour: seriesColour(fitTarget),
            values: v,
            id: 'fit',
            dashed: true,
          }
        : { label: kernelLabel(data.kernels[i], i), colour: seriesColour(i), values: v },
    );
    return {
      xs,
      curves,
      xDomain: (axis === 'theta' ? [0, xs[n - 1]] : [xs[n - 1], 1]) as [number, number],
      x: { label: axis === 'theta' ? 'angle θ between x and z (degrees)' : 'u = xᵀz = cos θ' },
      y: { label: data.unit ? 'k(x, z) / κ(1)' : 'k(x, z)' },
    };
  }, [theta, values, axis, data, fitTarget]);

  return (
    <LineChart
      {...chart}
      // a zoom on the cusp (0–5°: values 0.9…1) fits the axis to the curves, with a break mark at its foot
      yIncludeZero="near"
      height={HEIGHT}
      keySteps={KEY_STEPS}
      markers
      readoutTitle={(i) => (
        <>
          θ = {formatReadout((theta[i] * 180) / Math.PI)}°, u = {formatReadout(Math.cos(theta[i]))}
        </>
      )}
      summary={describeProfile(data)}
      testId="profile-chart"
      readoutTestId="profile-readout"
      hint="Hover, or focus the chart and use ← →, to read values."
    />
  );
});

/** Text alternative: what is plotted and its key numbers. */
function describeProfile({ profile, kernels, unit, thetaMax }: ProfileData): string {
  const mid = Math.floor(profile.theta.length / 2);
  const at = formatReadout((profile.theta[mid] * 180) / Math.PI);
  const parts = kernels.map(
    (k, i) =>
      `${kernelLabel(k, i)}: ${formatReadout(profile.values[i][0])} at θ = 0°, ${formatReadout(profile.values[i][mid])} at θ = ${at}°`,
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
            {kernelLabel(k, i)}
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
