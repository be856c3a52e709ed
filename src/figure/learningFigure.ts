/**
 * The spectral-bias panel as a figure (docs/function-space.md, "Figures"): for the target's degrees k, the
 * eigenvalues λ_k, the times to learn t_k = ln 10 / λ_k (null: never) and the residuals e^{−λ_k t} of the
 * kernel gradient flow (learningView), plus the profiles of the target and of the learned function f_t.
 * The SVG is the panel's two charts: t_k against k (log y; log k where the degrees span a factor 20) with the
 * link's t as a reference line, and f_t with the target over the angle from the pole.
 */
import { kernelLabel } from '../core/kernels/registry';
import { learningView } from '../core/functionSpace/learning';
import type { LinkState } from '../link';
import { instanceText, readIntegers } from '../link';
import type { CsvTable } from './csv';
import type { FigureLinks } from './links';
import { figureArray, figureNumber } from './numbers';
import { colourOf } from './palette';
import { REFERENCE_COLOUR, renderChart, svgDocument, type SvgSeries, WIDTH } from './svg';
import { figureText, unicodeMath } from './unicode';

export function learningFigure(state: LinkState, links: FigureLinks) {
  const view = learningView({
    kernels: state.kernels,
    d: state.d,
    unit: state.norm === 'unit',
    degrees: readIntegers(state.harm),
    t: state.t,
  });
  const names = state.kernels.map(instanceText);
  const { degrees } = view;
  const thetaDegrees = Array.from(view.theta, (v) => (v * 180) / Math.PI);
  const times = view.kernels.map((kc) =>
    kc.degrees.map((c) => (c.timeToLearn === null ? null : figureNumber(c.timeToLearn))),
  );

  const json = {
    panel: 'learning',
    link: links.query,
    d: state.d,
    t: figureNumber(state.t),
    degrees,
    theta: figureArray(view.theta),
    target: figureArray(view.target),
    series: names.map((kernel, i) => {
      const kc = view.kernels[i];
      return {
        kernel,
        floor: figureNumber(kc.floor),
        lambda: kc.degrees.map((c) => figureNumber(c.lambda)),
        timeToLearn: times[i],
        residual: kc.degrees.map((c) => figureNumber(c.residualAtT)),
        order: kc.order,
        learned: figureArray(kc.profile),
      };
    }),
  };

  const csv: CsvTable = {
    link: links.shown,
    coordinates: ['k'],
    coordinateValues: [degrees],
    columns: names.map((name, i) => ({ name, values: times[i] })),
  };

  // the panel's two charts (src/ui/panels/learning/LearningPanel.tsx): the times to learn, and f_t with the target
  const svg = (): string => {
    const first = degrees[0];
    const last = degrees[degrees.length - 1];
    // a log axis only where it spreads the degrees out (and has no k = 0), as on screen
    const xLog = first >= 1 && last / first >= 20;
    const finite = times.flatMap((ts) => ts.filter((tk): tk is number => tk !== null && tk > 0));
    const lo = Math.min(state.t > 0 ? state.t : Infinity, ...finite);
    const hi = Math.max(state.t, ...finite);
    const yDomain: [number, number] = finite.length > 0 ? [lo / 3, hi * 3] : [1e-3, 1e3];
    const xDomain: [number, number] = xLog ? [first / 1.2, last * 1.2] : [first - 0.5, last + 0.5];
    const series: SvgSeries[] = names.map((_, i) => {
      const never = degrees.filter((__, q) => times[i][q] === null);
      return {
        label: kernelLabel(state.kernels[i], i),
        detail: never.length ? `never learned: k = ${never.join(', ')}` : undefined,
        colour: colourOf(i),
        x: degrees,
        y: times[i].map((tk) => tk ?? NaN),
        marks: 'line+dots',
      };
    });
    if (state.t > 0) {
      series.push({
        label: `now: t = ${figureText(state.t)}`,
        detail: "the link's time: degrees below the line are learned by then",
        colour: REFERENCE_COLOUR,
        x: xDomain,
        y: [state.t, state.t],
        dash: '4 3',
        width: 1.5,
      });
    }
    const timesChart = renderChart(
      {
        title: `Spectral bias on S^{${state.d - 1}} (d = ${state.d}): time to learn degree k`,
        subtitle: 't_k = ln 10 / λ_k: the residual exp(−λ_k t) of degree k falls below 10 %',
        xLabel: `degree k of the harmonic${xLog ? ' (log scale)' : ''}`,
        yLabel: 'time to learn t_k (units of 1/η)',
        xScale: xLog ? 'log' : 'linear',
        yScale: 'log',
        xDomain,
        yDomain,
        yNice: false,
        series,
        notes: [
          `target g = Σ P_k(x·e) over k = ${degrees.join(', ')}`,
          `never: λ_k at or below the accuracy floor of the spectrum (used as 0), so exp(−λ_k t) stays 1${state.norm === 'unit' ? '; kernels divided by κ(1)' : ''}`,
        ],
        link: links.shown,
      },
      0,
      'plot',
    );
    const profileChart = renderChart(
      {
        title: `The learned function f_t at t = ${figureText(state.t)}`,
        subtitle: 'each kernel’s f_t and the target g over the angle θ from the pole e',
        xLabel: 'angle θ from the pole (degrees)',
        yLabel: `f_t(θ) at t = ${figureText(state.t)}`,
        xScale: 'linear',
        yScale: 'linear',
        xDomain: [0, 180],
        series: [
          ...view.kernels.map((kc, i) => ({
            label: kernelLabel(state.kernels[i], i),
            colour: colourOf(i),
            x: thetaDegrees,
            y: kc.profile,
          })),
          { label: 'target g', colour: '#1b1f24', x: thetaDegrees, y: view.target, dash: '2 3', width: 1.5 },
        ],
        link: links.shown,
      },
      timesChart.height,
      'plot-2',
    );
    return svgDocument(
      WIDTH,
      timesChart.height + profileChart.height + 10,
      unicodeMath(`Spectral bias on S^{${state.d - 1}} (d = ${state.d})`),
      [...timesChart.markup, ...profileChart.markup],
    );
  };
  return { json, csv, svg };
}
