/**
 * The spectrum panel as a figure (links.md §2): λ_k for k = 0..kmax per instance with its accuracy
 * floor; the SVG is the log–log view with values at or below the floor left out (indistinguishable from 0).
 */
import { familyOf, kernelLabel } from '../core/kernels/registry';
import { spectrum } from '../core/spectrum/spectrum';
import type { LinkState } from '../link';
import { instanceText } from '../link';
import type { CsvTable } from './csv';
import { figureArray, figureNumber } from './numbers';
import { colourOf } from './palette';
import { renderSvg, type SvgChart } from './svg';

export function spectrumFigure(state: LinkState, link: string) {
  const result = spectrum({ kernels: state.kernels, d: state.d, kmax: state.kmax, unit: state.norm === 'unit' });
  const k = Array.from({ length: state.kmax + 1 }, (_, i) => i);
  const names = state.kernels.map(instanceText);

  const json = {
    panel: 'spectrum',
    link,
    d: state.d,
    series: names.map((kernel, i) => ({
      kernel,
      k,
      lambda: figureArray(result.series[i].lambda),
      floor: figureNumber(result.series[i].floor),
    })),
  };

  const csv: CsvTable = {
    link,
    coordinates: ['k'],
    coordinateValues: [k],
    columns: names.map((name, i) => ({ name, values: result.series[i].lambda })),
  };

  const svg = (): string => {
    // log–log: only k ≥ 1 and λ_k above the floor are drawn
    let lo = Infinity;
    let hi = 0;
    const drawn = result.series.map(({ lambda, floor }) =>
      Float64Array.from(lambda, (v, i) => {
        if (i === 0 || !(v > floor)) return NaN;
        [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
        return v;
      }),
    );
    if (!(hi > 0)) [lo, hi] = [1e-16, 1];
    const chart: SvgChart = {
      title: `Mercer eigenvalues on the sphere S^${state.d - 1} (d = ${state.d})`,
      subtitle: `λ_k against degree k, log–log${state.norm === 'unit' ? ', kernels divided by κ(1)' : ''}; values at or below the accuracy floor are not drawn`,
      xLabel: 'degree k',
      yLabel: 'λ_k',
      xScale: 'log',
      yScale: 'log',
      xDomain: [1, Math.max(2, state.kmax)],
      yDomain: [lo / 2, hi * 2],
      series: drawn.map((y, i) => {
        const f = familyOf(state.kernels[i]);
        const rate = f.decay(state.d, state.kernels[i].params);
        return {
          label: `${kernelLabel(state.kernels[i], i)}   λ_0 = ${result.series[i].lambda[0].toPrecision(4)}, theory ${rate.label}   [${names[i]}]`,
          colour: colourOf(i),
          x: k,
          y,
          markers: true,
        };
      }),
      notes: [`link: ${link}`],
    };
    return renderSvg(chart);
  };
  return { json, csv, svg };
}
