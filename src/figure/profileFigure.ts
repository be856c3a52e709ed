/**
 * The profile panel as a figure (links.md §2): JSON series over θ ∈ [0, π], CSV, and the SVG as drawn
 * (the view's `axis` and `zoom`, with the fitted Laplace kernel dashed when `fit` is set, the y axis cut and
 * marked where a zoom's values lie far from 0, as src/ui/charts/LineChart.tsx does on screen).
 */
import { fitLaplace } from '../core/kernels/fitLaplace';
import { kernelLabel } from '../core/kernels/registry';
import { profile } from '../core/views/profile';
import type { LinkState } from '../link';
import { instanceText } from '../link';
import type { CsvTable } from './csv';
import type { FigureLinks } from './links';
import { figureArray, figureNumber } from './numbers';
import { colourOf } from './palette';
import { DASHED, renderSvg, type SvgChart } from './svg';
import { figureText } from './unicode';

/** 0.25° steps from 0 to π inclusive. */
const FIGURE_PROFILE_SAMPLES = 721;

export function profileFigure(state: LinkState, links: FigureLinks) {
  const unit = state.norm === 'unit';
  const full = profile({ kernels: state.kernels, unit, samples: FIGURE_PROFILE_SAMPLES, thetaMax: Math.PI });
  const names = state.kernels.map(instanceText);
  const target = state.fit > 0 ? state.kernels[state.fit - 1] : null;
  const fit = target ? fitLaplace(target) : null;
  const fitValues = fit
    ? profile({ kernels: [fit.instance], unit, samples: FIGURE_PROFILE_SAMPLES, thetaMax: Math.PI }).values[0]
    : null;

  const json = {
    panel: 'profile',
    link: links.query,
    series: names.map((kernel, i) => ({ kernel, theta: figureArray(full.theta), value: figureArray(full.values[i]) })),
    ...(fit && fitValues
      ? {
          fit: {
            target: state.fit,
            kernel: instanceText(fit.instance),
            c: figureNumber(fit.c),
            rms: figureNumber(fit.rms),
            value: figureArray(fitValues),
          },
        }
      : {}),
  };

  const csv: CsvTable = {
    link: links.shown,
    coordinates: ['theta'],
    coordinateValues: [full.theta],
    columns: names.map((name, i) => ({ name, values: full.values[i] })),
  };

  const svg = (): string => {
    // The SVG shows what the panel shows: θ up to `zoom`, over θ in degrees or over u.
    const thetaMax = (state.zoom * Math.PI) / 180;
    const drawn = profile({
      kernels: fit ? [...state.kernels, fit.instance] : state.kernels,
      unit,
      samples: 1001,
      thetaMax,
    });
    const xs =
      state.axis === 'theta' ? Array.from(drawn.theta, (t) => (t * 180) / Math.PI) : Array.from(drawn.theta, Math.cos);
    const chart: SvgChart = {
      title: 'Kernel profiles on the unit sphere',
      subtitle: unit ? 'each kernel divided by κ(1), its value at x = z' : 'raw kernel values',
      xLabel: state.axis === 'theta' ? 'angle θ between x and z (degrees)' : 'u = xᵀz = cos θ',
      yLabel: unit ? 'k(x, z) / κ(1)' : 'k(x, z)',
      xScale: 'linear',
      yScale: 'linear',
      xDomain: state.axis === 'theta' ? [0, state.zoom] : [Math.cos(thetaMax), 1],
      // as on screen: from 0 unless the visible values lie far from it (a zoom on the cusp)
      yIncludeZero: 'near',
      series: drawn.values.map((values, i) => {
        const isFit = fit !== null && i === state.kernels.length;
        // as the panel's legend and readout name them
        return isFit
          ? {
              label: `fitted Laplace (c = ${figureText(fit.c)})`,
              detail: `least-squares fit to kernel ${state.fit}, ${instanceText(fit.instance)}, rms ${figureText(fit.rms, 3)}`,
              colour: colourOf(state.fit - 1),
              x: xs,
              y: values,
              dash: DASHED,
            }
          : { label: kernelLabel(state.kernels[i], i), colour: colourOf(i), x: xs, y: values };
      }),
      link: links.shown,
    };
    return renderSvg(chart);
  };
  return { json, csv, svg };
}
