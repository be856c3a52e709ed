/**
 * Standalone SVG charts for figures and exports (links.md §2): axes and a legend in plain SVG text
 * (formulas as Unicode, unicode.ts), no HTML, no external resources; opens in a browser and in Inkscape.
 * D3 computes the scales, ticks and paths; this module only writes markup. A chart draws what the app's
 * LineChart draws (src/ui/charts/LineChart.tsx): lines, even/odd strokes, dashed fits, reference lines,
 * vertical marks, a strip of marks under the plot, data points, and a legend for all of them.
 */
import { valueRange } from '../core/views/valueRange';
import { line, scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';
import { figureText, powerOfTen, unicodeMath } from './unicode';

/** stroke-dasharray of a dashed line (a fitted curve) and of the odd degrees' dotted stroke, as on screen. */
export const DASHED = '6 4';
export const DOTTED = '1.5 3';
/**
 * Reference lines: thin, grey, each with its own dash so that the legend tells them apart (none of them
 * dotted like the odd degrees).
 */
export const REFERENCE_COLOUR = '#57606a';
export const REFERENCE_DASHES = ['8 5', '14 4 3 4', '22 6', '14 4 3 4 3 4'];

export interface SvgSeries {
  /** the legend's name of the series (for a kernel: kernelLabel) */
  label: string;
  /** more about the series, after its name in the legend, in grey */
  detail?: string;
  colour: string;
  /** points in data coordinates; a point with a non-finite coordinate (or ≤ 0 on a log axis) breaks the line */
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** stroke-dasharray of the line (DASHED, a REFERENCE_DASHES entry); default solid */
  dash?: string;
  /** line width in pixels (default 2) */
  width?: number;
  /**
   * a line (default), dots, rings (open circles, e.g. data points), a line with a dot at every point, or bars
   * (categories at whole x: a filled bar BAR_WIDTH wide from 0, or the axis end nearest it, to each y)
   */
  marks?: 'line' | 'dots' | 'rings' | 'line+dots' | 'bars';
  /**
   * Integer abscissae drawn by parity, as the spectrum on screen: even x solid, odd x dotted, each stroke
   * joining the points of its own parity; `even`/`odd` draw only that stroke.
   */
  parity?: 'all' | 'even' | 'odd';
}

/** A band under the plot with one row of marks per series, e.g. the degrees at or below the accuracy floor. */
export interface SvgStrip {
  /** the band's label, left of it */
  label: string;
  /** what the marks mean, a line of the legend */
  legend: string;
  /** a mark from each integer abscissa k to k + 1 */
  rows: readonly { colour: string; at: readonly number[] }[];
}

export interface SvgChart {
  title: string;
  subtitle?: string;
  xLabel: string;
  yLabel: string;
  /** `log10`: the data are already log10 of the quantity; the axis is linear in them, labelled 10ⁿ */
  xScale: AxisKind;
  yScale: AxisKind;
  xDomain: [number, number];
  /** x ticks at these values (e.g. the whole numbers of categories) rather than D3's */
  xTicks?: readonly number[];
  /** default: the extent of the series, with `yIncludeZero` */
  yDomain?: [number, number];
  /**
   * Without a yDomain: the y range reaches to 0 always (`true`), or only when the series come near 0
   * (`'near'`, as the profile on screen: within a third of their own range); a range that does not reach 0
   * is marked by a break on the y axis and a note.
   */
  yIncludeZero?: boolean | 'near';
  /** round a linear y domain out to nice ticks (default true); false keeps yDomain exactly */
  yNice?: boolean;
  series: readonly SvgSeries[];
  /** vertical lines across the plot with a label at their top (e.g. r = 1, the sphere) */
  verticals?: readonly { x: number; label: string }[];
  strip?: SvgStrip;
  /** extra lines of plain text under the legend (e.g. notes on floors) */
  notes?: readonly string[];
  /** the figure's link, last under the legend (a hyperlink when it is an absolute URL) */
  link: string;
}

export type AxisKind = 'linear' | 'log' | 'log10';

export const WIDTH = 760;
const PLOT_HEIGHT = 400;
const MARGIN = { top: 56, right: 24, bottom: 56, left: 78 };
const LINE = 20;
const STRIP_ROW = 4;
/** Width of a bar (marks: 'bars') in x units: categories one apart keep a gap between bars. */
const BAR_WIDTH = 0.6;
/** Characters of 11–12 px text that fit across the figure; longer legend and note lines wrap. */
const LINE_CHARACTERS = 104;
const FONT = 'font-family="DejaVu Sans, Arial, sans-serif"';

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

const fmt = (v: number) => String(Number(v.toFixed(2)));

/** The root of a standalone figure: size, font, title and a white background. */
export function svgDocument(width: number, height: number, title: string, body: readonly string[], fontSize = 12) {
  return `${[
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="${fontSize}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...body,
    '</svg>',
  ].join('\n')}\n`;
}

/** Splits text into lines of at most `size` characters, at spaces where it can (a link at `&`). */
export function wrapText(text: string, size = LINE_CHARACTERS): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > size) {
    const cut = Math.max(rest.lastIndexOf(' ', size), rest.lastIndexOf('&', size));
    const at = cut > size / 2 ? cut : size;
    lines.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  return [...lines, rest];
}

/** Lines of text at x from y on, `LINE` apart; returns them and the y after them. */
function textLines(lines: readonly string[], x: number, y: number, attributes: string): [string[], number] {
  const out = lines.map((l, i) => `<text x="${x}" y="${y + i * LINE}"${attributes}>${escapeXml(l)}</text>`);
  return [out, y + lines.length * LINE];
}

/**
 * The figure's link under a chart: wrapped to the width, whole in `data-link` (for programs reading the
 * file), and a hyperlink when it is an absolute URL.
 */
export function linkLines(link: string, x: number, y: number): [string[], number] {
  const [lines, after] = textLines(wrapText(`link: ${link}`), x, y, ' fill="#57606a" font-size="11"');
  const inner = /^https?:\/\//.test(link) ? [`<a href="${escapeXml(link)}">`, ...lines, '</a>'] : lines;
  return [[`<g data-link="${escapeXml(link)}">`, ...inner, '</g>'], after];
}

interface Axis {
  scale: ScaleContinuousNumeric<number, number>;
  ticks: number[];
  label(v: number): string;
}

/** Ticks and their labels: on log axes the decades (10⁻¹⁴ style beyond 10⁻²…10⁴), true minus signs. */
function axis(kind: AxisKind, domain: [number, number], range: [number, number], nice: boolean): Axis {
  const scale = (kind === 'log' ? scaleLog() : scaleLinear()).domain(domain).range(range);
  if (kind === 'linear' && nice) scale.nice();
  if (kind === 'log10') {
    const ticks = scale.ticks(8).filter(Number.isInteger);
    return { scale, ticks, label: powerOfTen };
  }
  if (kind === 'log') {
    const ticks = scale.ticks(6);
    const decades = ticks.filter((t) => Number.isInteger(Math.log10(t)));
    if (decades.length < 2) return { scale, ticks, label: (v) => figureText(v, 3) };
    const plain = decades.every((t) => t >= 1e-2 && t <= 1e4);
    return {
      scale,
      // grid lines at every tick unless they crowd (many decades): then at the decades
      ticks: ticks.length > 12 ? decades : ticks,
      label: (v) =>
        !Number.isInteger(Math.log10(v)) ? '' : plain ? String(Number(v.toPrecision(1))) : powerOfTen(Math.log10(v)),
    };
  }
  const format = scale.tickFormat(8);
  return { scale, ticks: scale.ticks(8), label: (v) => format(v).replace('-', '−') };
}

/**
 * One chart's markup from `top` down, its clip path named `id` (unique within the document); returns the
 * markup and its height.
 */
export function renderChart(chart: SvgChart, top = 0, id = 'plot'): { markup: string[]; height: number } {
  const stripHeight = chart.strip ? STRIP_ROW * chart.strip.rows.length + 6 : 0;
  const plotTop = top + MARGIN.top;
  const bottom = plotTop + PLOT_HEIGHT;
  const axisAt = bottom + (chart.strip ? stripHeight + 8 : 0);
  const right = WIDTH - MARGIN.right;
  const xAxis = axis(chart.xScale, chart.xDomain, [MARGIN.left, right], false);
  if (chart.xTicks) {
    xAxis.ticks = [...chart.xTicks];
    xAxis.label = (v) => figureText(v);
  }
  const range = chart.yDomain
    ? { domain: chart.yDomain, cut: false }
    : valueRange(
        chart.series.map((s) => s.y),
        chart.yIncludeZero ?? false,
      );
  const yAxis = axis(chart.yScale, range.domain, [bottom, plotTop], chart.yNice !== false);
  const [x, y] = [xAxis.scale, yAxis.scale];
  const [yLo, yHi] = y.domain();

  const out: string[] = [
    `<text x="${MARGIN.left}" y="${top + 22}" font-size="16" font-weight="bold">${escapeXml(unicodeMath(chart.title))}</text>`,
  ];
  if (chart.subtitle)
    out.push(
      `<text x="${MARGIN.left}" y="${top + 40}" fill="#444444">${escapeXml(unicodeMath(chart.subtitle))}</text>`,
    );

  out.push('<g stroke="#e4e8ec">');
  for (const t of xAxis.ticks) out.push(`<line x1="${fmt(x(t))}" x2="${fmt(x(t))}" y1="${plotTop}" y2="${bottom}"/>`);
  for (const t of yAxis.ticks)
    out.push(`<line x1="${MARGIN.left}" x2="${right}" y1="${fmt(y(t))}" y2="${fmt(y(t))}"/>`);
  out.push('</g>');
  out.push(
    `<g stroke="#57606a"><line x1="${MARGIN.left}" x2="${right}" y1="${axisAt}" y2="${axisAt}"/><line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${plotTop}" y2="${bottom}"/></g>`,
  );
  out.push('<g fill="#1b1f24">');
  for (const t of xAxis.ticks) {
    const label = xAxis.label(t);
    if (label) out.push(`<text x="${fmt(x(t))}" y="${axisAt + 18}" text-anchor="middle">${escapeXml(label)}</text>`);
  }
  for (const t of yAxis.ticks) {
    const label = yAxis.label(t);
    if (label)
      out.push(
        `<text x="${MARGIN.left - 8}" y="${fmt(y(t))}" dy="0.32em" text-anchor="end">${escapeXml(label)}</text>`,
      );
  }
  out.push(
    `<text x="${fmt((MARGIN.left + right) / 2)}" y="${axisAt + 40}" text-anchor="middle" font-size="13">${escapeXml(unicodeMath(chart.xLabel))}</text>`,
    `<text transform="translate(18,${fmt((plotTop + bottom) / 2)}) rotate(-90)" text-anchor="middle" font-size="13">${escapeXml(unicodeMath(chart.yLabel))}</text>`,
  );
  out.push('</g>');
  if (range.cut) {
    // two slashes across the y axis at its end nearest to 0, as on screen (AxisBreak)
    const at = yLo > 0 ? bottom : plotTop;
    out.push(
      `<g stroke="#57606a" data-axis-break="y"><rect x="${MARGIN.left - 8}" y="${at - 9}" width="16" height="10" fill="#ffffff" stroke="none"/>`,
      `<line x1="${MARGIN.left - 7}" y1="${at - 4}" x2="${MARGIN.left + 7}" y2="${at - 10}"/><line x1="${MARGIN.left - 7}" y1="${at + 1}" x2="${MARGIN.left + 7}" y2="${at - 5}"/></g>`,
    );
  }

  // data, clipped to the plot area
  out.push(
    `<clipPath id="${id}"><rect x="${MARGIN.left}" y="${plotTop}" width="${right - MARGIN.left}" height="${PLOT_HEIGHT}"/></clipPath>`,
    `<g clip-path="url(#${id})" fill="none" stroke-width="2">`,
  );
  for (const v of chart.verticals ?? [])
    out.push(
      `<line x1="${fmt(x(v.x))}" x2="${fmt(x(v.x))}" y1="${plotTop}" y2="${bottom}" stroke="#57606a" stroke-width="1" stroke-dasharray="3 3"/>`,
      `<text x="${fmt(x(v.x) + 4)}" y="${plotTop + 14}" fill="#57606a" stroke="none" font-size="11">${escapeXml(v.label)}</text>`,
    );
  // rings and dots go on top, unclipped, so that a point on the plot's edge shows whole; points outside are left out
  const points: string[] = [];
  const [[x0, x1], [y0, y1]] = [x.domain(), y.domain()].map((d) => [Math.min(d[0], d[1]), Math.max(d[0], d[1])]);
  for (const s of chart.series) {
    const ok = (i: number) =>
      Number.isFinite(s.x[i]) &&
      Number.isFinite(s.y[i]) &&
      (chart.xScale !== 'log' || s.x[i] > 0) &&
      (chart.yScale !== 'log' || s.y[i] > 0);
    const marks = s.marks ?? 'line';
    if (marks === 'bars') {
      const base = y(Math.min(Math.max(0, y0), y1));
      for (let i = 0; i < s.x.length; i++) {
        if (!ok(i)) continue;
        const [a, b] = [x(s.x[i] - BAR_WIDTH / 2), x(s.x[i] + BAR_WIDTH / 2)];
        const top = y(Math.min(Math.max(s.y[i], y0), y1));
        out.push(
          `<rect x="${fmt(Math.min(a, b))}" y="${fmt(Math.min(top, base))}" width="${fmt(Math.abs(b - a))}" height="${fmt(Math.abs(base - top))}" fill="${s.colour}" stroke="none"/>`,
        );
      }
      continue;
    }
    if (marks !== 'dots' && marks !== 'rings') {
      const all = Array.from({ length: s.x.length }, (_, i) => i);
      const strokes: [number[], string | undefined][] = !s.parity
        ? [[all, s.dash]]
        : [
            ...(s.parity !== 'odd'
              ? [[all.filter((i) => s.x[i] % 2 === 0), s.dash] as [number[], string | undefined]]
              : []),
            ...(s.parity !== 'even' ? [[all.filter((i) => s.x[i] % 2 !== 0), DOTTED] as [number[], string]] : []),
          ];
      for (const [idx, dash] of strokes) {
        const d = line<number>()
          .defined(ok)
          .x((i) => x(s.x[i]))
          .y((i) => y(s.y[i]))
          .digits(2)(idx);
        if (d)
          out.push(
            `<path d="${d}" stroke="${s.colour}"${dash ? ` stroke-dasharray="${dash}"` : ''}${s.width ? ` stroke-width="${s.width}"` : ''}/>`,
          );
      }
    }
    if (marks !== 'line') {
      const inside = (i: number) => ok(i) && s.x[i] >= x0 && s.x[i] <= x1 && s.y[i] >= y0 && s.y[i] <= y1;
      const ring = marks === 'rings';
      points.push(
        ring ? `<g fill="#ffffff" stroke="${s.colour}" stroke-width="1.5">` : `<g fill="${s.colour}" stroke="none">`,
      );
      for (let i = 0; i < s.x.length; i++)
        if (inside(i)) points.push(`<circle cx="${fmt(x(s.x[i]))}" cy="${fmt(y(s.y[i]))}" r="${ring ? 3.5 : 3}"/>`);
      points.push('</g>');
    }
  }
  out.push('</g>', ...points);

  if (chart.strip) out.push(...stripMarkup(chart.strip, x, bottom, stripHeight));

  const cutNote = range.cut
    ? [`The y axis does not start at 0: it spans the visible values, ${figureText(yLo)} to ${figureText(yHi)}.`]
    : [];
  const [legend, after] = legendMarkup(
    { ...chart, notes: [...cutNote, ...(chart.notes ?? [])] },
    axisAt + MARGIN.bottom + 10,
  );
  out.push(...legend);
  return { markup: out, height: after - top + 2 };
}

/** The strip under the plot, as on screen: a band, its label, a row of marks per series. */
function stripMarkup(
  strip: SvgStrip,
  x: ScaleContinuousNumeric<number, number>,
  bottom: number,
  height: number,
): string[] {
  const [left, right] = x.range();
  const [, last] = x.domain();
  const out = [
    `<g data-strip="floor">`,
    `<rect x="${left}" y="${bottom + 5}" width="${right - left}" height="${height}" fill="#f6f8fa" stroke="#d0d7de"/>`,
    `<text x="${left - 6}" y="${bottom + 6 + height / 2}" dy="0.32em" text-anchor="end" fill="#57606a" font-size="11">${escapeXml(strip.label)}</text>`,
  ];
  strip.rows.forEach((row, i) => {
    const rowY = bottom + 8 + i * STRIP_ROW;
    let d = '';
    for (const k of row.at) {
      const a = x(k);
      const b = k < last ? x(k + 1) : a + 2;
      d += `M${fmt(a)},${rowY}h${fmt(Math.max(1, (b - a) * 0.8))}`;
    }
    if (d) out.push(`<path d="${d}" stroke="${row.colour}" stroke-width="${STRIP_ROW - 1}"/>`);
  });
  out.push('</g>');
  return out;
}

/** The legend (a swatch and the name of each series, its detail in grey), the strip's key, notes and the link. */
function legendMarkup(chart: SvgChart, top: number): [string[], number] {
  const out: string[] = ['<g class="legend">'];
  let ly = top;
  const textX = MARGIN.left + 34;
  for (const s of chart.series) {
    const mid = ly - 4;
    const marks = s.marks ?? 'line';
    if (marks === 'bars')
      out.push(`<rect x="${MARGIN.left + 6}" y="${mid - 6}" width="14" height="12" fill="${s.colour}"/>`);
    else if (marks === 'rings' || marks === 'dots')
      out.push(
        marks === 'rings'
          ? `<circle cx="${MARGIN.left + 13}" cy="${mid}" r="3.5" fill="#ffffff" stroke="${s.colour}" stroke-width="1.5"/>`
          : `<circle cx="${MARGIN.left + 13}" cy="${mid}" r="3" fill="${s.colour}"/>`,
      );
    else
      out.push(
        `<line x1="${MARGIN.left}" x2="${MARGIN.left + 26}" y1="${mid}" y2="${mid}" stroke="${s.colour}" stroke-width="${s.width ?? 3}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
      );
    const label = escapeXml(s.label);
    const detail = s.detail ? unicodeMath(s.detail) : '';
    const together = s.label.length + detail.length + 3 <= LINE_CHARACTERS - 6;
    out.push(
      `<text x="${textX}" y="${ly}"><tspan data-legend="label">${label}</tspan>${detail && together ? `<tspan dx="12" fill="#57606a">${escapeXml(detail)}</tspan>` : ''}</text>`,
    );
    ly += LINE;
    if (detail && !together) {
      const [lines, after] = textLines(wrapText(detail, LINE_CHARACTERS - 6), textX, ly, ' fill="#57606a"');
      out.push(...lines);
      ly = after;
    }
  }
  if (chart.strip) {
    const mid = ly - 4;
    out.push(
      `<rect x="${MARGIN.left}" y="${mid - 4}" width="26" height="8" fill="#f6f8fa" stroke="#d0d7de"/>`,
      `<line x1="${MARGIN.left + 3}" x2="${MARGIN.left + 23}" y1="${mid}" y2="${mid}" stroke="#57606a" stroke-width="${STRIP_ROW - 1}"/>`,
      `<text x="${textX}" y="${ly}">${escapeXml(unicodeMath(chart.strip.legend))}</text>`,
    );
    ly += LINE;
  }
  for (const note of chart.notes ?? []) {
    const [lines, after] = textLines(wrapText(unicodeMath(note)), MARGIN.left, ly, ' fill="#57606a" font-size="11"');
    out.push(...lines);
    ly = after;
  }
  const [link, after] = linkLines(chart.link, MARGIN.left, ly);
  out.push(...link, '</g>');
  return [out, after];
}

/** One chart as a standalone SVG document. */
export function renderSvg(chart: SvgChart): string {
  const { markup, height } = renderChart(chart);
  return svgDocument(WIDTH, height + 10, unicodeMath(chart.title), markup);
}
