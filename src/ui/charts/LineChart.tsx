/**
 * THE line chart: curves over a shared abscissa, linear or log axes (D3 computes scales, ticks and paths;
 * React owns the DOM), with a hover and keyboard readout of every curve at the pointer and a text
 * alternative. Every line plot of the app draws through it: the profile, the spectrum (even and odd
 * degrees as separate strokes, the "≤ floor" strip below the plot), the ray view and the function-space
 * charts. `underlay` draws marks behind the curves, clipped to the plot (reference lines); `overlay` draws
 * marks above them (data points); `below` reserves a band under the plot (the spectrum's strip).
 */
import { line, scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';
import { useId, useMemo, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { Axis } from './Axis';
import { formatReadout } from './format';
import { pointerInSvg } from './pointer';
import { useWidth } from './useWidth';
import './charts.css';

export interface Curve {
  label: string;
  colour: string;
  values: ArrayLike<number>;
  /** the curve's `data-kernel` attribute (default: its index) */
  id?: string | number;
  dashed?: boolean;
  /** a thin dark reference curve (e.g. the target) */
  reference?: boolean;
  /**
   * Integer abscissae drawn by parity: even x solid, odd x dotted (class `odd`), each joining the points of
   * its own parity; `even`/`odd` draw only that stroke. Unset: one stroke through every point.
   */
  parity?: 'all' | 'even' | 'odd';
}

export interface Scales {
  x: ScaleContinuousNumeric<number, number>;
  y: ScaleContinuousNumeric<number, number>;
}

/** The plot's rectangle in the SVG's pixels. */
export interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface AxisOptions {
  label: string;
  log?: boolean;
  ticks?: number;
  format?: (v: number) => string;
}

interface LineChartProps {
  /** abscissa of every sample, in display units, monotone (increasing or decreasing) */
  xs: ArrayLike<number>;
  curves: readonly Curve[];
  xDomain: [number, number];
  /** default: the curves' extent, made nice */
  yDomain?: [number, number];
  /** the default y domain reaches down (or up) to 0 */
  yIncludeZero?: boolean;
  x: AxisOptions;
  y: AxisOptions;
  /** the readout's first line, for sample i */
  readoutTitle(i: number): ReactNode;
  /** the readout's lines at sample i (default: one line per curve, its label and value) */
  readoutLines?(i: number): ReactNode;
  summary: string;
  testId: string;
  /** default `${testId}-readout` */
  readoutTestId?: string;
  height?: number;
  /** samples moved by an arrow key and by Shift+arrow (default: 1 % and 10 % of the samples) */
  keySteps?: [number, number];
  /** dots on every curve at the hovered sample */
  markers?: boolean;
  underlay?(scales: Scales, frame: Frame): ReactNode;
  overlay?(scales: Scales, frame: Frame): ReactNode;
  /** a band of this height under the plot, inside the hover area, drawn by `content` */
  below?: { height: number; content(scales: Scales, frame: Frame): ReactNode };
  onPlotClick?(x: number, y: number): void;
  hint?: ReactNode;
  /** `data-*` attributes of the SVG (e.g. compute times the bench reads) */
  data?: Record<string, string>;
}

const MARGIN = { top: 12, right: 18, bottom: 48, left: 62 };

/** Index of the sample nearest to `target` in monotone `xs`. */
function nearestIndex(xs: ArrayLike<number>, target: number): number {
  const n = xs.length;
  const rising = xs[n - 1] >= xs[0];
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < target === rising) lo = mid;
    else hi = mid;
  }
  return Math.abs(xs[lo] - target) <= Math.abs(xs[hi] - target) ? lo : hi;
}

function yDomainOf(curves: readonly Curve[], includeZero: boolean): [number, number] {
  let [lo, hi] = includeZero ? [0, 0] : [Infinity, -Infinity];
  for (const c of curves)
    for (let i = 0; i < c.values.length; i++) {
      const v = c.values[i];
      if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    }
  if (!(hi > lo)) [lo, hi] = Number.isFinite(lo) ? [lo - 1, hi + 1] : [0, 1];
  return [lo, hi];
}

/**
 * Not memoized itself: every caller is a component memoized on the data it draws, and builds its props
 * from that data.
 */
export function LineChart(props: LineChartProps) {
  const { xs, curves, xDomain, yDomain, yIncludeZero = false, summary, testId, underlay, overlay, below } = props;
  const { onPlotClick, markers, readoutTitle, readoutLines, hint, data } = props;
  const height = props.height ?? 300;
  const [ref, width] = useWidth<HTMLDivElement>();
  const [hovered, setHover] = useState<number | null>(null);
  const n = xs.length;
  // a sample index kept from longer data (kmax lowered while a readout is shown) is no sample
  const hover = hovered !== null && hovered < n ? hovered : null;
  // curves beyond the y domain (a wild minimum-norm predictor, a reference line from k = 1) are clipped at
  // the plot's edge, not flattened
  const clip = `clip${useId().replace(/:/g, '')}`;
  const belowHeight = below ? below.height + 8 : 0;
  const frame: Frame = {
    left: MARGIN.left,
    right: width - MARGIN.right,
    top: MARGIN.top,
    bottom: height - MARGIN.bottom - belowHeight,
  };
  const xLog = props.x.log ?? false;
  const yLog = props.y.log ?? false;

  const { x, y, paths } = useMemo(() => {
    const x = (xLog ? scaleLog() : scaleLinear()).domain(xDomain).range([MARGIN.left, width - MARGIN.right]);
    const y = (yLog ? scaleLog() : scaleLinear())
      .domain(yDomain ?? yDomainOf(curves, yIncludeZero))
      .range([height - MARGIN.bottom - belowHeight, MARGIN.top]);
    if (!yDomain && !yLog) y.nice();
    // one decimal of a pixel is all a screen shows; shorter path strings are cheaper to build and parse
    const path = (values: ArrayLike<number>, keep: (i: number) => boolean) =>
      line<number>()
        .defined((i) => Number.isFinite(values[i]))
        .x((i) => x(xs[i]))
        .y((i) => y(values[i]))
        .digits(1)(Array.from({ length: values.length }, (_, i) => i).filter(keep)) ?? '';
    const paths = curves.map(({ values, parity }) => {
      if (!parity) return { solid: path(values, () => true), odd: null };
      const even = (i: number) => xs[i] % 2 === 0;
      return {
        solid: parity === 'odd' ? '' : path(values, even),
        odd: parity === 'even' ? '' : path(values, (i) => !even(i)),
      };
    });
    return { x, y, paths };
  }, [xs, curves, xDomain, yDomain, yIncludeZero, xLog, yLog, width, height, belowHeight]);

  const [small, large] = props.keySteps ?? [Math.max(1, Math.round(n / 100)), Math.max(1, Math.round(n / 10))];
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const step = e.shiftKey ? large : small;
    const at = hover ?? 0;
    const moves: Record<string, number> = { ArrowRight: at + step, ArrowLeft: at - step, Home: 0, End: n - 1 };
    if (e.key in moves) {
      e.preventDefault();
      setHover(Math.min(n - 1, Math.max(0, moves[e.key])));
    } else if (e.key === 'Escape') setHover(null);
  };
  const onPointer = (e: PointerEvent<SVGRectElement>) =>
    setHover(n > 0 ? nearestIndex(xs, x.invert(pointerInSvg(e)[0])) : null);
  const dataAttributes = Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [`data-${k}`, v]));
  const plotWidth = Math.max(0, frame.right - frame.left);
  const classes = (c: Curve, odd: boolean) =>
    ['curve', odd && 'odd', c.dashed && 'fitted', c.reference && 'reference'].filter(Boolean).join(' ');

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
        {...dataAttributes}
      >
        <Axis
          scale={x}
          orient="bottom"
          at={height - MARGIN.bottom}
          label={props.x.label}
          labelOffset={40}
          grid={height - MARGIN.bottom - MARGIN.top}
          ticks={props.x.ticks ?? (xLog ? 5 : 6)}
          format={props.x.format}
        />
        <Axis
          scale={y}
          orient="left"
          at={MARGIN.left}
          label={props.y.label}
          labelOffset={48}
          grid={plotWidth}
          ticks={props.y.ticks ?? (yLog ? 5 : 6)}
          format={props.y.format}
        />
        <clipPath id={clip}>
          <rect x={frame.left} y={frame.top} width={plotWidth} height={frame.bottom - frame.top} />
        </clipPath>
        {underlay && <g clipPath={`url(#${clip})`}>{underlay({ x, y }, frame)}</g>}
        <g className="curves" clipPath={`url(#${clip})`}>
          {paths.map((p, i) => (
            <g key={i} stroke={curves[i].colour} data-kernel={curves[i].id ?? i}>
              <path d={p.solid} className={classes(curves[i], false)} />
              {p.odd !== null && <path d={p.odd} className={classes(curves[i], true)} />}
            </g>
          ))}
        </g>
        {below?.content({ x, y }, frame)}
        {hover !== null && (
          <g className="cursor">
            <line x1={x(xs[hover])} x2={x(xs[hover])} y1={frame.top} y2={frame.bottom + belowHeight} />
            {markers &&
              curves.map((c, i) =>
                Number.isFinite(c.values[hover]) ? (
                  <circle key={i} cx={x(xs[hover])} cy={y(c.values[hover])} r={3.5} fill={c.colour} />
                ) : null,
              )}
          </g>
        )}
        <rect
          className="overlay"
          x={frame.left}
          y={frame.top}
          width={plotWidth}
          height={frame.bottom + belowHeight - frame.top}
          onPointerMove={onPointer}
          onPointerDown={onPointer}
          onPointerLeave={() => setHover(null)}
          onClick={(e) => {
            if (!onPlotClick) return;
            const [px, py] = pointerInSvg(e);
            onPlotClick(x.invert(px), y.invert(py));
          }}
          style={onPlotClick ? { cursor: 'crosshair' } : undefined}
        />
        {overlay?.({ x, y }, frame)}
      </svg>
      {hover !== null && (
        <div className="readout" role="status" data-testid={props.readoutTestId ?? `${testId}-readout`}>
          <div>{readoutTitle(hover)}</div>
          {readoutLines
            ? readoutLines(hover)
            : curves.map((c, i) => (
                <ReadoutLine key={i} colour={c.colour}>
                  {c.label}: {formatReadout(c.values[hover])}
                </ReadoutLine>
              ))}
        </div>
      )}
      {hint && <p className="hint">{hint}</p>}
    </div>
  );
}

/** One line of a readout: the curve's colour swatch and its text. */
export function ReadoutLine({ colour, children }: { colour: string; children: ReactNode }) {
  return (
    <div>
      <span className="swatch" style={{ background: colour }} aria-hidden="true" />
      {children}
    </div>
  );
}
