/**
 * The spectral-bias panel as a figure (docs/function-space.md, "Figures"): for the target's degrees k, the
 * eigenvalues λ_k, the times to learn t_k = ln 10 / λ_k (null: never) and the residuals e^{−λ_k t} of the
 * kernel gradient flow (learningView), plus the profiles of the target and of the learned function f_t.
 * The SVG is t_k against k, log–log, with the link's t as a reference line.
 */
import { kernelLabel } from '../core/kernels/registry';
import { learningView } from '../core/functionSpace/learning';
import type { LinkState } from '../link';
import { instanceText, readDegrees } from '../link';
import type { CsvTable } from './csv';
import { figureArray, figureNumber } from './numbers';
import { colourOf } from './palette';
import { renderSvg, type SvgSeries } from './svg';

export function learningFigure(state: LinkState, link: string) {
  const view = learningView({
    kernels: state.kernels,
    d: state.d,
    unit: state.norm === 'unit',
    degrees: readDegrees(state.harm),
    t: state.t,
  });
  const names = state.kernels.map(instanceText);
  const { degrees } = view;
  const times = view.kernels.map((kc) =>
    kc.degrees.map((c) => (c.timeToLearn === null ? null : figureNumber(c.timeToLearn))),
  );

  const json = {
    panel: 'learning',
    link,
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
    link,
    coordinates: ['k'],
    coordinateValues: [degrees],
    columns: names.map((name, i) => ({ name, values: times[i] })),
  };

  const svg = (): string => {
    // log–log: degrees k ≥ 1 with a finite t_k; k = 0 and "never" go into the legend and notes
    const onAxis = degrees.filter((k) => k >= 1);
    let lo = Infinity;
    let hi = 0;
    for (const ts of times)
      for (const [q, tk] of ts.entries())
        if (degrees[q] >= 1 && tk !== null) [lo, hi] = [Math.min(lo, tk), Math.max(hi, tk)];
    if (!(hi > 0)) [lo, hi] = [1, 1000];
    const xDomain: [number, number] = onAxis.length
      ? [onAxis[0] / 1.25, Math.max(onAxis[0] * 2, onAxis[onAxis.length - 1] * 1.25)]
      : [1, 10];
    const series: SvgSeries[] = names.map((name, i) => {
      const never = degrees.filter((_, q) => times[i][q] === null);
      return {
        label: `${kernelLabel(state.kernels[i], i)}   [${name}]${never.length ? `; never learned: k = ${never.join(', ')}` : ''}`,
        colour: colourOf(i),
        x: degrees,
        y: times[i].map((tk) => tk ?? NaN),
        markers: 'ring',
      };
    });
    if (state.t > 0) {
      series.push({
        label: `t = ${state.t >= 1e6 ? state.t.toExponential() : state.t} (the link's time): degrees below the line are learned by then`,
        colour: '#57606a',
        x: xDomain,
        y: [state.t, state.t],
        dashed: true,
      });
    }
    const notes = [
      `target g = Σ P_k(x·e) over k = ${degrees.join(', ')}`,
      `never: λ_k at or below the accuracy floor of the spectrum (used as 0), so exp(−λ_k t) stays 1${state.norm === 'unit' ? '; kernels divided by κ(1)' : ''}`,
      ...(degrees[0] === 0
        ? [
            `degree 0 (off the log axis): t_0 = ${times.map((ts, i) => `${ts[0] === null ? 'never' : ts[0].toPrecision(4)} (${i + 1})`).join(', ')}`,
          ]
        : []),
      `link: ${link}`,
    ];
    return renderSvg({
      title: `Spectral bias on S^${state.d - 1} (d = ${state.d}): time to learn degree k`,
      subtitle: 't_k = ln 10 / λ_k: the residual exp(−λ_k t) of degree k falls below 10 % (log–log)',
      xLabel: 'degree k',
      yLabel: 't_k (units of 1/η)',
      xScale: 'log',
      yScale: 'log',
      xDomain,
      yDomain: [Math.min(lo, state.t > 0 ? state.t : lo) / 3, Math.max(hi, state.t) * 3],
      series,
      notes,
    });
  };
  return { json, csv, svg };
}
