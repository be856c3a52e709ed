/**
 * What the spectrum view plots (math.md §3–4), in log10 so that neither 1e−300 nor N(d,k) ~ 1e+900
 * overflows: λ_k, λ_k/λ_0, the weight N(d,k)·λ_k of degree k, or the ratio λ_k(A)/λ_k(B) of two instances.
 * Eigenvalues at or below their accuracy floor are not plotted; they are flagged for the zero strip.
 */
import type { DecayRate, KernelInstance } from '../kernels/registry';
import { familyOf } from '../kernels/registry';
import { fitSpectrumTails, type Parity, type TailFit } from '../spectrum/decayFit';
import type { SpectrumResult } from '../spectrum/spectrum';

export type SpectrumQuantity = 'lambda' | 'relative' | 'weighted' | 'ratio';

export interface SpectrumPlot {
  /** one entry per plotted series (one per instance, or the single ratio series) */
  series: {
    /** log10 of the quantity at k = 0..kmax; NaN where nothing is drawn */
    log10: Float64Array;
    /** 1 where λ_k (of either instance, for a ratio) is at or below the accuracy floor */
    belowFloor: Uint8Array;
  }[];
  /** reference lines log10 y = log10AtOne + exponent·log10 k, one per distinct theoretical rate */
  references: { exponent: number; label: string; source: string; log10AtOne: number }[];
}

const log10OrNaN = (v: number) => (v > 0 ? Math.log10(v) : NaN);

export function spectrumPlot(
  result: SpectrumResult,
  kernels: readonly KernelInstance[],
  quantity: SpectrumQuantity,
  ratioPair: readonly [number, number],
  fits: readonly (TailFit | null)[],
): SpectrumPlot {
  const { series, log10Multiplicity: logN, kmax, d } = result;
  const size = kmax + 1;
  const below = (s: { lambda: Float64Array; floor: number }) =>
    Uint8Array.from(s.lambda, (v) => (Math.abs(v) <= s.floor ? 1 : 0));

  if (quantity === 'ratio') {
    const [a, b] = ratioPair.map((p) => series[Math.min(series.length - 1, Math.max(0, p - 1))]);
    const belowA = below(a);
    const belowB = below(b);
    const belowFloor = Uint8Array.from(belowA, (v, k) => v | belowB[k]);
    const log10 = Float64Array.from({ length: size }, (_, k) =>
      belowFloor[k] ? NaN : log10OrNaN(a.lambda[k]) - log10OrNaN(b.lambda[k]),
    );
    return { series: [{ log10, belowFloor }], references: [] };
  }

  // shift of log10 y relative to log10 λ_k for this quantity
  const shift = (s: { lambda: Float64Array }, k: number) =>
    quantity === 'relative' ? -log10OrNaN(s.lambda[0]) : quantity === 'weighted' ? logN[k] : 0;
  const plotted = series.map((s) => {
    const belowFloor = below(s);
    const log10 = Float64Array.from(s.lambda, (v, k) => (belowFloor[k] ? NaN : log10OrNaN(v) + shift(s, k)));
    return { log10, belowFloor };
  });

  // Reference lines: one per distinct rate, drawn a factor 3 above the first fitted instance with that rate.
  // For N(d,k)·λ_k the exponent gains d − 2, the growth of N(d,k) (math.md §3).
  const references: SpectrumPlot['references'] = [];
  const seen = new Set<number>();
  kernels.forEach((k, i) => {
    const rate: DecayRate = familyOf(k).decay(d, k.params);
    const fit = fits[i];
    if (rate.exponent === null || fit === null || seen.has(rate.exponent)) return;
    seen.add(rate.exponent);
    const exponent = rate.exponent + (quantity === 'weighted' ? d - 2 : 0);
    const k0 = fit.kFrom;
    const atK0 = fit.intercept + fit.slope * Math.log10(k0) + shift(series[i], k0) + Math.log10(3);
    references.push({
      exponent,
      label: `∝ ${rate.label}${quantity === 'weighted' ? '·k^(d−2)' : ''} = k^${formatExponent(exponent)}`,
      source: rate.source,
      log10AtOne: atK0 - exponent * Math.log10(k0),
    });
  });
  return { series: plotted, references };
}

const formatExponent = (e: number) => String(Number(e.toFixed(3))).replace('-', '−');

/** The settings of a spectrum view beyond the spectrum itself (the link's klo/khi, parity, y, ra/rb). */
export interface SpectrumViewSettings {
  window: [number, number];
  /** the window is the automatic one (klo = 0), which follows the data where it must (math.md §4) */
  automaticWindow: boolean;
  parity: Parity;
  quantity: SpectrumQuantity;
  ratioPair: readonly [number, number];
}

/** The tail fits and the plot of a spectrum: what the panel (through the worker) and its figure draw. */
export function spectrumFitsAndPlot(
  result: SpectrumResult,
  kernels: readonly KernelInstance[],
  settings: SpectrumViewSettings,
): { fits: (TailFit | null)[]; plot: SpectrumPlot } {
  const oddVanish = kernels.map((k) => familyOf(k).decay(result.d, k.params).oddVanish);
  const fits = fitSpectrumTails(result.series, oddVanish, settings.window, settings.parity, settings.automaticWindow);
  return { fits, plot: spectrumPlot(result, kernels, settings.quantity, settings.ratioPair, fits) };
}

/**
 * The y range of a spectrum plot (log10 of the quantity over k = 1..kmax): the drawn values, at least one
 * decade wide, −16…0 when nothing is drawn; the axis rounds it out to whole decades.
 */
export function plotLog10Range(plot: SpectrumPlot, kmax: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of plot.series)
    for (let k = 1; k <= kmax; k++) {
      const v = s.log10[k];
      if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    }
  if (!(hi >= lo)) return [-16, 0];
  return hi - lo < 1 ? [lo - 0.5, hi + 0.5] : [lo, hi];
}
