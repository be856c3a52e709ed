/**
 * The spectrum panel as a figure (links.md §2): λ_k for k = 0..kmax per instance with its accuracy
 * floor. The SVG is the panel as drawn (src/ui/panels/spectrum/SpectrumPanel.tsx), from the same view
 * (spectrumPlot, math.md §3–4): the link's quantity (`y`) over k, log–log, even k solid and odd k dotted
 * (`parity`), the reference rates with their theorems, and the strip of degrees at or below the floor.
 */
import { type DecayRate, familyOf, kernelLabel } from '../core/kernels/registry';
import { fitWindow, type TailFit } from '../core/spectrum/decayFit';
import { spectrum } from '../core/spectrum/spectrum';
import { plotLog10Range, spectrumFitsAndPlot, type SpectrumQuantity } from '../core/views/spectrumPlot';
import type { LinkState } from '../link';
import { choiceOptions, comparison, instanceText, sameComparisonText } from '../link';
import type { CsvTable } from './csv';
import type { FigureLinks } from './links';
import { figureArray, figureNumber } from './numbers';
import { colourOf } from './palette';
import { REFERENCE_COLOUR, REFERENCE_DASHES, renderSvg, type SvgSeries } from './svg';
import { figureText, unicodeMath } from './unicode';

/** What is plotted, as the link's parameter table (and the panel) labels it. */
const quantityLabel = (q: SpectrumQuantity) => choiceOptions('y').find((o) => o.value === q)!.label;

export function spectrumFigure(state: LinkState, links: FigureLinks) {
  const unit = state.norm === 'unit';
  const result = spectrum({ kernels: state.kernels, d: state.d, kmax: state.kmax, unit });
  const k = Array.from({ length: state.kmax + 1 }, (_, i) => i);
  const names = state.kernels.map(instanceText);

  const json = {
    panel: 'spectrum',
    link: links.query,
    d: state.d,
    series: names.map((kernel, i) => ({
      kernel,
      k,
      lambda: figureArray(result.series[i].lambda),
      floor: figureNumber(result.series[i].floor),
    })),
  };

  const csv: CsvTable = {
    link: links.shown,
    coordinates: ['k'],
    coordinateValues: [k],
    columns: names.map((name, i) => ({ name, values: result.series[i].lambda })),
  };

  const svg = (): string => {
    const { kernels, d, kmax, parity } = state;
    // as the worker computes the view for the panel (workers/compute.worker.ts, `spectrum`)
    const ratio = state.y === 'ratio';
    const compared = comparison(kernels, state.ra, state.rb);
    const pair: [number, number] = [compared.a, compared.b];
    const window = fitWindow(kmax, state.klo, state.khi);
    const { fits, plot } = spectrumFitsAndPlot(result, kernels, {
      window,
      automaticWindow: state.klo === 0,
      parity,
      quantity: state.y,
      ratioPair: pair,
    });
    const rates = kernels.map((kernel) => familyOf(kernel).decay(d, kernel.params));
    const ks = k.slice(1);

    // y: log10 of the quantity, whole decades around what is drawn (as on screen)
    const [lo, hi] = plotLog10Range(plot, kmax);

    const keeps = (j: number) => parity === 'all' || (j % 2 === 0) === (parity === 'even');
    const colour = (i: number) => colourOf(ratio ? pair[0] - 1 : i);
    // a ratio of a kernel with itself is 1 at every degree: no curve, the reason instead (as on screen)
    const noRatio = ratio ? sameComparisonText(kernels, compared) : null;
    const series: SvgSeries[] = noRatio
      ? []
      : plot.series.map((s, i) => ({
          label: ratio
            ? `ratio A/B: A = ${kernelLabel(kernels[pair[0] - 1], pair[0] - 1)}, B = ${kernelLabel(kernels[pair[1] - 1], pair[1] - 1)}`
            : kernelLabel(kernels[i], i),
          detail: ratio ? undefined : kernelDetail(result.series[i].lambda[0], fits[i], rates[i]),
          colour: colour(i),
          x: ks,
          y: s.log10.subarray(1),
          parity,
        }));
    plot.references.forEach((r, n) => {
      series.push({
        label: unicodeMath(`${r.label} (${r.source})`),
        colour: REFERENCE_COLOUR,
        x: [1, kmax],
        y: [r.log10AtOne, r.log10AtOne + r.exponent * Math.log10(kmax)],
        dash: REFERENCE_DASHES[n % REFERENCE_DASHES.length],
        width: 1.5,
      });
    });
    const notes = [
      ...(noRatio ? [`No ratio plot. ${noRatio}`] : []),
      ...(parity === 'all' ? ['Even degrees k solid, odd degrees dotted.'] : [`Only ${parity} degrees k are drawn.`]),
      `Tail fits: least-squares slope of log λ_k against log k over k ∈ [${window[0]}, ${window[1]}]${parity !== 'all' ? ` (${parity} k)` : ''}, eigenvalues above the floor only${fits.some((f) => f?.adapted) ? ` — where that window holds fewer than 3, over the upper half of the degrees above the floor (the window of each such fit is in its legend)` : ''}${plot.references.length ? '; reference lines drawn 3× above the fit' : ''}.`,
    ];
    return renderSvg({
      title: `Eigenvalue decay on the sphere S^{${d - 1}} (d = ${d})`,
      subtitle: `${quantityLabel(state.y)} against degree k, log–log${unit ? ', kernels divided by κ(1)' : ''}`,
      xLabel: 'degree k (log scale)',
      yLabel: `${quantityLabel(state.y)} (log scale)`,
      xScale: 'log',
      yScale: 'log10',
      xDomain: [1, Math.max(2, kmax)],
      yDomain: [Math.floor(lo), Math.ceil(hi)],
      yNice: false,
      series,
      strip: {
        label: '≤ floor',
        legend: 'degrees k whose λ_k is at or below its accuracy floor (indistinguishable from 0), one row per series',
        rows: plot.series.map((s, i) => ({
          colour: colour(i),
          at: ks.filter((j) => s.belowFloor[j] === 1 && keeps(j)),
        })),
      },
      notes,
      link: links.shown,
    });
  };
  return { json, csv, svg };
}

/** λ_0, the fitted slope over its window and the theoretical rate, as the panel's fit table shows them. */
function kernelDetail(lambda0: number, fit: TailFit | null, rate: DecayRate) {
  const slope = fit
    ? `fitted slope ${figureText(fit.slope, 3)} over k ∈ [${fit.kFrom}, ${fit.kTo}]${fit.adapted ? ' (the window follows the data above the floor)' : ''}`
    : 'no fit (fewer than 3 eigenvalues above the floor)';
  return `λ_0 = ${figureText(lambda0)}; ${slope}; theory ${rate.label}`;
}
