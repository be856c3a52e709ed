/**
 * The finite-width panel as a figure (docs/finite.md §5): for every NTK instance, the analytic profile and
 * the mean and sample sd of the empirical NTK of `seeds` networks of width `m` (init `init`) over θ ∈ [0, π]
 * (x at the north pole, z on a great circle), after `norm`; and the convergence with the width for both
 * initializations (relative RMS error, least-squares slope in log–log, the width for a 1 % error).
 * The SVG is the panel's charts: the profiles with mean ± sd, and the log–log convergence of both initializations.
 */
import { kernelLabel } from '../core/kernels/registry';
import { TARGET_ERROR, widthConvergence, widthSeries, type WidthConvergence } from '../core/views/finiteWidth';
import type { LinkState } from '../link';
import { instanceText, readIntegers } from '../link';
import type { CsvTable } from './csv';
import type { FigureLinks } from './links';
import { figureArray, figureNumber } from './numbers';
import { colourOf } from './palette';
import { DASHED, DOTTED, REFERENCE_COLOUR, renderChart, svgDocument, type SvgSeries, WIDTH } from './svg';
import { figureText } from './unicode';

const INIT_NAME = { gaussian: 'Gaussian', orthogonal: 'orthogonal' } as const;

export function widthFigure(state: LinkState, links: FigureLinks) {
  const base = { kernels: state.kernels, d: state.d, seeds: state.seeds, seed: state.seed };
  const view = widthSeries({ ...base, m: state.m, init: state.init, unit: state.norm === 'unit' });
  const convergence = widthConvergence({ ...base, widths: readIntegers(state.widths) });
  const optional = (v: number | null) => (v === null ? null : figureNumber(v));

  const json = {
    panel: 'width',
    link: links.query,
    series: view.series.map((s) => ({
      kernel: instanceText(s.kernel),
      init: view.init,
      m: view.m,
      seeds: view.seeds,
      theta: figureArray(view.theta),
      analytic: figureArray(s.analytic),
      mean: figureArray(s.mean),
      sd: figureArray(s.sd),
    })),
    convergence: convergence.map((c) => ({
      kernel: instanceText(c.kernel),
      init: c.init,
      widths: c.widths,
      error: figureArray(c.error),
      slope: optional(c.slope),
      widthFor1Percent: optional(c.widthFor1Percent),
      extrapolated: c.extrapolated,
    })),
  };

  const csv: CsvTable = {
    link: links.shown,
    coordinates: ['theta'],
    coordinateValues: [view.theta],
    columns: view.series.flatMap((s) => {
      const name = instanceText(s.kernel);
      return [
        { name: `${name} analytic`, values: s.analytic },
        { name: `${name} mean`, values: s.mean },
        { name: `${name} sd`, values: s.sd },
      ];
    }),
  };

  const svg = (): string => {
    const thetaDegrees = Array.from(view.theta, (t) => (t * 180) / Math.PI);
    const noNtk = view.series.length === 0;
    const profileSeries: SvgSeries[] = view.series.flatMap((s) => {
      const label = kernelLabel(s.kernel, s.index);
      const colour = colourOf(s.index);
      return [
        { label: `${label}: formula`, colour, x: thetaDegrees, y: s.analytic, dash: DASHED },
        { label: `${label}: mean of ${view.seeds} networks`, colour, x: thetaDegrees, y: s.mean },
        {
          label: `${label}: mean ± 1 sd`,
          colour,
          x: [...thetaDegrees, NaN, ...thetaDegrees],
          y: [...s.mean.map((v, j) => v + s.sd[j]), NaN, ...s.mean.map((v, j) => v - s.sd[j])],
          dash: DOTTED,
          width: 1,
        },
      ];
    });
    const profile = renderChart(
      {
        title: `Tangent kernel of ${view.seeds} ${INIT_NAME[view.init]} networks of width ${view.m} against the NTK`,
        subtitle: 'x at the north pole, z on a great circle at angle θ; docs/finite.md §1–2',
        xLabel: 'angle θ between x and z (degrees)',
        yLabel: 'Θ(x, z)',
        xScale: 'linear',
        yScale: 'linear',
        xDomain: [0, 180],
        yDomain: noNtk ? [0, 1] : undefined,
        series: profileSeries,
        notes: [
          noNtk
            ? 'the kernel list has no NTK instance: nothing to compare with finite networks'
            : `network i is drawn from seed ${state.seed} + i${state.norm === 'unit' ? '; divided by κ(1)' : ''}`,
        ],
        link: links.shown,
      },
      0,
      'plot',
    );
    let top = profile.height;
    const markup = [...profile.markup];
    if (!noNtk) {
      const chart = convergenceChart(convergence, links.shown, top);
      markup.push(...chart.markup);
      top += chart.height;
    }
    return svgDocument(WIDTH, top + 10, 'Finite width: a real network’s tangent kernel', markup);
  };
  return { json, csv, svg };
}

/** Both initializations in one chart: Gaussian solid, orthogonal dashed; each fit's slope and 1 % width in the legend. */
function convergenceChart(rows: WidthConvergence[], link: string, top: number) {
  const widths = rows[0].widths;
  const first = widths[0];
  const last = widths[widths.length - 1];
  const xDomain: [number, number] = first === last ? [first / 2, last * 2] : [first / 1.3, last * 1.3];
  const series: SvgSeries[] = rows.map((r) => ({
    label: `${kernelLabel(r.kernel, r.index)}, ${INIT_NAME[r.init]}`,
    detail: r.slope === null ? 'no fit (one width)' : `slope ${figureText(r.slope)}, 1 % error at m ${widthText(r)}`,
    colour: colourOf(r.index),
    x: widths,
    y: r.error,
    marks: 'line+dots' as const,
    dash: r.init === 'orthogonal' ? DASHED : undefined,
  }));
  const anchor = rows[0].error[0];
  series.push({
    label: 'reference line m^−1/2',
    colour: REFERENCE_COLOUR,
    x: xDomain,
    y: xDomain.map((m) => anchor * Math.sqrt(first / m)),
    dash: DOTTED,
    width: 1.5,
  });
  return renderChart(
    {
      title: 'Convergence with the width: Gaussian (solid) and orthogonal (dashed) weights',
      subtitle: 'mean over the networks of RMS_θ(Θ_m − Θ)/RMS_θ(Θ), log–log',
      xLabel: 'width m (log scale)',
      yLabel: 'relative RMS error (log scale)',
      xScale: 'log',
      yScale: 'log',
      xDomain,
      series,
      notes: [
        `slope: least squares of log error on log width; the ${TARGET_ERROR * 100} % width reads the fitted line, extrapolated beyond the widths computed`,
      ],
      link,
    },
    top,
    'plot-2',
  );
}

function widthText(c: WidthConvergence): string {
  if (c.widthFor1Percent === null) return 'not reached';
  return `≈ ${Math.round(c.widthFor1Percent)}${c.extrapolated ? ' (extrapolated)' : ''}`;
}
