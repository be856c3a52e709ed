/**
 * Curves over a shared abscissa (D3 scales and paths, React DOM), with a hover/keyboard readout of every
 * curve at the pointer. Used by the function-space panels; `overlay` draws extra marks with the chart's
 * scales (data points, reference lines), `onPlotClick` receives clicks in data coordinates.
 */
import { line, scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';
import { memo, useId, useMemo, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { Axis } from './Axis';
import { pointerInSvg } from './pointer';
import { useWidth } from './useWidth';
import { formatReadout } from './format';

export interface Curve {
  label: string;
  colour: string;
  values: ArrayLike<number>;
  dashed?: boolean;
  /** a thin dark reference curve (e.g. the target) */
  reference?: boolean;
}

export interface Scales {
  x: ScaleContinuousNumeric<number, number>;
  y: ScaleContinuousNumeric<number, number>;
}

interface LineChartProps {
  /** abscissa of every sample, in display units, increasing */
  xs: ArrayLike<number>;
  curves: readonly Curve[];
  xDomain: [number, number];
  /** default: the curves' extent */
  yDomain?: [number, number];
  xLabel: string;
  yLabel: string;
  xLog?: boolean;
  yLog?: boolean;
  /** readout text of an abscissa */
  xReadout(x: number): string;
  summary: string;
  testId: string;
  height?: number;
  overlay?(scales: Scales): ReactNode;
  onPlotClick?(x: number, y: number): void;
}

const MARGIN = { top: 12, right: 18, bottom: 48, left: 62 };

export const LineChart = memo(function LineChart(props: LineChartProps) {
  const { xs, curves, xDomain, yDomain, xLabel, yLabel, xLog, yLog, xReadout, summary, testId, overlay, onPlotClick } =
    props;
  const height = props.height ?? 300;
  const [ref, width] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);
  const n = xs.length;
  // curves beyond the y domain (a wild minimum-norm predictor) are clipped at the plot's edge, not flattened
  const clip = `clip${useId().replace(/:/g, '')}`;

  const { x, y, paths } = useMemo(() => {
    const x = (xLog ? scaleLog() : scaleLinear()).domain(xDomain).range([MARGIN.left, width - MARGIN.right]);
    let domain = yDomain;
    if (!domain) {
      let [lo, hi] = [Infinity, -Infinity];
      for (const c of curves)
        for (let i = 0; i < c.values.length; i++)
          if (Number.isFinite(c.values[i])) [lo, hi] = [Math.min(lo, c.values[i]), Math.max(hi, c.values[i])];
      if (!(hi > lo)) [lo, hi] = Number.isFinite(lo) ? [lo - 1, hi + 1] : [0, 1];
      domain = [lo, hi];
    }
    const y = (yLog ? scaleLog() : scaleLinear()).domain(domain).range([height - MARGIN.bottom, MARGIN.top]);
    if (!yDomain && !yLog) y.nice();
    const path = line<number>()
      .defined((v) => Number.isFinite(v))
      .x((_, i) => x(xs[i]))
      .y((v) => y(v))
      .digits(1);
    return { x, y, paths: curves.map((c) => path(Array.from(c.values)) ?? '') };
  }, [xs, curves, xDomain, yDomain, xLog, yLog, width, height]);

  const indexAt = (px: number) => {
    const target = x.invert(px);
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (xs[mid] < target) lo = mid;
      else hi = mid;
    }
    return Math.abs(xs[lo] - target) <= Math.abs(xs[hi] - target) ? lo : hi;
  };
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const step = Math.max(1, Math.round(n / (e.shiftKey ? 10 : 100)));
    const at = hover ?? 0;
    const moves: Record<string, number> = { ArrowRight: at + step, ArrowLeft: at - step, Home: 0, End: n - 1 };
    if (e.key in moves) {
      e.preventDefault();
      setHover(Math.min(n - 1, Math.max(0, moves[e.key])));
    } else if (e.key === 'Escape') setHover(null);
  };
  const onPointer = (e: PointerEvent<SVGRectElement>) => setHover(n > 0 ? indexAt(pointerInSvg(e)[0]) : null);

  return (
    <div className="chart" ref={ref}>
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={summary}
        tabIndex={0}
        onKeyDown={onKey}
        onBlur={() => setHover(null)}
        data-testid={testId}
      >
        <Axis
          scale={x}
          orient="bottom"
          at={height - MARGIN.bottom}
          label={xLabel}
          labelOffset={40}
          grid={height - MARGIN.top - MARGIN.bottom}
          ticks={xLog ? 5 : 6}
        />
        <Axis
          scale={y}
          orient="left"
          at={MARGIN.left}
          label={yLabel}
          labelOffset={48}
          grid={width - MARGIN.left - MARGIN.right}
          ticks={yLog ? 5 : 6}
        />
        <clipPath id={clip}>
          <rect
            x={MARGIN.left}
            y={MARGIN.top}
            width={Math.max(0, width - MARGIN.left - MARGIN.right)}
            height={height - MARGIN.top - MARGIN.bottom}
          />
        </clipPath>
        <g className="curves" clipPath={`url(#${clip})`}>
          {paths.map((d, i) => (
            <path
              key={i}
              d={d}
              className={['curve', curves[i].dashed && 'fitted', curves[i].reference && 'reference']
                .filter(Boolean)
                .join(' ')}
              stroke={curves[i].colour}
              data-kernel={i}
            />
          ))}
        </g>
        {hover !== null && (
          <g className="cursor">
            <line x1={x(xs[hover])} x2={x(xs[hover])} y1={MARGIN.top} y2={height - MARGIN.bottom} />
          </g>
        )}
        <rect
          className="overlay"
          x={MARGIN.left}
          y={MARGIN.top}
          width={Math.max(0, width - MARGIN.left - MARGIN.right)}
          height={height - MARGIN.top - MARGIN.bottom}
          onPointerMove={onPointer}
          onPointerLeave={() => setHover(null)}
          onClick={(e) => {
            if (!onPlotClick) return;
            const [px, py] = pointerInSvg(e);
            onPlotClick(x.invert(px), y.invert(py));
          }}
          style={onPlotClick ? { cursor: 'crosshair' } : undefined}
        />
        {overlay?.({ x, y })}
      </svg>
      {hover !== null && (
        <div className="readout" role="status" data-testid={`${testId}-readout`}>
          <div>{xReadout(xs[hover])}</div>
          {curves.map((c, i) => (
            <div key={i}>
              <span className="swatch" style={{ background: c.colour }} aria-hidden="true" />
              {c.label}: {formatReadout(c.values[hover])}
            </div>
          ))}
        </div>
      )}
    </div>
  );
});
