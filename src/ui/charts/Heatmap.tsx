/**
 * A heatmap of values on the square [−R, R]² (canvas for the dense image, SVG for axes, the unit circle,
 * the origin and the reference point z), with a colour legend and a readout at the pointer. The point z
 * can be dragged (or moved with the arrow keys when focused).
 */
import { scaleLinear } from 'd3';
import { colourAt, colourPixels, type ColourScheme } from '../../figure/colour';
import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { figureText } from '../../figure/unicode';
import { Axis } from './Axis';
import { paintCanvas } from './canvasImage';
import { pointerInSvg } from './pointer';
import { formatReadout } from './format';
import './charts.css';

const MARGIN = { top: 8, right: 8, bottom: 34, left: 40 };
const LEGEND_BAR = 12;

interface HeatmapProps {
  title: string;
  values: Float32Array;
  size: number;
  R: number;
  /** colour domain: [min, max] (diverging: symmetric around 0) */
  domain: [number, number];
  scheme: ColourScheme;
  z: readonly [number, number];
  /** value of the kernel at the origin, shown in the caption (the zero-bias NTK jumps there) */
  atOrigin?: number;
  width: number;
  onMoveZ(z: [number, number], commit: boolean): void;
  testId?: string;
}

export const Heatmap = memo(function Heatmap({
  title,
  values,
  size,
  R,
  domain,
  scheme,
  z,
  atOrigin,
  width,
  onMoveZ,
  testId,
}: HeatmapProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<[number, number] | null>(null);
  const [dragging, setDragging] = useState(false);
  const side = Math.max(80, width - MARGIN.left - MARGIN.right);
  const height = side + MARGIN.top + MARGIN.bottom;
  const x = useMemo(
    () =>
      scaleLinear()
        .domain([-R, R])
        .range([MARGIN.left, MARGIN.left + side]),
    [R, side],
  );
  const y = useMemo(
    () =>
      scaleLinear()
        .domain([-R, R])
        .range([MARGIN.top + side, MARGIN.top]),
    [R, side],
  );

  // the image: one pixel per grid cell, scaled by the canvas element
  useEffect(
    () => paintCanvas(canvas.current, size, size, (image) => image.data.set(colourPixels(values, domain, scheme))),
    [values, size, domain, scheme],
  );

  const pointAt = (e: PointerEvent<SVGElement>): [number, number] => {
    const [px, py] = pointerInSvg(e);
    const clamp = (v: number) => Math.min(R, Math.max(-R, v));
    return [clamp(x.invert(px)), clamp(y.invert(py))];
  };
  const valueAt = ([p1, p2]: [number, number]) => {
    const col = Math.min(size - 1, Math.max(0, Math.floor(((p1 + R) / (2 * R)) * size)));
    const row = Math.min(size - 1, Math.max(0, Math.floor(((R - p2) / (2 * R)) * size)));
    return values[row * size + col];
  };
  const onKey = (e: KeyboardEvent<SVGCircleElement>) => {
    const step = (e.shiftKey ? 0.2 : 0.05) * R;
    const moves: Record<string, [number, number]> = {
      ArrowRight: [step, 0],
      ArrowLeft: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    onMoveZ([z[0] + m[0], z[1] + m[1]], true);
  };

  const r1 = x(1) - x(0);
  return (
    <figure className="heatmap" data-testid={testId}>
      <figcaption>
        {title}
        {atOrigin !== undefined && <span className="origin-value"> · at x = 0: {formatReadout(atOrigin)}</span>}
      </figcaption>
      <div className="heatmap-box" style={{ width, height }}>
        <canvas
          ref={canvas}
          className="heatmap-image"
          style={{ left: MARGIN.left, top: MARGIN.top, width: side, height: side }}
          aria-hidden="true"
        />
        <svg
          width={width}
          height={height}
          role="group"
          aria-label={`${title}: heatmap over x in [−${R}, ${R}]², colour from ${formatReadout(domain[0])} to ${formatReadout(domain[1])}`}
        >
          <Axis scale={x} orient="bottom" at={MARGIN.top + side} ticks={4} label="x₁" labelOffset={30} />
          <Axis scale={y} orient="left" at={MARGIN.left} ticks={4} label="x₂" labelOffset={30} />
          <circle className="unit-circle" cx={x(0)} cy={y(0)} r={r1} />
          <circle className="origin" cx={x(0)} cy={y(0)} r={2.5} />
          <rect
            className="overlay"
            x={MARGIN.left}
            y={MARGIN.top}
            width={side}
            height={side}
            onPointerDown={(e) => {
              try {
                e.currentTarget.setPointerCapture(e.pointerId);
              } catch {
                // a pointer the browser does not track (synthetic events): drag without capture
              }
              setDragging(true);
              onMoveZ(pointAt(e), false);
            }}
            onPointerMove={(e) => {
              const p = pointAt(e);
              setHover(p);
              if (dragging) onMoveZ(p, false);
            }}
            onPointerUp={(e) => {
              if (dragging) onMoveZ(pointAt(e), true);
              setDragging(false);
            }}
            onPointerLeave={() => setHover(null)}
          />
          <circle
            className="z-point"
            cx={x(z[0])}
            cy={y(z[1])}
            r={6}
            tabIndex={0}
            role="slider"
            aria-valuenow={Math.hypot(z[0], z[1])}
            aria-label={`Reference point z of ${title}: use the arrow keys to move it`}
            aria-valuetext={`z = (${formatReadout(z[0])}, ${formatReadout(z[1])})`}
            onKeyDown={onKey}
          />
        </svg>
        {/* hidden while z is dragged: the box would cover the map being watched */}
        {hover && !dragging && (
          <div className="readout" role="status">
            x = ({formatReadout(hover[0])}, {formatReadout(hover[1])}): {formatReadout(valueAt(hover))}
          </div>
        )}
      </div>
      <ColourLegend domain={domain} scheme={scheme} width={width} />
    </figure>
  );
});

/**
 * A colour bar with its two ends labelled, under a map (`inset`: left and right margin of the bar). The end
 * labels are text in a wrapping row, not SVG: when both do not fit beside each other (a narrow map, large
 * presentation type) the upper one moves under the lower one instead of running into it.
 */
export function ColourLegend({
  domain,
  scheme,
  width,
  inset = MARGIN.left,
}: {
  domain: [number, number];
  scheme: ColourScheme;
  width: number;
  inset?: number;
}) {
  const id = `legend${useId().replace(/:/g, '')}`;
  const stops = Array.from({ length: 11 }, (_, i) => i / 10);
  const w = Math.max(60, width - 2 * inset);
  // 3 significant digits, a true minus and a power of ten (−5.68×10⁻⁷): short enough for a bar's two ends
  const [low, high] = domain.map((v) => (Number.isFinite(v) ? figureText(v, 3) : '—'));
  return (
    <div
      className="colour-legend"
      style={{ width: w, marginLeft: inset }}
      role="img"
      aria-label={`colour scale from ${low} to ${high}`}
    >
      <svg width={w} height={LEGEND_BAR} aria-hidden="true">
        <defs>
          <linearGradient id={id}>
            {stops.map((t) => (
              <stop key={t} offset={t} stopColor={colourAt(scheme, t)} />
            ))}
          </linearGradient>
        </defs>
        <rect x={0} y={2} width={w} height={8} fill={`url(#${id})`} />
      </svg>
      <div className="colour-ends" aria-hidden="true">
        <span>{low}</span>
        <span>{high}</span>
      </div>
    </div>
  );
}
