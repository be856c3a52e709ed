/**
 * The real-data panel as a figure (docs/realdata.md §6): per data set, each contestant's chosen parameters,
 * C and accuracies; the summaries and pair statistics over them. No `series`: this figure is per data set.
 * Accuracy-like numbers are fractions in [0, 1]. The SVG is the scatter of the pair's accuracies per data
 * set, with the diagonal.
 */
import { contestant } from '../core/realdata/contestants';
import type { RealdataSelection, RealdataTable } from '../realdata/selection';
import { csvField } from './csv';
import type { FigureFormat } from './index';
import { figureLinks, type FigureLinks } from './links';
import { figureArray, figureNumber, numberText } from './numbers';
import { REFERENCE_COLOUR, REFERENCE_DASHES, renderSvg } from './svg';

const paramsText = (params: Record<string, number>) =>
  Object.entries(params)
    .map(([k, v]) => `${k}=${numberText(v)}`)
    .join(';');

export function realdataFigure(selection: RealdataSelection, table: RealdataTable, links: FigureLinks) {
  const { contestants, prep } = selection;
  const json = {
    panel: 'realdata',
    link: links.query,
    prep,
    contestants,
    datasets: table.rows.map(({ dataset, results }) => ({
      name: dataset.name,
      n: dataset.n,
      d: dataset.d,
      classes: dataset.classes,
      results: Object.fromEntries(
        contestants.flatMap((c) => {
          const r = results[c];
          if (!r) return [];
          const params = Object.fromEntries(Object.entries(r.params).map(([k, v]) => [k, figureNumber(v)]));
          return [
            [
              c,
              {
                params,
                C: figureNumber(r.C),
                validation: figureNumber(r.validation),
                folds: figureArray(r.folds),
                accuracy: figureNumber(r.accuracy),
              },
            ],
          ];
        }),
      ),
    })),
    summary: Object.fromEntries(
      Object.entries(table.summary ?? {}).map(([c, s]) => [
        c,
        {
          mean: figureNumber(s.mean),
          friedman: figureNumber(s.friedman),
          p90: figureNumber(s.p90),
          p95: figureNumber(s.p95),
          pma: figureNumber(s.pma),
        },
      ]),
    ),
    pairs: table.pairs.map((p) => ({
      ...p,
      meanDiff: figureNumber(p.meanDiff),
      p: p.p === null ? null : figureNumber(p.p),
    })),
  };

  /** One row per data set and contestant (docs/realdata.md §6). */
  const csv = (): string => {
    const header = ['dataset', 'n', 'd', 'classes', 'prep', 'contestant', 'params', 'C', 'validation'];
    const lines = [`# ${links.shown}`, [...header, 'fold1', 'fold2', 'fold3', 'fold4', 'accuracy'].join(',')];
    for (const { dataset, results } of table.rows) {
      for (const c of contestants) {
        const r = results[c];
        if (!r) continue;
        const cells = [dataset.name, dataset.n, dataset.d, dataset.classes, prep, c, paramsText(r.params), r.C];
        const numbers = [r.validation, ...r.folds, r.accuracy].map(numberText);
        lines.push([...cells.map((v) => csvField(String(v))), ...numbers].join(','));
      }
    }
    return `${lines.join('\n')}\n`;
  };

  const svg = (): string => {
    const pair = selection.pair;
    const rows = pair ? table.rows.filter((r) => r.results[pair[0]] && r.results[pair[1]]) : [];
    const label = (c: string) => contestant(c)?.label ?? c;
    const percent = (v: number) => 100 * v;
    const xs = pair ? rows.map((r) => percent(r.results[pair[0]]!.accuracy)) : [];
    const ys = pair ? rows.map((r) => percent(r.results[pair[1]]!.accuracy)) : [];
    // the axes start at the lowest tenth below the data, as on screen (ScatterChart), at most at 90 %
    const low = 10 * Math.max(0, Math.min(9, Math.floor(Math.min(100, ...xs, ...ys) / 10)));
    const below = xs.filter((a, i) => a > ys[i]).length;
    const above = xs.filter((a, i) => a < ys[i]).length;
    return renderSvg({
      title: pair
        ? `Accuracy per data set: ${label(pair[0])} vs ${label(pair[1])}`
        : 'Accuracy per data set (choose two contestants)',
      subtitle: `${rows.length} data sets, prep = ${prep}; each point one data set, the dashed line equal accuracy`,
      xLabel: pair ? `${label(pair[0])} accuracy (%)` : 'accuracy (%)',
      yLabel: pair ? `${label(pair[1])} accuracy (%)` : 'accuracy (%)',
      xScale: 'linear',
      yScale: 'linear',
      xDomain: [low, 100],
      yDomain: [low, 100],
      yNice: false,
      series: [
        {
          label: 'equal accuracy',
          colour: REFERENCE_COLOUR,
          x: [low, 100],
          y: [low, 100],
          dash: REFERENCE_DASHES[0],
          width: 1.5,
        },
        ...(pair
          ? [
              {
                label: 'data set',
                colour: '#0b5cad',
                x: xs,
                y: ys,
                marks: 'rings' as const,
              },
            ]
          : []),
      ],
      notes: [
        ...(pair
          ? [
              `${below} data sets lie below the diagonal (${label(pair[0])} better), ${above} above (${label(pair[1])} better), ${rows.length - below - above} on it.`,
            ]
          : []),
        'Data: UCI Machine Learning Repository (Dua & Graff); preprocessing and splits: Fernández-Delgado et al. (2014); protocol: Arora et al. (2020).',
      ],
      link: links.shown,
    });
  };

  return { json, csv, svg };
}

/** The figure file in one format, as the CLI prints it and the panel exports it; `base`: see links.ts. */
export function realdataFigureText(
  selection: RealdataSelection,
  table: RealdataTable,
  link: string,
  format: FigureFormat,
  base?: string,
): string {
  const figure = realdataFigure(selection, table, figureLinks(link, base));
  if (format === 'json') return `${JSON.stringify(figure.json)}\n`;
  return format === 'csv' ? figure.csv() : figure.svg();
}
