/**
 * The regression panel as a figure (docs/function-space.md, "Figures"): kernel ridge regression of every
 * kernel on the link's data (regressionView), on θ ∈ [0, 2π] plus the data angles, with the Laplace kernel
 * fitted to the first NTK instance and the largest gap between the two predictors.
 */
import { kernelLabel } from '../core/kernels/registry';
import { regressionView } from '../core/views/regressionView';
import type { LinkState } from '../link';
import { instanceText, readPoints } from '../link';
import type { CsvTable } from './csv';
import type { FigureLinks } from './links';
import { figureArray, figureNumber } from './numbers';
import { colourOf } from './palette';
import { DASHED, renderSvg, type SvgSeries } from './svg';
import { figureText } from './unicode';

export function regressionFigure(state: LinkState, links: FigureLinks) {
  const points = readPoints(state.pts);
  const theta = points.map((p) => (p.angle * Math.PI) / 180);
  const y = points.map((p) => p.value);
  const unit = state.norm === 'unit';
  const view = regressionView({ kernels: state.kernels, unit, theta, y, ridge: state.ridge });
  const names = state.kernels.map(instanceText);
  const cmp = view.comparison;
  const fitName = cmp ? instanceText(cmp.fit.instance) : '';

  const json = {
    panel: 'regression',
    link: links.query,
    ridge: figureNumber(state.ridge),
    data: { theta: figureArray(theta), value: figureArray(y) },
    theta: figureArray(view.theta),
    series: names.map((kernel, i) => ({
      kernel,
      value: figureArray(view.values[i]),
      rank: view.fits[i].rank,
      minimumNorm: view.fits[i].minimumNorm,
      maxResidual: figureNumber(view.fits[i].maxResidual),
    })),
    ...(cmp
      ? {
          comparison: {
            ntk: cmp.ntk + 1,
            kernel: fitName,
            c: figureNumber(cmp.fit.c),
            rms: figureNumber(cmp.fit.rms),
            value: figureArray(cmp.values),
            gap: figureNumber(cmp.gap),
            relativeGap: figureNumber(cmp.relativeGap),
          },
        }
      : {}),
  };

  const csv: CsvTable = {
    link: links.shown,
    coordinates: ['theta'],
    coordinateValues: [view.theta],
    columns: [
      ...names.map((name, i) => ({ name, values: view.values[i] })),
      ...(cmp ? [{ name: fitName, values: cmp.values }] : []),
    ],
  };

  const svg = (): string => {
    const degrees = Array.from(view.theta, (t) => (t * 180) / Math.PI);
    const m = Math.max(1, ...y.map(Math.abs));
    const series: SvgSeries[] = view.values.map((values, i) => {
      const fit = view.fits[i];
      const solve = fit.minimumNorm ? `minimum-norm, rank ${fit.rank} of ${y.length}` : `rank ${fit.rank}`;
      return {
        label: kernelLabel(state.kernels[i], i),
        detail: y.length ? `${solve}, max |f(θᵢ) − yᵢ| = ${figureText(fit.maxResidual, 3)}` : 'no data: f = 0',
        colour: colourOf(i),
        x: degrees,
        y: values,
      };
    });
    if (cmp) {
      series.push({
        label: `Laplace fitted to kernel ${cmp.ntk + 1} (c = ${figureText(cmp.fit.c)})`,
        detail: `${fitName}; max |f_NTK − f_Laplace| = ${figureText(cmp.gap, 3)} (${figureText(100 * cmp.relativeGap, 3)} % of max |y|)`,
        colour: colourOf(cmp.ntk),
        x: degrees,
        y: cmp.values,
        dash: DASHED,
      });
    }
    series.push({
      label: `data (${y.length} points)`,
      colour: '#1b1f24',
      x: points.map((p) => p.angle),
      y,
      marks: 'rings',
    });
    return renderSvg({
      title: 'Kernel regression on the circle S¹',
      subtitle: `predictor f(θ) = Σᵢ αᵢ k(θ, θᵢ) with (K + λI) α = y, ridge λ = ${state.ridge}; ${unit ? 'kernels divided by κ(1)' : 'raw kernels'}`,
      xLabel: 'angle θ on the circle (degrees)',
      yLabel: 'y, f(θ)',
      xScale: 'linear',
      yScale: 'linear',
      xDomain: [0, 360],
      yDomain: [-1.6 * m, 1.6 * m],
      yNice: false,
      series,
      link: links.shown,
    });
  };
  return { json, csv, svg };
}
