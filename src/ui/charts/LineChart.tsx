/**
 * THE line chart: curves over a shared abscissa, linear or log axes (D3 computes scales, ticks and paths;
 * React owns the DOM), with a hover and keyboard readout of every curve at the pointer and a text
 * alternative. Every line plot of the app draws through it: the profile, the spectrum (even and odd
 * degrees as separate strokes, the "≤ floor" strip below the plot), the ray view and the function-space
 * charts. `underlay` draws marks behind the curves, clipped to the plot (reference lines); `overlay` draws
 * marks above them (data points); `below` reserves a band under the plot (the spectrum's strip).
 * Every chart has its legend (issue 14 item 4): one entry per curve, drawn with the curve's own stroke,
 * and any `legendExtra` entries (reference lines). The left margin grows with the widest y tick label so
 * that the rotated y label never overlaps it.
 */
import { valueRange } from '../../core/views/valueRange';
import { line, scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';
import {
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import { Axis, AxisBreak } from './Axis';
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
  /** drawn thicker than the others (the one a view is about, e.g. the chosen sequence) */
  emphasis?: boolean;
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

/** A legend entry that is not a curve, e.g. a reference line: drawn with `className`'s stroke. */
export interface LegendEntry {
  label: ReactNode;
  /** stroke classes of the swatch's line, as in the plot (e.g. `reference`) */
  className: string;
  colour?: string;
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
  /**
   * The default y domain reaches down (or up) to 0: always (`true`), or only when the curves come near 0
   * (`'near'`: within a third of their own range); otherwise it fits the curves and the y axis carries a
   * break mark and the note "y axis does not start at 0".
   */
  yIncludeZero?: boolean | 'near';
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
  /** legend entries after the curves' own (default: none) */
  legendExtra?: readonly LegendEntry[];
}

const MARGIN = { top: 12, right: 18, bottom: 48, left: 62 };
/** the y label's distance from the axis, at least (it grows with the tick labels' width) */
const Y_LABEL_OFFSET = 48;
/** gap between a y tick label and the y axis label, px */
const LABEL_GAP = 6;

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

/**
 * Not memoized itself: every caller is a component memoized on the data it draws, and builds its props
 * from that data.
 */
export function LineChart(props: LineChartProps) {
  const { xs, curves, xDomain, yDomain, yIncludeZero = false, summary, testId, underlay, overlay, below } = props;
  const { onPlotClick, markers, readoutTitle, readoutLines, hint, data, legendExtra } = props;
  const height = props.height ?? 300;
  const [ref, width] = useWidth<HTMLDivElement>();
  const [hovered, setHover] = useState<number | null>(null);
  // widest y tick label and the y label's height, measured after layout (fonts differ by mode and screen)
  const svgRef = useRef<SVGSVGElement>(null);
  const [measured, setMeasured] = useState({ ticks: 0, label: 0 });
  const n = xs.length;
  // a sample index kept from longer data (kmax lowered while a readout is shown) is no sample
  const hover = hovered !== null && hovered < n ? hovered : null;
  // curves beyond the y domain (a wild minimum-norm predictor, a reference line from k = 1) are clipped at
  // the plot's edge, not flattened
  const clip = `clip${useId().replace(/:/g, '')}`;
  const belowHeight = below ? below.height + 8 : 0;
  // the rotated y label sits beyond the widest tick label: its baseline at yLabelOffset, its glyphs
  // reaching about 0.8 of its box height further out
  const yLabelOffset = Math.max(Y_LABEL_OFFSET, Math.ceil(9 + measured.ticks + LABEL_GAP + 0.25 * measured.label));
  const left = Math.max(MARGIN.left, Math.ceil(yLabelOffset + 0.8 * measured.label + 2));
  const frame: Frame = {
    left,
    right: width - MARGIN.right,
    top: MARGIN.top,
    bottom: height - MARGIN.bottom - belowHeight,
  };
  const xLog = props.x.log ?? false;
  const yLog = props.y.log ?? false;

  const { x, y, paths } = useMemo(() => {
    const x = (xLog ? scaleLog() : scaleLinear()).domain(xDomain).range([left, width - MARGIN.right]);
    const y = (yLog ? scaleLog() : scaleLinear())
      .domain(
        yDomain ??
          valueRange(
            curves.map((c) => c.values),
            yIncludeZero,
          ).domain,
      )
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
  }, [xs, curves, xDomain, yDomain, yIncludeZero, xLog, yLog, width, height, belowHeight, left]);

  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const ticks = Math.max(
      0,
      ...Array.from(svg.querySelectorAll<SVGTextElement>('.axis.y .tick-label'), (t) => t.getBBox().width),
    );
    const label = svg.querySelector<SVGTextElement>('.axis.y .axis-label')?.getBBox().height ?? 0;
    // settle on whole pixels: a sub-pixel change must not start another round of layout
    const next = { ticks: Math.ceil(ticks), label: Math.ceil(label) };
    if (next.ticks !== measured.ticks || next.label !== measured.label) setMeasured(next);
  });

  const [yLo, yHi] = y.domain();
  const yBreak = yIncludeZero === 'near' && !yLog && (yLo > 0 || yHi < 0);

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
    ['curve', odd && 'odd', c.dashed && 'fitted', c.reference && 'reference', c.emphasis && 'emphasis']
      .filter(Boolean)
      .join(' ');

  return (
    <div className="chart" ref={ref}>
      <svg
        ref={svgRef}
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
          at={left}
          label={props.y.label}
          labelOffset={yLabelOffset}
          grid={plotWidth}
          ticks={props.y.ticks ?? (yLog ? 5 : 6)}
          format={props.y.format}
        />
        {yBreak && <AxisBreak at={left} y={yLo > 0 ? frame.bottom : frame.top} />}
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
      {yBreak && (
        <p className="axis-note" data-testid={`${testId}-y-break`}>
          The y axis does not start at 0: it spans the visible values, {formatReadout(yLo)} to {formatReadout(yHi)}.
        </p>
      )}
      <Legend curves={curves} extra={legendExtra} testId={`${testId}-legend`} />
      {hint && <p className="hint">{hint}</p>}
    </div>
  );
}

/** The chart's legend: each curve's name beside a sample of its own stroke (solid, dashed, even/odd). */
function Legend({
  curves,
  extra = [],
  testId,
}: {
  curves: readonly Curve[];
  extra?: readonly LegendEntry[];
  testId: string;
}) {
  const swatch = (colour: string | undefined, classes: string[]) => (
    <svg className="legend-line" width={28} height={10} aria-hidden="true">
      {classes.map((c, i) => (
        <line
          key={c}
          x1={classes.length === 1 ? 1 : i * 15 + 1}
          x2={classes.length === 1 ? 27 : i * 15 + 12}
          y1={5}
          y2={5}
          className={c}
          stroke={colour}
        />
      ))}
    </svg>
  );
  const strokes = (c: Curve) => {
    const base = ['curve', c.dashed && 'fitted', c.reference && 'reference', c.emphasis && 'emphasis']
      .filter(Boolean)
      .join(' ');
    // both parities: a solid (even) and a dotted (odd) sample
    return c.parity === 'all' ? [base, `${base} odd`] : [c.parity === 'odd' ? `${base} odd` : base];
  };
  return (
    <ul className="legend" aria-label="Legend" data-testid={testId}>
      {curves.map((c, i) => (
        <li key={`curve-${i}`}>
          {swatch(c.colour, strokes(c))}
          {c.label}
        </li>
      ))}
      {extra.map((e, i) => (
        <li key={`extra-${i}`}>
          {swatch(e.colour, [e.className])}
          {e.label}
        </li>
      ))}
    </ul>
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
