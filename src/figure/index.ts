/**
 * Figures from a link, shared by the headless CLI (`npm run -s figure`) and the app's exports
 * (links.md §2). Each panel yields its JSON object, CSV table and SVG chart.
 */
import type { LinkState } from '../link';
import { toCsv, type CsvTable } from './csv';
import { featuresFigure } from './featuresFigure';
import { learningFigure } from './learningFigure';
import { figureLinks, type FigureLinks } from './links';
import { offsphereFigure } from './offsphereFigure';
import { profileFigure } from './profileFigure';
import { regressionFigure } from './regressionFigure';
import { samplesFigure } from './samplesFigure';
import { sequencesFigure } from './sequencesFigure';
import { spectrumFigure } from './spectrumFigure';
import { trainingFigure } from './trainingFigure';
import { widthFigure } from './widthFigure';

export interface PanelFigure {
  json: object;
  csv: CsvTable;
  /** the standalone SVG, drawn only when asked for */
  svg(): string;
}

export const FIGURE_PANELS: Record<string, (state: LinkState, links: FigureLinks) => PanelFigure> = {
  profile: profileFigure,
  spectrum: spectrumFigure,
  offsphere: offsphereFigure,
  samples: samplesFigure,
  regression: regressionFigure,
  learning: learningFigure,
  width: widthFigure,
  features: featuresFigure,
  training: trainingFigure,
  sequences: sequencesFigure,
};

export const FIGURE_FORMATS = ['json', 'csv', 'svg'] as const;
export type FigureFormat = (typeof FIGURE_FORMATS)[number];

/**
 * A panel's figure for the canonical `link` (a query string); with a `base` URL the CSV and SVG carry the
 * absolute link (links.ts).
 */
export function renderFigure(
  state: LinkState,
  link: string,
  panel: string,
  format: FigureFormat,
  base?: string,
): string {
  const make = FIGURE_PANELS[panel];
  if (!make) throw new Error(`unknown panel ${panel}`);
  const figure = make(state, figureLinks(link, base));
  if (format === 'json') return `${JSON.stringify(figure.json)}\n`;
  if (format === 'csv') return toCsv(figure.csv);
  return figure.svg();
}
