/**
 * Random functions: one Gaussian-process sample per kernel, all from the same random coefficients
 * (docs/function-space.md), so that differences come only from the spectra. On the circle: curves over
 * the angle; on the sphere S²: globes (canvas raster, SVG graticule), turned together by drag or keys.
 * Every value comes from the worker (gpSamples); the globe only resamples the worker's grid for display.
 */
import { geoGraticule10, geoOrthographic, geoPath } from 'd3';
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { KernelInstance } from '../../../core/kernels/registry';
import { harmonicCount } from '../../../core/functionSpace/harmonics';
import type { GpSamplesRequest } from '../../../core/functionSpace/samples';
import { packedTable } from '../../../figure/colour';
import { seriesColour } from '../../../figure/palette';
import { controlSpec } from '../../../link';
import { useStore } from '../../../state/store';
import type { GpSamplesView, Timed } from '../../../workerClient/api';
import { callWorker } from '../../../workerClient/client';
import { LineChart } from '../../charts/LineChart';
import { useWidth } from '../../charts/useWidth';
import { formatReadout } from '../../charts/format';
import { globeRadius, globeRaster, paintRaster, sampleRaster } from '../../charts/globe';
import { ColourLegend } from '../../charts/Heatmap';
import { paintCanvas } from '../../charts/canvasImage';
import { computation, useComputation } from '../../compute/useComputation';
import './samples.css';
import { kernelLabel } from '../../../core/kernels/registry';
import { Panel } from '../../app/Panel';
import { GlobalParam } from '../../controls/GlobalParam';

type Samples = GpSamplesView & Timed;
const computeSamples = (req: GpSamplesRequest): Promise<Samples> =>
  callWorker('samples', (w) => w.samples(req) as Promise<Samples>);
/** At most one call in flight while a drag runs; the last result kept (a view scrolled back is drawn at once). */
const samplesView = computation(computeSamples, { channel: 'coalesced', keep: 1 });
const DIVERGING = packedTable('diverging');
const domainSpec = controlSpec('domain');
const DOMAINS = domainSpec.kind === 'choice' ? domainSpec.options : [];
const seedSpec = controlSpec('sample');
const SAMPLE_SEEDS = seedSpec.kind === 'number' ? seedSpec : { min: 0, max: 0 };

export function SamplesPanel() {
  const req = useStore(
    useShallow(
      (s): GpSamplesRequest => ({
        kernels: s.kernels,
        unit: s.norm === 'unit',
        domain: s.domain,
        degree: s.deg,
        seed: s.sample,
      }),
    ),
  );
  const { ref, data, request, busy } = useComputation(samplesView, req, {
    failure: 'The random functions could not be computed',
    onScreen: true,
  });
  return (
    <Panel
      id="samples"
      title="Random functions: one sample of each kernel’s Gaussian process"
      busy={busy}
      sectionRef={ref}
      className="samples"
      computeMs={data?.computeMs}
      note={
        <>
          Each picture is f = Σ<sub>k≤K</sub> √λ<sub>k</sub> Σ<sub>j</sub> ξ<sub>kj</sub> Y<sub>kj</sub>, a draw from
          the Gaussian process with covariance k(x, z), built from the kernel’s Mercer eigenvalues λ<sub>k</sub> and
          spherical harmonics Y<sub>kj</sub>. Every kernel uses the <em>same</em> random numbers ξ, so the pictures
          differ only through the spectra: NTK and Laplace (λ<sub>k</sub> ~ k<sup>−d</sup>) look alike, the NTK a little
          smoother (the same rate with a smaller constant), a smaller γ is rougher, the Gaussian’s fast-decaying
          spectrum gives a smooth function.
        </>
      }
    >
      <SamplesControls data={data} />
      {data === null || request === null ? (
        <div className="chart-placeholder">Drawing the random functions…</div>
      ) : data.domain === 'circle' ? (
        <CircleSamples data={data} kernels={request.kernels} />
      ) : (
        <Globes data={data} kernels={request.kernels} />
      )}
    </Panel>
  );
}

/** Memoized: the controls read their own state; a change elsewhere (a kernel slider) does not redraw them. */
const SamplesControls = memo(function SamplesControls({ data }: { data: GpSamplesView | null }) {
  const { domain, deg, sample } = useStore(useShallow((s) => ({ domain: s.domain, deg: s.deg, sample: s.sample })));
  const { setGlobal } = useStore.getState();
  // what the shown functions were drawn with (a newer request may still be computing)
  const shown = data ?? { domain, degree: deg };
  const perKernel = shown.domain === 'circle' ? 2 * shown.degree + 1 : harmonicCount(shown.degree);
  return (
    <>
      <div className="panel-controls">
        <fieldset className="segmented">
          <legend>Random functions on</legend>
          {DOMAINS.map(({ value, label }) => (
            <label key={value}>
              <input
                type="radio"
                name="samples-domain"
                checked={domain === value}
                onChange={() => setGlobal('domain', value as typeof domain)}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <GlobalParam name="deg" context="random functions" />
      </div>
      {/* outside .panel-controls: a lecturer's control, kept in presentation mode */}
      <div className="sample-seed panel-actions">
        <button
          type="button"
          onClick={() => setGlobal('sample', sample + 1 > SAMPLE_SEEDS.max ? SAMPLE_SEEDS.min : sample + 1)}
        >
          New sample
        </button>
        <span role="status">
          sample #{sample} · truncated at degree K = {shown.degree} ({perKernel.toLocaleString('en')} harmonics per
          kernel)
        </span>
      </div>
    </>
  );
});

const CircleSamples = memo(function CircleSamples({
  data,
  kernels,
}: {
  data: Extract<GpSamplesView, { domain: 'circle' }>;
  kernels: readonly KernelInstance[];
}) {
  const xs = useMemo(() => Array.from(data.theta, (t) => (t * 180) / Math.PI), [data.theta]);
  const curves = useMemo(
    () => data.values.map((values, i) => ({ label: kernelLabel(kernels[i], i), colour: seriesColour(i), values })),
    [data.values, kernels],
  );
  return (
    <LineChart
      xs={xs}
      curves={curves}
      xDomain={[0, 360]}
      x={{ label: 'angle θ on the circle (degrees)' }}
      y={{ label: 'f(θ)' }}
      readoutTitle={(i) => `θ = ${formatReadout(xs[i])}°`}
      summary={`Random functions on the circle, truncated at degree ${data.degree}, one per kernel from the same random coefficients.`}
      testId="samples-circle"
    />
  );
});

/** Wraps a longitude into [−180, 180]. */
const wrapLongitude = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;
const clampLatitude = (lat: number) => Math.max(-90, Math.min(90, lat));
/** One decimal of a degree: what the link keeps of the view. */
const tenth = (v: number) => Math.round(v * 10) / 10 + 0;

const Globes = memo(function Globes({
  data,
  kernels,
}: {
  data: Extract<GpSamplesView, { domain: 'sphere' }>;
  kernels: readonly KernelInstance[];
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const lon = useStore((s) => s.lon);
  const lat = useStore((s) => s.lat);
  const count = data.values.length;
  const columns = Math.max(1, Math.min(count, Math.floor(width / 200)));
  const size = Math.max(120, Math.min(400, Math.floor(width / columns) - 12));
  const raster = useMemo(
    () => globeRaster(size, lon, lat, data.nLat, data.nLon),
    [size, lon, lat, data.nLat, data.nLon],
  );
  // one symmetric colour scale for all: with common coefficients and κ(1) = 1 the samples are comparable
  const bound = Math.max(Math.abs(data.range[0]), Math.abs(data.range[1])) || 1;
  const graticule = useMemo(() => {
    const projection = geoOrthographic()
      .rotate([-lon, -lat])
      .scale(globeRadius(size))
      .translate([size / 2, size / 2]);
    const path = geoPath(projection);
    return { lines: path(geoGraticule10()) ?? '', outline: path({ type: 'Sphere' }) ?? '' };
  }, [size, lon, lat]);

  const drag = useRef<{ x: number; y: number; lon: number; lat: number } | null>(null);
  const { setGlobals, commit } = useStore.getState();
  const degreesPerPixel = 180 / (Math.PI * globeRadius(size));
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    try {
      e.currentTarget.setPointerCapture(e.pointerId);
    } catch {
      // synthetic pointers cannot be captured: drag without capture
    }
    drag.current = { x: e.clientX, y: e.clientY, lon, lat };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (!start) return;
    // dragging the surface: the centre moves against the pointer
    setGlobals(
      {
        lon: tenth(wrapLongitude(start.lon - (e.clientX - start.x) * degreesPerPixel)),
        lat: tenth(clampLatitude(start.lat + (e.clientY - start.y) * degreesPerPixel)),
      },
      false,
    );
  };
  const onPointerUp = () => {
    if (drag.current) commit();
    drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 30 : 10;
    // the arrows turn the view: → shows what lies east, ↑ what lies north
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    setGlobals({ lon: tenth(wrapLongitude(lon + m[0])), lat: tenth(clampLatitude(lat + m[1])) });
  };

  return (
    <div ref={ref}>
      <div
        className="globes"
        role="group"
        aria-roledescription="rotatable globes"
        tabIndex={0}
        aria-label={`Globes centred at longitude ${lon}°, latitude ${lat}°: drag, or use the arrow keys, to turn them`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
        data-testid="globes"
      >
        {data.values.map((values, i) => (
          <Globe
            key={i}
            title={kernelLabel(kernels[i], i)}
            colour={seriesColour(i)}
            values={values}
            raster={raster}
            size={size}
            bound={bound}
            graticule={graticule}
          />
        ))}
      </div>
      <ColourLegend domain={[-bound, bound]} scheme="diverging" width={Math.min(width, 480)} inset={12} />
      <p className="hint">
        Drag a globe, or focus the globes and use the arrow keys, to turn them together. Centre: {formatReadout(lon)}°
        E, {formatReadout(lat)}° N; grid {data.nLon} × {data.nLat}.
      </p>
    </div>
  );
});

interface GlobeProps {
  title: string;
  colour: string;
  values: Float32Array;
  raster: ReturnType<typeof globeRaster>;
  size: number;
  bound: number;
  graticule: { lines: string; outline: string };
}

const Globe = memo(function Globe({ title, colour, values, raster, size, bound, graticule }: GlobeProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<number | null>(null);
  useEffect(
    () =>
      paintCanvas(canvas.current, size, size, (image) =>
        paintRaster(raster, values, -bound, bound, DIVERGING, new Uint32Array(image.data.buffer)),
      ),
    [raster, values, bound, size],
  );
  const value = hover === null ? NaN : sampleRaster(raster, values, hover);
  return (
    <figure className="globe" data-testid="globe">
      <figcaption>
        <span className="swatch" style={{ background: colour }} aria-hidden="true" /> {title}
      </figcaption>
      <div
        className="globe-box"
        style={{ width: size, height: size }}
        onPointerMove={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          const px = Math.floor(((e.clientX - box.left) / box.width) * size);
          const py = Math.floor(((e.clientY - box.top) / box.height) * size);
          setHover(px >= 0 && py >= 0 && px < size && py < size ? py * size + px : null);
        }}
        onPointerLeave={() => setHover(null)}
      >
        <canvas ref={canvas} className="globe-image" style={{ width: size, height: size }} aria-hidden="true" />
        <svg width={size} height={size} aria-hidden="true">
          <path d={graticule.lines} className="graticule" />
          <path d={graticule.outline} className="globe-outline" />
        </svg>
      </div>
      <div className="globe-value" aria-hidden="true">
        {Number.isFinite(value) ? `f = ${formatReadout(value)}` : '\u00a0'}
      </div>
    </figure>
  );
});
