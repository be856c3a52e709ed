/**
 * Off the sphere (math.md §2, §2.4): where NTK and Laplace differ. Heatmaps of k(x, z) over a plane of R^d
 * through the origin and z, a difference map of two instances, the ray view k(r·x̂, z), the homogeneous
 * option of the shift-invariant kernels, and a readout of how much normalizing data removes the difference.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { GENERATOR_NAME } from '../../../core/numerics/random';
import { familyOf, kernelLabel } from '../../../core/kernels/registry';
import { seriesColour } from '../../../figure/palette';
import { comparison, sameComparisonText } from '../../../link';
import { useStore } from '../../../state/store';
import { useViewportHeight, useWidth } from '../../charts/useWidth';
import { mapGrid } from './mapGrid';
import { formatReadout } from '../../charts/format';
import { Heatmap } from '../../charts/Heatmap';
import { type Curve, LineChart } from '../../charts/LineChart';
import { PanelHead, PanelNote } from '../../app/Panel';
import { PairPicker } from '../../controls/PairPicker';
import { useNearViewport } from '../../compute/useNearViewport';
import { useLaplaceFitOnPoints, useNormalization, usePlane, useRay, type PlaneData } from './useOffsphere';
import './offsphere.css';
import { GlobalParam } from '../../controls/GlobalParam';

/** The panel; its body (and all its computation) exists only while the panel is on or near the screen. */
export function OffspherePanel() {
  const section = useRef<HTMLElement>(null);
  const near = useNearViewport(section);
  const [height, setHeight] = useState(0);
  // keep the page from jumping when the body leaves: hold its last height
  useEffect(() => {
    if (section.current) section.current.style.minHeight = near ? '' : `${height}px`;
  }, [near, height]);
  return (
    <section ref={section} className="panel offsphere" aria-labelledby="offsphere-heading">
      {near ? <OffsphereBody onHeight={setHeight} /> : <OffsphereHead />}
    </section>
  );
}

function OffsphereHead({ busy = false }: { busy?: boolean }) {
  return <PanelHead id="offsphere" title="Off the sphere" busy={busy} />;
}

function OffsphereBody({ onHeight }: { onHeight: (px: number) => void }) {
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = body.current;
    if (!el) return;
    const observer = new ResizeObserver(() => onHeight(el.getBoundingClientRect().height));
    observer.observe(el);
    return () => observer.disconnect();
  }, [onHeight]);
  const [dragging, setDragging] = useState(false);
  const { data, busy } = usePlane(dragging);
  const moveZ = useCallback(([z1, z2]: [number, number], commit: boolean) => {
    setDragging(!commit);
    useStore
      .getState()
      .setGlobals(
        { zn: Number(Math.hypot(z1, z2).toFixed(3)), za: Number(((Math.atan2(z2, z1) * 180) / Math.PI).toFixed(1)) },
        commit,
      );
  }, []);
  return (
    <div ref={body} aria-busy={busy}>
      <OffsphereHead busy={busy} />
      <PanelNote>
        In R^d the kernels differ: the bias-free NTK is homogeneous, ‖x‖‖z‖κ(x̂ᵀẑ); the Laplace kernel is
        shift-invariant; bias breaks homogeneity. The maps show k(x, z) for x in a plane through the origin containing z
        (the kernels depend only on norms and inner products, so d plays no role here); the circle is the unit sphere.
      </PanelNote>
      <div className="panel-controls">
        <div className="control-group">
          <GlobalParam name="zn" context="off-sphere view" />
          <GlobalParam name="za" context="off-sphere view" />
          <GlobalParam name="R" context="off-sphere view" />
        </div>
        <ScaleAndPair />
        <HomogeneousToggles />
      </div>
      {data ? <Maps data={data} onMoveZ={moveZ} /> : <div className="chart-placeholder">Computing the maps…</div>}
      <RayView />
      <NormalizationReadout />
    </div>
  );
}

function ScaleAndPair() {
  const scale = useStore((st) => st.scale);
  const count = useStore((st) => st.kernels.length);
  const setGlobal = useStore((st) => st.setGlobal);
  return (
    <div className="control-group">
      <label>
        Colour scale{' '}
        <select value={scale} onChange={(e) => setGlobal('scale', e.target.value as 'each' | 'shared')}>
          <option value="each">per kernel</option>
          <option value="shared">shared by all maps</option>
        </select>
      </label>
      {count >= 2 && <PairPicker keys={['da', 'db']} purpose="Compare" />}
    </div>
  );
}

/** The `hom` option of each shift-invariant instance: it changes nothing on the sphere, so it lives here. */
function HomogeneousToggles() {
  const kernels = useStore((s) => s.kernels);
  const setKernelParam = useStore((s) => s.setKernelParam);
  const withHom = kernels.map((k, i) => ({ k, i })).filter(({ k }) => familyOf(k).params.some((p) => p.key === 'hom'));
  if (withHom.length === 0) return null;
  return (
    <fieldset className="segmented hom">
      <legend>Homogeneous extension ‖x‖‖z‖κ(x̂ᵀẑ) off the sphere</legend>
      {withHom.map(({ k, i }) => (
        <label key={i}>
          <input
            type="checkbox"
            checked={k.params.hom === 1}
            onChange={(e) => setKernelParam(i, 'hom', e.target.checked ? 1 : 0)}
          />
          <span className="swatch" style={{ background: seriesColour(i) }} aria-hidden="true" />
          {kernelLabel(k, i)}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The maps' layout (mapGrid.ts): all rows within this share of the window's height; the height a map takes
 * beyond its width (caption, axes, colour legend: larger type in presentation mode); widths in px.
 */
const MAPS_HEIGHT = 0.8;
const MAPS_HEIGHT_PRESENT = 0.82;
const MAPS_GAP = 8;
const MAP_CHROME = 52;
const MAP_CHROME_PRESENT = 76;
const MAP_MIN = 170;
const MAP_MAX = 380;
const MAP_MAX_PRESENT = 620;

/** Memoized, like the views below: a drag re-renders only what its new data changes. */
const Maps = memo(function Maps({
  data,
  onMoveZ,
}: {
  data: PlaneData;
  onMoveZ: (z: [number, number], commit: boolean) => void;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const scale = useStore((s) => s.scale);
  const present = useStore((s) => s.present === 1);
  const viewportHeight = useViewportHeight();
  const mapCount = data.values.length + (data.diff ? 1 : 0);
  // small multiples as large as the screen allows: all rows within most of the window's height
  const { columns, mapWidth } = mapGrid(mapCount, {
    width,
    height: Math.round(viewportHeight * (present ? MAPS_HEIGHT_PRESENT : MAPS_HEIGHT)),
    gap: MAPS_GAP,
    chrome: present ? MAP_CHROME_PRESENT : MAP_CHROME,
    minWidth: MAP_MIN,
    maxWidth: present ? MAP_MAX_PRESENT : MAP_MAX,
  });
  const domains = useMemo(() => {
    const shared: [number, number] = [
      Math.min(...data.ranges.map((r) => r[0])),
      Math.max(...data.ranges.map((r) => r[1])),
    ];
    const m = data.diffRange ? Math.max(Math.abs(data.diffRange[0]), Math.abs(data.diffRange[1])) || 1 : 1;
    return { maps: data.ranges.map((r) => (scale === 'shared' ? shared : r)), diff: [-m, m] as [number, number] };
  }, [data, scale]);
  const name = (i: number) => kernelLabel(data.kernels[i], i);
  const noDifference = useStore((s) => sameComparisonText(s.kernels, comparison(s.kernels, s.da, s.db)));
  return (
    <div
      className="maps"
      ref={ref}
      style={{ gridTemplateColumns: `repeat(${columns}, ${mapWidth}px)` }}
      data-compute-ms={data.computeMs.toFixed(2)}
      data-size={data.size}
    >
      {data.values.map((values, i) => (
        <Heatmap
          key={i}
          testId={`map-${i}`}
          title={name(i)}
          values={values}
          size={data.size}
          R={data.R}
          domain={domains.maps[i]}
          scheme="sequential"
          z={data.z}
          atOrigin={data.atOrigin[i]}
          width={mapWidth}
          onMoveZ={onMoveZ}
        />
      ))}
      {data.diff && data.diffPair && (
        <Heatmap
          testId="map-diff"
          title={`difference ${data.diffPair[0]} − ${data.diffPair[1]}`}
          values={data.diff}
          size={data.size}
          R={data.R}
          domain={domains.diff}
          scheme="diverging"
          z={data.z}
          width={mapWidth}
          onMoveZ={onMoveZ}
        />
      )}
      {noDifference && (
        <p className="comparison-none" data-testid="map-diff-none" style={{ maxWidth: mapWidth }}>
          No difference map. {noDifference}
        </p>
      )}
    </div>
  );
});

const RAY_HEIGHT = 240;

const RayView = memo(function RayView() {
  const data = useRay();
  const unit = useStore((s) => s.norm === 'unit');
  const chart = useMemo(() => {
    if (!data) return null;
    return {
      xs: data.r,
      curves: data.values.map(
        (values, i): Curve => ({ label: kernelLabel(data.kernels[i], i), colour: seriesColour(i), values }),
      ),
      xDomain: [0, data.r[data.r.length - 1]] as [number, number],
    };
  }, [data]);
  if (!data || !chart) return null;
  const R = chart.xDomain[1];
  return (
    <div className="ray">
      <h3>Along a ray: k(r·x̂, z) for r from 0 to R</h3>
      <GlobalParam name="ray" context="off-sphere view" />
      <LineChart
        {...chart}
        yIncludeZero
        x={{ label: 'r = ‖x‖ along the ray' }}
        y={{ label: unit ? 'k(r·x̂, z) / κ(1)' : 'k(r·x̂, z)' }}
        height={RAY_HEIGHT}
        readoutTitle={(i) => `r = ${formatReadout(data.r[i])}`}
        summary="Kernels along the ray r·x̂ against r"
        testId="ray-chart"
        underlay={({ x }, frame) =>
          R >= 1 && (
            <g className="unit-mark">
              <line x1={x(1)} x2={x(1)} y1={frame.top} y2={frame.bottom} />
              <text x={x(1) + 4} y={frame.top + 12}>
                r = 1 (the sphere)
              </text>
            </g>
          )
        }
        hint="The bias-free NTK grows linearly in r (homogeneity); Laplace peaks near z and decays; with bias the NTK is affine in r (zero-initialized bias) or bends away from linear (random bias)."
      />
    </div>
  );
});

const NormalizationReadout = memo(function NormalizationReadout() {
  const { data, busy, request } = useNormalization();
  const kernels = useStore((s) => s.kernels);
  const da = useStore((s) => s.da);
  const db = useStore((s) => s.db);
  const { start: startFit, fitting } = useLaplaceFitOnPoints();
  const pair = comparison(kernels, da, db);
  if (!request)
    return (
      <div className="normalization">
        <h3>Does normalization matter?</h3>
        <p className="comparison-none" data-testid="normalization-none">
          No Gram distance D. {sameComparisonText(kernels, pair)}
        </p>
      </div>
    );
  const [pa, pb] = [pair.a, pair.b];
  const laplaceAt = [pa, pb].find((p) => kernels[p - 1].family === 'laplace');
  const fit = () => {
    if (!laplaceAt) return;
    const other = laplaceAt === pa ? pb : pa;
    startFit({ ...request, a: kernels[laplaceAt - 1], b: kernels[other - 1] }, laplaceAt);
  };
  return (
    <div className="normalization" aria-busy={busy}>
      <h3>Does normalization matter?</h3>
      <div className="control-group">
        <GlobalParam name="n" context="off-sphere view" />
        <GlobalParam name="spread" context="off-sphere view" />
        <GlobalParam name="seed" context="off-sphere view" />
      </div>
      <p className="hint">
        n points of R^d (d = {request.d}): directions uniform, norms log-uniform in [1/s, s]; generator {GENERATOR_NAME}
        .
      </p>
      {data ? (
        <dl
          className="readout-numbers"
          data-testid="normalization"
          data-compute-ms={data.computeMs.toFixed(1)}
          data-n={data.request.n}
        >
          <dt>D on the raw points</dt>
          <dd data-testid="d-raw">{formatReadout(data.raw)}</dd>
          <dt>D on the points projected onto the sphere</dt>
          <dd data-testid="d-projected">{formatReadout(data.projected)}</dd>
        </dl>
      ) : (
        <p className="hint">Computing Gram matrices…</p>
      )}
      {busy && (
        <span className="busy" role="status">
          Computing Gram matrices…
        </span>
      )}
      <p className="panel-note">
        D = ‖K_A/‖K_A‖_F − K_B/‖K_B‖_F‖_F compares the shapes of the two Gram matrices (0 when the kernels are
        proportional, at most 2): the first number is the difference on data as it comes, the second on the same data
        normalized to unit norm — where NTK and Laplace agree.
      </p>
      {laplaceAt && (
        <button type="button" onClick={fit} disabled={fitting}>
          {fitting
            ? 'Fitting…'
            : `Fit c of kernel ${laplaceAt} (Laplace) to kernel ${laplaceAt === pa ? pb : pa} on these points projected onto the sphere`}
        </button>
      )}
    </div>
  );
});
