/**
 * The profile panel as a figure (links.md §2): JSON series over θ ∈ [0, π], CSV, and the SVG as drawn
 * (the view's `axis` and `zoom`, with the fitted Laplace kernel dashed when `fit` is set).
 */
import { fitLaplace } from '../core/kernels/fitLaplace';
import { kernelLabel } from '../core/kernels/registry';
import { profile } from '../core/views/profile';
import type { LinkState } from '../link';
import { instanceText } from '../link';
import type { CsvTable } from './csv';
import { figureArray, figureNumber } from './numbers';
import { colourOf } from './palette';
import { renderSvg, type SvgChart } from './svg';

/** 0.25° steps from 0 to π inclusive. */
const FIGURE_PROFILE_SAMPLES = 721;

export function profileFigure(state: LinkState, link: string) {
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
    link,
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
    link,
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
    let lo = 0;
    let hi = 0;
    for (const v of drawn.values) for (const t of v) [lo, hi] = [Math.min(lo, t), Math.max(hi, t)];
    const chart: SvgChart = {
      title: 'Kernel profiles on the unit sphere',
      subtitle: unit ? 'each kernel divided by κ(1), its value at x = z' : 'raw kernel values',
      xLabel: state.axis === 'theta' ? 'angle θ between x and z (degrees)' : 'u = xᵀz = cos θ',
      yLabel: unit ? 'k(x, z) / κ(1)' : 'k(x, z)',
      xScale: 'linear',
      yScale: 'linear',
      xDomain: state.axis === 'theta' ? [0, state.zoom] : [Math.cos(thetaMax), 1],
      yDomain: [lo, hi > lo ? hi : lo + 1],
      series: drawn.values.map((values, i) => {
        const isFit = fit !== null && i === state.kernels.length;
        return {
          label: isFit
            ? `least-squares Laplace fit to kernel ${state.fit}: ${instanceText(fit.instance)}, rms ${fit.rms.toPrecision(3)}`
            : `${kernelLabel(state.kernels[i], i)}   [${names[i]}]`,
          colour: colourOf(isFit ? state.fit - 1 : i),
          x: xs,
          y: values,
          dashed: isFit,
        };
      }),
      notes: [`link: ${link}`],
    };
    return renderSvg(chart);
  };
  return { json, csv, svg };
}
