/**
 * The Sequences panel as a figure (docs/rntk.md "The figure", README "Headless figures"): the link's scalar sequences,
 * their recurrent-NTK Gram matrix (raw: σ_v = 1, d = 1, never divided), how the kernel weights time —
 * ∂K(x, x)/∂x_t of every sequence against the steps before its end (0 = the last step) —, the normalized
 * kernel of the chosen sequence against each with the finite RNNs' mean ± sd (width `m`, `seeds` networks,
 * capped as the panel caps them), and the memory factor χ. The SVG is the panel as a static figure: the
 * sequences end-aligned, the Gram matrix as a heatmap, the normalized kernel as bars, the time weights of the
 * chosen sequence on a log axis with the sentence of memoryText.
 */
import { ticks } from 'd3';
import { memoryText } from '../core/views/sequencesText';
import {
  WEIGHT_DECADES,
  sequencesFinite,
  sequencesView,
  weightsDomain,
  type MeanSd,
  type SequencesFinite,
  type SequencesResult,
} from '../core/views/sequencesView';
import type { LinkState } from '../link';
import { colourAt } from './colour';
import type { CsvTable } from './csv';
import type { FigureLinks } from './links';
import { colourBar } from './map';
import { figureArray, figureNumber } from './numbers';
import { colourOf, PALETTE } from './palette';
import { DASHED, escapeXml, renderChart, svgDocument, type SvgSeries, WIDTH } from './svg';
import { figureText, unicodeMath } from './unicode';

const ACTIVATION_NAME = { relu: 'ReLU', erf: 'erf' } as const;
/** The finite RNNs' dots and whiskers: near-black, apart from every sequence colour. */
const FINITE_COLOUR = '#1b1f24';

/** x₁, x₂, … x₁₆: a sequence's name in the figure (1-based). */
const sequenceLabel = (position: number) => unicodeMath(`x_{${position}}`);

const optional = (v: number | null) => (v === null ? null : figureNumber(v));
const meanSdJson = (s: MeanSd | null) =>
  s === null ? null : { mean: figureNumber(s.mean), sd: figureNumber(s.sd), count: s.count };

export function sequencesFigure(state: LinkState, links: FigureLinks) {
  const request = {
    seqs: state.seqs,
    seed: state.seed,
    seq: state.seq,
    act: state.act,
    sw: state.sw,
    su: state.su,
    sb: state.sb,
  };
  const view = sequencesView({ ...request, weights: 'all' });
  const finite = sequencesFinite({ ...request, m: state.m, seeds: state.seeds });
  const n = view.sequences.length;
  const gramRows = Array.from({ length: n }, (_, i) => figureArray(view.gram.subarray(i * n, (i + 1) * n)));

  const json = {
    panel: 'sequences',
    link: links.query,
    act: state.act,
    sw: state.sw,
    su: state.su,
    sb: state.sb,
    sequences: view.sequences.map(figureArray),
    gram: gramRows,
    weights: view.weights.map((w) => ({
      sequence: w.sequence,
      steps: w.steps,
      sensitivity: figureArray(w.sensitivity),
    })),
    chosen: view.chosen,
    normalized: view.normalized.map(optional),
    memory: {
      chi: figureNumber(view.memory.chi),
      critical: optional(view.memory.critical),
      regime: view.memory.regime,
    },
    finite: {
      m: finite.m,
      requestedM: finite.requestedM,
      networks: finite.networks,
      requestedNetworks: finite.requestedNetworks,
      raw: finite.raw.map(meanSdJson),
      normalized: finite.normalized.map(meanSdJson),
    },
  };

  return {
    json,
    csv: sequencesCsv(view, finite, links.shown),
    svg: () => sequencesSvg(state, view, finite, links.shown),
  };
}

/**
 * One table for two kinds of rows (a CsvTable has one coordinate column and columns of equal length): the
 * coordinate `steps_before_end` (0 = the last step) indexes the time columns `x<i>` (the sequence's value) and
 * `dK/dx x<i>` (∂K(x_i, x_i)/∂x_t), empty where sequence i is shorter; the column `sequence` (i = 1..n in the
 * first n rows, empty below) indexes the per-sequence columns: the Gram row `K(x_i, x<j>)` for every j, the
 * normalized kernel of the chosen sequence c against x_i and the finite RNNs' mean and sd of both. The table
 * has max(longest sequence, n) rows; χ, the regime and the finite networks' width and count are in the JSON.
 */
function sequencesCsv(view: SequencesResult, finite: SequencesFinite, link: string): CsvTable {
  const n = view.sequences.length;
  const longest = Math.max(...view.sequences.map((s) => s.length));
  const rows = Math.max(longest, n);
  const byStep = (values: ArrayLike<number>, backwards: boolean) =>
    Array.from({ length: rows }, (_, j) => (j < values.length ? values[backwards ? values.length - 1 - j : j] : null));
  const bySequence = (value: (i: number) => number | null) =>
    Array.from({ length: rows }, (_, i) => (i < n ? value(i) : null));
  const c = `x${view.chosen}`;
  const stat = (list: (MeanSd | null)[], key: 'mean' | 'sd') => bySequence((i) => list[i]?.[key] ?? null);
  return {
    link,
    coordinates: ['steps_before_end'],
    coordinateValues: [Array.from({ length: rows }, (_, j) => j)],
    columns: [
      ...view.sequences.flatMap((values, i) => [
        { name: `x${i + 1}`, values: byStep(values, true) },
        // weights[i].sensitivity is already listed from the last step back
        { name: `dK/dx x${i + 1}`, values: byStep(view.weights[i].sensitivity, false) },
      ]),
      { name: 'sequence', values: bySequence((i) => i + 1) },
      ...view.sequences.map((_, j) => ({ name: `K(x_i, x${j + 1})`, values: bySequence((i) => view.gram[i * n + j]) })),
      { name: `normalized K(${c}, x_i)`, values: bySequence((i) => view.normalized[i]) },
      { name: `finite mean K(${c}, x_i)`, values: stat(finite.raw, 'mean') },
      { name: `finite sd K(${c}, x_i)`, values: stat(finite.raw, 'sd') },
      { name: `finite mean normalized K(${c}, x_i)`, values: stat(finite.normalized, 'mean') },
      { name: `finite sd normalized K(${c}, x_i)`, values: stat(finite.normalized, 'sd') },
    ],
  };
}

/** Steps before the end, 0 at the right (as on screen): the x domain of `length` steps. */
const stepsDomain = (length: number): [number, number] => [Math.max(1, length - 1), 0];
/** Whole steps only: a sequence has no value between two steps. */
const stepTicks = (length: number) => ticks(0, Math.max(1, length - 1), 8).filter(Number.isInteger);

function sequencesSvg(state: LinkState, view: SequencesResult, finite: SequencesFinite, link: string): string {
  const n = view.sequences.length;
  const c = view.chosen - 1;
  const chosenLabel = sequenceLabel(view.chosen);
  const parameters = `${ACTIVATION_NAME[state.act]} RNN, σ_w = ${figureText(state.sw, 3)}, σ_u = ${figureText(state.su, 3)}, σ_b = ${figureText(state.sb, 3)}, σ_v = 1`;
  const markup: string[] = [];
  let top = 0;

  // (a) the sequences, end-aligned
  const longest = Math.max(...view.sequences.map((s) => s.length));
  const sequenceSeries: SvgSeries[] = view.sequences.map((values, i) => ({
    label: `${sequenceLabel(i + 1)} (${values.length} step${values.length === 1 ? '' : 's'})${i === c ? ', chosen' : ''}`,
    colour: colourOf(i),
    x: values.map((_, t) => values.length - 1 - t),
    y: values,
    width: i === c ? 3.5 : 1.5,
    // the palette repeats after 8 colours: the second eight dashed
    dash: i >= PALETTE.length ? DASHED : undefined,
    marks: values.length === 1 ? 'dots' : 'line',
  }));
  const sequencesChart = renderChart(
    {
      title: 'The sequences, end-aligned: the RNTK compares them from their ends',
      subtitle: `${n} scalar sequence${n === 1 ? '' : 's'} (d = 1); ${parameters}; docs/rntk.md`,
      xLabel: 'steps before the end (0 = the last step)',
      yLabel: 'x_t',
      xScale: 'linear',
      yScale: 'linear',
      xDomain: stepsDomain(longest),
      xTicks: stepTicks(longest),
      yIncludeZero: true,
      series: sequenceSeries,
      link,
    },
    top,
    'plot',
  );
  markup.push(...sequencesChart.markup);
  top += sequencesChart.height;

  // (b) the Gram matrix
  const gram = gramMarkup(view, top);
  markup.push(...gram.markup);
  top += gram.height;

  // (c) the normalized kernel of the chosen sequence against each, with the finite RNNs
  const positions = view.sequences.map((_, j) => j + 1);
  const finiteText = (s: MeanSd | null) =>
    s === null ? 'no network gave a value' : `${figureText(s.mean, 3)} ± ${figureText(s.sd, 2)}`;
  const barSeries: SvgSeries[] = view.sequences.map((values, j) => ({
    label: `${sequenceLabel(j + 1)} (${values.length} step${values.length === 1 ? '' : 's'})`,
    detail:
      view.normalized[j] === null
        ? 'undefined: an all-zero sequence has K(x, x) = 0'
        : `${figureText(view.normalized[j] as number)}; finite RNNs ${finiteText(finite.normalized[j])}`,
    colour: colourOf(j),
    x: [j + 1],
    y: [view.normalized[j] ?? NaN],
    marks: 'bars',
  }));
  const means = finite.normalized.map((s) => s?.mean ?? NaN);
  const whiskers = finite.normalized.flatMap((s) =>
    s === null ? [NaN, NaN, NaN] : [s.mean - s.sd, s.mean + s.sd, NaN],
  );
  const networks = `${finite.networks} network${finite.networks === 1 ? '' : 's'} of width ${finite.m}`;
  barSeries.push(
    { label: `finite RNNs: mean of ${networks}`, colour: FINITE_COLOUR, x: positions, y: means, marks: 'dots' },
    {
      label: 'finite RNNs: mean ± 1 sd',
      colour: FINITE_COLOUR,
      x: positions.flatMap((p) => [p, p, NaN]),
      y: whiskers,
      width: 1.5,
    },
  );
  const barsChart = renderChart(
    {
      title: `Normalized kernel of the chosen sequence ${chosenLabel} against each`,
      subtitle: 'K(x_c, x_j)/√(K(x_c, x_c)·K(x_j, x_j)): the RNTK (bars) and finite RNNs’ empirical kernels',
      xLabel: 'sequence j',
      yLabel: `normalized K(${chosenLabel}, x_j)`,
      xScale: 'linear',
      yScale: 'linear',
      xDomain: [0.5, n + 0.5],
      xTicks: positions,
      yIncludeZero: true,
      series: barSeries,
      notes: finiteNotes(state, finite),
      link,
    },
    top,
    'plot-2',
  );
  markup.push(...barsChart.markup);
  top += barsChart.height;

  // (d) how the kernel weights time: |∂K(x, x)/∂x_t| of the chosen sequence
  const weights = view.weights[c];
  const domain = weightsDomain(weights.sensitivity.map(Math.abs));
  // as on screen: at most WEIGHT_DECADES below the largest weight; zeros and weights below that are not drawn
  const size = weights.sensitivity.map((v) => (domain && Math.abs(v) >= 2 * domain[0] ? Math.abs(v) : Number.NaN));
  const zeros = weights.sensitivity.filter((v) => v === 0).length;
  const tiny = weights.sensitivity.filter((v, t) => v !== 0 && Number.isNaN(size[t])).length;
  const negative = weights.sensitivity.filter((v) => v < 0).length;
  const T = weights.steps.length;
  const timeChart = renderChart(
    {
      title: `How the RNTK weights time: |∂K(x, x)/∂x_t| of ${chosenLabel}`,
      subtitle: 'the sensitivity of K(x, x) to the value at each step (src/core/rntk/sensitivity.ts, docs/rntk.md)',
      xLabel: 'steps before the end (0 = the last step)',
      yLabel: '|∂K(x, x)/∂x_t| (log scale)',
      xScale: 'linear',
      yScale: 'log',
      xDomain: stepsDomain(T),
      xTicks: stepTicks(T),
      yDomain: domain ?? [1e-3, 1],
      yNice: false,
      series: [
        {
          label: chosenLabel,
          detail: parameters,
          colour: colourOf(c),
          x: weights.steps,
          y: size,
          marks: T <= 64 ? 'line+dots' : 'line',
        },
      ],
      notes: [
        memoryText(view.memory, state.act, state.sw),
        ...(zeros > 0 ? [`∂K/∂x_t = 0 at ${zeros} of ${T} steps: not drawn on the log axis`] : []),
        ...(tiny > 0
          ? [`${tiny} of ${T} steps weigh less than 10^−${WEIGHT_DECADES} of the largest: below the axis, not drawn`]
          : []),
        ...(negative > 0 ? [`∂K/∂x_t < 0 at ${negative} of ${T} steps: drawn as its absolute value`] : []),
      ],
      link,
    },
    top,
    'plot-3',
  );
  markup.push(...timeChart.markup);
  top += timeChart.height;

  return svgDocument(WIDTH, top + 10, 'Sequences: the recurrent NTK', markup);
}

/** Where the finite RNNs come from, and what the caps left out. */
function finiteNotes(state: LinkState, finite: SequencesFinite): string[] {
  const notes = [`finite RNN i is drawn from seed ${state.seed} + i (σ_v = 1; the same σ_w, σ_u, σ_b and φ)`];
  if (finite.m < finite.requestedM) notes.push(`width ${finite.m}: the link asks for ${finite.requestedM}, capped`);
  if (finite.networks < finite.requestedNetworks)
    notes.push(
      `${finite.networks} of the ${finite.requestedNetworks} networks asked for: the rest would pass the work cap`,
    );
  return notes;
}

/** Side of the Gram heatmap in pixels, and where it starts (the charts' left margin). */
const MAP = 360;
const MAP_LEFT = 110;

/** The Gram matrix as n×n rects (each with its value as a tooltip), the sequence names and a colour bar. */
function gramMarkup(view: SequencesResult, top: number): { markup: string[]; height: number } {
  const n = view.sequences.length;
  const cell = MAP / n;
  const mapTop = top + 80;
  let [lo, hi] = [Infinity, -Infinity];
  for (const v of view.gram) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  const span = hi - lo;
  const out = [
    `<text x="78" y="${top + 22}" font-size="16" font-weight="bold">${escapeXml('Gram matrix K(xᵢ, x_j) of the RNTK (raw)')}</text>`,
    `<text x="78" y="${top + 40}" fill="#444444">${escapeXml('row i, column j; each cell’s value as its tooltip; colours from the smallest to the largest value')}</text>`,
    '<g data-gram="cells">',
  ];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const v = view.gram[i * n + j];
      const fill = colourAt('sequential', span > 0 ? (v - lo) / span : 0.5);
      out.push(
        `<rect x="${(MAP_LEFT + j * cell).toFixed(2)}" y="${(mapTop + i * cell).toFixed(2)}" width="${cell.toFixed(2)}" height="${cell.toFixed(2)}" fill="${fill}"><title>${escapeXml(`K(${sequenceLabel(i + 1)}, ${sequenceLabel(j + 1)}) = ${figureText(v)}`)}</title></rect>`,
      );
    }
  out.push('</g>', `<rect x="${MAP_LEFT}" y="${mapTop}" width="${MAP}" height="${MAP}" fill="none" stroke="#57606a"/>`);
  // names beside the rows and above the columns, in the sequences' colours (at most 16, ≥ 22.5 px apart)
  for (let i = 0; i < n; i++) {
    const at = (i + 0.5) * cell;
    const name = escapeXml(sequenceLabel(i + 1));
    out.push(
      `<text x="${MAP_LEFT - 6}" y="${(mapTop + at).toFixed(2)}" dy="0.32em" text-anchor="end" fill="${colourOf(i)}" font-weight="bold">${name}</text>`,
      `<text x="${(MAP_LEFT + at).toFixed(2)}" y="${mapTop - 6}" text-anchor="middle" fill="${colourOf(i)}" font-weight="bold">${name}</text>`,
    );
  }
  out.push(
    `<g transform="translate(${MAP_LEFT},0)">`,
    ...colourBar([lo, hi], 'sequential', MAP, mapTop + MAP + 14),
    '</g>',
    `<text x="${MAP_LEFT + MAP + 24}" y="${mapTop + 14}">${escapeXml(`diagonal K(x, x): ${figureText(Math.min(...diagonal(view)))} to ${figureText(Math.max(...diagonal(view)))}`)}</text>`,
  );
  return { markup: out, height: mapTop - top + MAP + 50 };
}

const diagonal = (view: SequencesResult) => {
  const n = view.sequences.length;
  return Array.from({ length: n }, (_, i) => view.gram[i * n + i]);
};
