/**
 * The random-features panel as a figure (docs/finite.md §5.2): for every NTK instance of the kernel list,
 * the relative Gram error ‖K̂ − K‖_F/‖K‖_F of its random-feature estimate against the number of random
 * directions D (16, 32, … up to `rf`), the fitted log–log slope and the time of each estimate, and the
 * time of the exact Gram matrices. The SVG is the panel's chart: log–log, with a D^{−1/2} reference line.
 * Times are wall-clock: they differ from run to run, the errors do not (every draw comes from `seed`).
 */
import { kernelLabel } from '../core/kernels/registry';
import { featureNotes, featuresView, referenceLine } from '../core/views/featuresView';
import type { LinkState } from '../link';
import { instanceText } from '../link';
import type { CsvTable } from './csv';
import type { FigureLinks } from './links';
import { figureArray, figureNumber } from './numbers';
import { colourOf } from './palette';
import { REFERENCE_COLOUR, renderChart, svgDocument, type SvgSeries, WIDTH } from './svg';
import { unicodeMath } from './unicode';

export function featuresFigure(state: LinkState, links: FigureLinks) {
  const view = featuresView({ kernels: state.kernels, n: state.n, d: state.d, rf: state.rf, seed: state.seed });
  const names = view.series.map((s) => instanceText(s.kernel));
  const json = {
    panel: 'features',
    link: links.query,
    n: view.n,
    d: view.d,
    series: view.series.map((s, i) => ({
      kernel: names[i],
      method: s.method,
      dims: s.dims,
      error: figureArray(s.error),
      slope: s.slope === null ? null : figureNumber(s.slope),
      ms: figureArray(s.ms),
      // only where the work cap left dimensions out
      ...(s.stoppedAt === null ? {} : { stoppedAt: s.stoppedAt }),
    })),
    exactMs: figureNumber(view.exactMs),
  };

  // one row per D of the ladder; a dimension a series did not reach is an empty cell
  const at = (dims: readonly number[], values: readonly number[]) =>
    view.dims.map((D) => {
      const q = dims.indexOf(D);
      return q < 0 ? null : values[q];
    });
  const csv: CsvTable = {
    link: links.shown,
    coordinates: ['D'],
    coordinateValues: [view.dims],
    columns: view.series.flatMap((s, i) => [
      { name: `${names[i]} error`, values: at(s.dims, s.error) },
      { name: `${names[i]} ms`, values: at(s.dims, s.ms) },
    ]),
  };

  const svg = (): string => {
    const { dims } = view;
    const title = `Random features of the NTK on S^{${view.d - 1}} (d = ${view.d}, n = ${view.n} points)`;
    const series: SvgSeries[] = view.series.map((s) => ({
      label: kernelLabel(s.kernel, s.index),
      detail: `${s.method}; ${s.slope === null ? 'no slope (one D)' : `slope ${s.slope.toFixed(2).replace('-', '−')}`}`,
      colour: colourOf(s.index),
      x: s.dims,
      y: s.error,
      marks: 'line+dots',
    }));
    if (view.series.length > 0) {
      series.push({
        label: 'D^−1/2',
        detail: 'reference slope −½',
        colour: REFERENCE_COLOUR,
        x: dims,
        y: referenceLine(view.series[0], dims),
        dash: '4 3',
        width: 1.5,
      });
    }
    const errors = view.series.flatMap((s) => s.error.filter((e) => e > 0));
    const chart = renderChart(
      {
        title,
        subtitle: 'relative Gram error ‖K̂ − K‖_F / ‖K‖_F against the random directions per layer D',
        xLabel: 'random directions per layer D (log scale)',
        yLabel: 'relative Gram error (log scale)',
        xScale: 'log',
        yScale: 'log',
        xDomain: dims.length > 1 ? [dims[0] / 1.2, dims[dims.length - 1] * 1.2] : [dims[0] / 2, dims[0] * 2],
        yDomain: errors.length > 0 ? [Math.min(...errors) / 1.5, Math.max(...errors) * 1.5] : [1e-3, 1],
        yNice: false,
        series,
        notes: [
          'times of the estimates and of the exact Gram matrices: in the JSON and CSV (wall-clock, they vary from run to run)',
          ...(view.series.length === 0
            ? ['no NTK in the kernel list: random features are drawn for NTK instances only']
            : []),
          ...featureNotes(view, state.kernels),
        ],
        link: links.shown,
      },
      0,
      'plot',
    );
    return svgDocument(WIDTH, chart.height + 10, unicodeMath(title), chart.markup);
  };
  return { json, csv, svg };
}
