/**
 * Standalone SVG charts for figures and exports (links.md §2): axes and a legend in plain SVG text
 * (formulas as Unicode), no HTML, no external resources; opens in a browser and in Inkscape.
 * D3 computes the scales, ticks and paths; this module only writes markup.
 */
import { line, scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';

export interface SvgSeries {
  label: string;
  colour: string;
  /** points in data coordinates; a point with a non-finite coordinate (or ≤ 0 on a log axis) breaks the line */
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  dashed?: boolean;
  /** draw markers instead of a line: small dots, or `ring`s (open circles, e.g. data points; the legend shows one) */
  markers?: boolean | 'ring';
}

export interface SvgChart {
  title: string;
  subtitle?: string;
  xLabel: string;
  yLabel: string;
  xScale: 'linear' | 'log';
  yScale: 'linear' | 'log';
  xDomain: [number, number];
  yDomain: [number, number];
  /** round a linear y domain out to nice ticks (default true); false keeps yDomain exactly */
  yNice?: boolean;
  series: readonly SvgSeries[];
  /** extra lines of plain text under the legend (e.g. the link, notes on floors) */
  notes?: readonly string[];
}

const WIDTH = 760;
const PLOT_HEIGHT = 400;
const MARGIN = { top: 56, right: 24, bottom: 56, left: 78 };
const LEGEND_LINE = 20;

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

const fmt = (v: number) => String(Number(v.toFixed(2)));

export function renderSvg(chart: SvgChart): string {
  const legendLines = chart.series.length + (chart.notes?.length ?? 0);
  const height = MARGIN.top + PLOT_HEIGHT + MARGIN.bottom + legendLines * LEGEND_LINE + 12;
  const bottom = MARGIN.top + PLOT_HEIGHT;
  const make = (kind: 'linear' | 'log'): ScaleContinuousNumeric<number, number> =>
    kind === 'log' ? scaleLog() : scaleLinear();
  const x = make(chart.xScale)
    .domain(chart.xDomain)
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = make(chart.yScale).domain(chart.yDomain).range([bottom, MARGIN.top]);
  if (chart.yScale === 'linear' && chart.yNice !== false) y.nice();

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="DejaVu Sans, Arial, sans-serif" font-size="12">`,
    `<title>${escapeXml(chart.title)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="22" font-size="16" font-weight="bold">${escapeXml(chart.title)}</text>`,
  );
  if (chart.subtitle) out.push(`<text x="${MARGIN.left}" y="40" fill="#444444">${escapeXml(chart.subtitle)}</text>`);

  // axes: ticks from D3
  const xTicks = x.ticks(chart.xScale === 'log' ? 6 : 8);
  const yTicks = y.ticks(chart.yScale === 'log' ? 6 : 8);
  const xFormat = x.tickFormat(chart.xScale === 'log' ? 6 : 8, chart.xScale === 'log' ? '~g' : undefined);
  const yFormat = y.tickFormat(chart.yScale === 'log' ? 6 : 8, chart.yScale === 'log' ? '~e' : undefined);
  out.push('<g stroke="#e4e8ec">');
  for (const t of xTicks) out.push(`<line x1="${fmt(x(t))}" x2="${fmt(x(t))}" y1="${MARGIN.top}" y2="${bottom}"/>`);
  for (const t of yTicks)
    out.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${fmt(y(t))}" y2="${fmt(y(t))}"/>`);
  out.push('</g>');
  out.push(
    `<g stroke="#57606a"><line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${bottom}" y2="${bottom}"/><line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${bottom}"/></g>`,
  );
  out.push('<g fill="#1b1f24">');
  for (const t of xTicks)
    out.push(`<text x="${fmt(x(t))}" y="${bottom + 18}" text-anchor="middle">${escapeXml(xFormat(t))}</text>`);
  for (const t of yTicks)
    out.push(
      `<text x="${MARGIN.left - 8}" y="${fmt(y(t))}" dy="0.32em" text-anchor="end">${escapeXml(yFormat(t))}</text>`,
    );
  out.push(
    `<text x="${fmt((MARGIN.left + WIDTH - MARGIN.right) / 2)}" y="${bottom + 40}" text-anchor="middle" font-size="13">${escapeXml(chart.xLabel)}</text>`,
    `<text transform="translate(20,${fmt((MARGIN.top + bottom) / 2)}) rotate(-90)" text-anchor="middle" font-size="13">${escapeXml(chart.yLabel)}</text>`,
  );
  out.push('</g>');

  // data, clipped to the plot area
  out.push(
    `<clipPath id="plot"><rect x="${MARGIN.left}" y="${MARGIN.top}" width="${WIDTH - MARGIN.left - MARGIN.right}" height="${PLOT_HEIGHT}"/></clipPath>`,
    '<g clip-path="url(#plot)" fill="none" stroke-width="2">',
  );
  // rings go on top, unclipped, so that a point on the plot's edge shows whole; points outside are left out
  const rings: string[] = [];
  const [[x0, x1], [y0, y1]] = [x.domain(), y.domain()].map((d) => [Math.min(d[0], d[1]), Math.max(d[0], d[1])]);
  for (const s of chart.series) {
    const idx = Array.from({ length: s.x.length }, (_, i) => i);
    const ok = (i: number) =>
      Number.isFinite(s.x[i]) &&
      Number.isFinite(s.y[i]) &&
      (chart.xScale !== 'log' || s.x[i] > 0) &&
      (chart.yScale !== 'log' || s.y[i] > 0);
    if (s.markers === 'ring') {
      const inside = (i: number) => ok(i) && s.x[i] >= x0 && s.x[i] <= x1 && s.y[i] >= y0 && s.y[i] <= y1;
      rings.push(`<g fill="#ffffff" stroke="${s.colour}" stroke-width="1.5">`);
      for (const i of idx) if (inside(i)) rings.push(`<circle cx="${fmt(x(s.x[i]))}" cy="${fmt(y(s.y[i]))}" r="3.5"/>`);
      rings.push('</g>');
    } else if (s.markers) {
      out.push(`<g fill="${s.colour}" stroke="none">`);
      for (const i of idx) if (ok(i)) out.push(`<circle cx="${fmt(x(s.x[i]))}" cy="${fmt(y(s.y[i]))}" r="2"/>`);
      out.push('</g>');
    } else {
      const d = line<number>()
        .defined(ok)
        .x((i) => x(s.x[i]))
        .y((i) => y(s.y[i]))
        .digits(2)(idx);
      if (d) out.push(`<path d="${d}" stroke="${s.colour}"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    }
  }
  out.push('</g>', ...rings);

  // legend in plain text
  let ly = bottom + MARGIN.bottom + 10;
  out.push('<g>');
  for (const s of chart.series) {
    out.push(
      s.markers === 'ring'
        ? `<circle cx="${MARGIN.left + 13}" cy="${ly - 4}" r="3.5" fill="#ffffff" stroke="${s.colour}" stroke-width="1.5"/>`
        : `<line x1="${MARGIN.left}" x2="${MARGIN.left + 26}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.colour}" stroke-width="3"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
      `<text x="${MARGIN.left + 34}" y="${ly}">${escapeXml(s.label)}</text>`,
    );
    ly += LEGEND_LINE;
  }
  for (const note of chart.notes ?? []) {
    out.push(`<text x="${MARGIN.left}" y="${ly}" fill="#57606a" font-size="11">${escapeXml(note)}</text>`);
    ly += LEGEND_LINE;
  }
  out.push('</g></svg>');
  return `${out.join('\n')}\n`;
}
