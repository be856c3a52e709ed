/**
 * The picture of "almost identical" (docs/realdata.md §6 view b): each data set one point, contestant A's
 * accuracy against B's, with the diagonal of equal accuracy. Hover or arrow keys name the data set, its
 * size and the two chosen configurations. D3 computes the scales; React owns the DOM.
 */
import { scaleLinear } from 'd3';
import { useState, type KeyboardEvent, type MouseEvent } from 'react';
import { contestant, type ContestantName } from '../../../core/realdata/contestants';
import type { CatalogEntry } from '../../../core/realdata/catalog';
import type { ContestantResult, PairSummary } from '../../../core/realdata/types';
import { Axis } from '../../charts/Axis';
import { pointerInSvg } from '../../charts/pointer';
import { useWidth } from '../../charts/useWidth';
import { configurationText, percent } from './realdataText';

export interface ScatterPoint {
  dataset: CatalogEntry;
  a: ContestantResult;
  b: ContestantResult;
}

const MARGIN = { top: 12, right: 16, bottom: 48, left: 58 };

export function ScatterChart({
  points,
  pair,
  counts,
}: {
  points: ScatterPoint[];
  pair: [ContestantName, ContestantName];
  /** the pair's statistics from the core (ties after rounding to 12 decimals, docs/realdata.md §4) */
  counts: PairSummary;
}) {
  const [ref, width] = useWidth<HTMLDivElement>(480);
  // square, at most 440 px: in presentation mode the scatter and the summary share the screen
  const size = Math.max(240, Math.min(width, 440));
  const inner = size - MARGIN.left - MARGIN.right;
  const [active, setActive] = useState<number | null>(null);
  // the lowest accuracy shown, rounded down to 10 % and at most 90 % (all at 100 % still gives a square)
  const low = Math.max(
    0,
    Math.min(0.9, Math.floor(Math.min(1, ...points.flatMap((p) => [p.a.accuracy, p.b.accuracy])) * 10) / 10),
  );
  const x = scaleLinear()
    .domain([low * 100, 100])
    .range([MARGIN.left, MARGIN.left + inner]);
  const y = scaleLinear()
    .domain([low * 100, 100])
    .range([MARGIN.top + inner, MARGIN.top]);
  const [labelA, labelB] = pair.map((c) => contestant(c)!.label);
  // keyboard order: by A's accuracy, then B's
  const order = points
    .map((_, i) => i)
    .sort((i, j) => points[i].a.accuracy - points[j].a.accuracy || points[i].b.accuracy - points[j].b.accuracy);
  const nearest = (e: MouseEvent<SVGSVGElement>) => {
    const [px, py] = pointerInSvg(e);
    let best: number | null = null;
    let bestD = 24 * 24;
    points.forEach((p, i) => {
      const d = (x(p.a.accuracy * 100) - px) ** 2 + (y(p.b.accuracy * 100) - py) ** 2;
      if (d < bestD) [best, bestD] = [i, d];
    });
    setActive(best);
  };
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const at = active === null ? -1 : order.indexOf(active);
    const step = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, Home: -Infinity, End: Infinity }[e.key];
    if (step === undefined || order.length === 0) return;
    e.preventDefault();
    const next = Math.max(
      0,
      Math.min(order.length - 1, Number.isFinite(step) ? at + step : step > 0 ? order.length - 1 : 0),
    );
    setActive(order[next]);
  };
  const shown = active === null ? null : points[active];
  // below the diagonal: A (across) better; above: B (up) better
  const { wins: below, losses: above, ties } = counts;
  return (
    <figure className="chart realdata-scatter" ref={ref}>
      <svg
        width={size}
        height={size - MARGIN.right + MARGIN.bottom - MARGIN.top}
        role="img"
        tabIndex={0}
        aria-label={`Scatter of ${points.length} data sets: ${labelA} accuracy across, ${labelB} accuracy up. ${below} below the diagonal (${labelA} better), ${above} above (${labelB} better), ${ties} on it. Arrow keys step through the data sets.`}
        onMouseMove={nearest}
        onMouseLeave={() => setActive(null)}
        onKeyDown={onKey}
        onBlur={() => setActive(null)}
      >
        <Axis
          scale={x}
          orient="bottom"
          at={MARGIN.top + inner}
          grid={inner}
          label={`${labelA} accuracy (%)`}
          labelOffset={38}
        />
        <Axis scale={y} orient="left" at={MARGIN.left} grid={inner} label={`${labelB} accuracy (%)`} labelOffset={44} />
        <line className="reference" x1={x(low * 100)} y1={y(low * 100)} x2={x(100)} y2={y(100)} />
        <g className="scatter-points">
          {points.map((p, i) => (
            <circle
              key={p.dataset.name}
              cx={x(p.a.accuracy * 100)}
              cy={y(p.b.accuracy * 100)}
              r={i === active ? 6 : 4}
              className={i === active ? 'active' : undefined}
            />
          ))}
        </g>
      </svg>
      {shown && (
        <div className="readout" role="status">
          <strong>{shown.dataset.name}</strong> (n = {shown.dataset.n}, d = {shown.dataset.d}, {shown.dataset.classes}{' '}
          classes)
          <br />
          {labelA}: {percent(shown.a.accuracy)} ({configurationText(shown.a)})
          <br />
          {labelB}: {percent(shown.b.accuracy)} ({configurationText(shown.b)})
        </div>
      )}
      <figcaption className="help">
        One point per data set; on the dashed diagonal both score the same. {below} data sets lie below it ({labelA}{' '}
        better), {above} above ({labelB} better), {ties} on it.
      </figcaption>
    </figure>
  );
}
