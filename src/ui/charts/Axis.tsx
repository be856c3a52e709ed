/**
 * An axis drawn by React from a D3 scale: D3 computes the ticks and their labels, React owns the DOM.
 */
import type { ScaleContinuousNumeric } from 'd3';
import { powerOfTen } from '../../figure/unicode';
import './charts.css';

interface AxisProps {
  scale: ScaleContinuousNumeric<number, number>;
  orient: 'bottom' | 'left';
  /** position of the axis line: y for a bottom axis, x for a left axis */
  at: number;
  /** length of grid lines across the plot (0: none) */
  grid?: number;
  ticks?: number;
  format?: (v: number) => string;
  label: string;
  /** where the label goes: centre of the axis */
  labelOffset: number;
}

export function Axis({ scale, orient, at, grid = 0, ticks = 6, format, label, labelOffset }: AxisProps) {
  const values = scale.ticks(ticks);
  const fmt = format ?? ('base' in scale ? logTickFormat(scale) : scale.tickFormat(ticks));
  const [r0, r1] = scale.range();
  const mid = (r0 + r1) / 2;
  if (orient === 'bottom') {
    return (
      <g className="axis x" transform={`translate(0,${at})`}>
        <line x1={r0} x2={r1} className="axis-line" />
        {values.map((v) => (
          <g key={v} transform={`translate(${scale(v)},0)`}>
            {grid > 0 && <line y2={-grid} className="grid" />}
            <line y2={6} className="tick" />
            <text y={20} textAnchor="middle" className="tick-label">
              {fmt(v)}
            </text>
          </g>
        ))}
        <text className="axis-label" x={mid} y={labelOffset} textAnchor="middle">
          {label}
        </text>
      </g>
    );
  }
  return (
    <g className="axis y" transform={`translate(${at},0)`}>
      <line y1={r0} y2={r1} className="axis-line" />
      {values.map((v) => (
        <g key={v} transform={`translate(0,${scale(v)})`}>
          {grid > 0 && <line x2={grid} className="grid" />}
          <line x2={-6} className="tick" />
          <text x={-9} dy="0.32em" textAnchor="end" className="tick-label">
            {fmt(v)}
          </text>
        </g>
      ))}
      <text className="axis-label" transform={`translate(${-labelOffset},${mid}) rotate(-90)`} textAnchor="middle">
        {label}
      </text>
    </g>
  );
}

/**
 * The break mark of a y axis that does not start at 0: two short parallel slashes across the axis at the
 * end nearest to 0 (at y), the usual sign that the axis is cut there.
 */
export function AxisBreak({ at, y }: { at: number; y: number }) {
  const slash = (dy: number) => <line x1={at - 7} y1={y + dy + 3} x2={at + 7} y2={y + dy - 3} />;
  return (
    <g className="axis-break" data-testid="axis-break" aria-hidden="true">
      <rect x={at - 8} y={y - 9} width={16} height={10} className="axis-break-gap" />
      {slash(-7)}
      {slash(-2)}
    </g>
  );
}

/**
 * Tick labels of a log axis: powers of ten as 10⁻¹⁴ … 10⁵ (plain from 0.001 to 10 000, where that is
 * shorter); the ticks between them unlabelled once the axis spans two decades, else only 2× and 5× a power
 * of ten (0.1, 0.2, 0.5, 1): nine labels a decade would run into each other on a short axis.
 */
function logTickFormat(scale: ScaleContinuousNumeric<number, number>): (v: number) => string {
  const [a, b] = scale.domain();
  const decades = Math.abs(Math.log10(b / a));
  return (v) => {
    const e = Math.log10(v);
    const power = Math.abs(e - Math.round(e)) < 1e-9;
    if (power) return v >= 1e-3 && v <= 1e4 ? String(Number(v.toPrecision(1))) : powerOfTen(Math.round(e));
    const mantissa = Math.round(v / 10 ** Math.floor(e));
    return decades >= 2 || (mantissa !== 2 && mantissa !== 5) ? '' : String(Number(v.toPrecision(4)));
  };
}
