/**
 * An axis drawn by React from a D3 scale: D3 computes the ticks and their labels, React owns the DOM.
 */
import type { ScaleContinuousNumeric } from 'd3';
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
  const fmt = format ?? scale.tickFormat(ticks);
  const [r0, r1] = scale.range();
  const mid = (r0 + r1) / 2;
  if (orient === 'bottom') {
    return (
      <g className="axis" transform={`translate(0,${at})`}>
        <line x1={r0} x2={r1} className="axis-line" />
        {values.map((v) => (
          <g key={v} transform={`translate(${scale(v)},0)`}>
            {grid > 0 && <line y2={-grid} className="grid" />}
            <line y2={6} className="tick" />
            <text y={20} textAnchor="middle">
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
    <g className="axis" transform={`translate(${at},0)`}>
      <line y1={r0} y2={r1} className="axis-line" />
      {values.map((v) => (
        <g key={v} transform={`translate(0,${scale(v)})`}>
          {grid > 0 && <line x2={grid} className="grid" />}
          <line x2={-6} className="tick" />
          <text x={-9} dy="0.32em" textAnchor="end">
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
