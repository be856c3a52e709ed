import { powerOfTen } from '../../figure/unicode';

/** Number formatting for readouts: 4 significant digits, never "NaN" or "Infinity" on screen. */
export function formatReadout(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) return String(Number(v.toPrecision(4)));
  return v.toExponential(3).replace('e+', 'e');
}

/** A positive number given by its log10, e.g. N(d,k) = 10^912.3 → "2.00×10⁹¹²"; integers below 1e15 exactly. */
export function formatFromLog10(l: number): string {
  if (!Number.isFinite(l)) return '—';
  if (l < 15) return String(Math.round(Math.pow(10, l)));
  const e = Math.floor(l);
  return `${Math.pow(10, l - e).toFixed(2)}×${powerOfTen(e)}`;
}

/** Exponent for display with a true minus sign: −2.98. */
export const formatSlope = (s: number) => (Number.isFinite(s) ? s.toFixed(2).replace('-', '−') : '—');
