/**
 * Fitted decay rates of a spectrum (math.md §4): the least-squares slope of log λ_k against log k over a
 * window of degrees, using only eigenvalues above the accuracy floor (values at or below it are
 * indistinguishable from 0 and carry no rate).
 */

export type Parity = 'all' | 'even' | 'odd';

export interface TailFit {
  /** fitted exponent: λ_k ≈ 10^intercept · k^slope on the window */
  slope: number;
  /** log10 of the fitted line at k = 1 */
  intercept: number;
  /** first and last degree actually used (above the floor, of the requested parity) */
  kFrom: number;
  kTo: number;
  /** number of eigenvalues used */
  points: number;
}

/** The fitting window: [klo, khi] clamped to [1, kmax]; 0 means "automatic", the upper half [⌈kmax/2⌉, kmax]. */
export function fitWindow(kmax: number, klo: number, khi: number): [number, number] {
  const hi = khi > 0 ? Math.min(khi, kmax) : kmax;
  const lo = klo > 0 ? Math.min(klo, hi) : Math.max(1, Math.ceil(kmax / 2));
  return [Math.max(1, Math.min(lo, hi)), Math.max(1, hi)];
}

const parityKeeps = (parity: Parity, k: number) => parity === 'all' || (k % 2 === 0) === (parity === 'even');

/**
 * Least-squares line through (log10 k, log10 λ_k) for k in [kFrom, kTo] of the given parity with
 * λ_k > floor. Null when fewer than 3 such degrees exist.
 */
export function fitTail(
  lambda: ArrayLike<number>,
  floor: number,
  kFrom: number,
  kTo: number,
  parity: Parity,
): TailFit | null {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  let first = -1;
  let last = -1;
  for (let k = Math.max(1, kFrom); k <= Math.min(kTo, lambda.length - 1); k++) {
    const v = lambda[k];
    if (!(v > floor) || !parityKeeps(parity, k)) continue;
    const x = Math.log10(k);
    const y = Math.log10(v);
    n++;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
    if (first < 0) first = k;
    last = k;
  }
  const det = n * sxx - sx * sx;
  if (n < 3 || !(det > 0)) return null;
  const slope = (n * sxy - sx * sy) / det;
  return { slope, intercept: (sy - slope * sx) / n, kFrom: first, kTo: last, points: n };
}

/**
 * Tail fits for every series of a spectrum. Kernels whose odd eigenvalues vanish exactly (bias-free
 * one-hidden-layer NTK) are fitted on even degrees only: their odd "values" are rounding noise.
 */
export function fitSpectrumTails(
  series: readonly { lambda: ArrayLike<number>; floor: number }[],
  oddVanish: readonly boolean[],
  window: readonly [number, number],
  parity: Parity,
): (TailFit | null)[] {
  return series.map((s, i) =>
    fitTail(s.lambda, s.floor, window[0], window[1], oddVanish[i] && parity === 'all' ? 'even' : parity),
  );
}
