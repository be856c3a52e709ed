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
  /**
   * The automatic window held fewer than 3 eigenvalues above the floor, so the fit used the upper half of
   * the degrees above the floor instead (math.md §4 "Fit window"); absent or false for the window as given.
   */
  adapted?: boolean;
}

/**
 * The fitting window: [klo, khi] clamped to [1, kmax]; 0 means "automatic", the upper half [⌈kmax/2⌉, kmax]
 * (links v1). An automatic window without 3 eigenvalues above the floor is moved by fitAutomaticTail.
 */
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

/** The highest degree ≤ kTo of the given parity whose eigenvalue is above the floor, or 0 when none is. */
export function lastAboveFloor(lambda: ArrayLike<number>, floor: number, kTo: number, parity: Parity): number {
  for (let k = Math.min(kTo, lambda.length - 1); k >= 1; k--) if (lambda[k] > floor && parityKeeps(parity, k)) return k;
  return 0;
}

/**
 * The automatic window's fit (math.md §4 "Fit window"): the window as links v1 define it wherever it holds
 * at least 3 eigenvalues above the floor, so that no quoted slope changes; otherwise the upper half
 * [⌈K/2⌉, K] of the degrees up to K, the last degree at most kTo above the floor, marked `adapted`. At
 * d = 10, kmax = 200 the v1 window [100, 200] lies entirely at the floor while k ≤ ~40 is above it.
 */
export function fitAutomaticTail(
  lambda: ArrayLike<number>,
  floor: number,
  kFrom: number,
  kTo: number,
  parity: Parity,
): TailFit | null {
  const fit = fitTail(lambda, floor, kFrom, kTo, parity);
  if (fit) return fit;
  const last = lastAboveFloor(lambda, floor, kTo, parity);
  const adapted = fitTail(lambda, floor, Math.max(1, Math.ceil(last / 2)), last, parity);
  return adapted && { ...adapted, adapted: true };
}

/**
 * Tail fits for every series of a spectrum. Kernels whose odd eigenvalues vanish exactly (bias-free
 * one-hidden-layer NTK) are fitted on even degrees only: their odd "values" are rounding noise. With
 * `automatic` (the link's klo = 0) a window without 3 eigenvalues above the floor follows the data
 * (fitAutomaticTail); a window the user chose is fitted as given.
 */
export function fitSpectrumTails(
  series: readonly { lambda: ArrayLike<number>; floor: number }[],
  oddVanish: readonly boolean[],
  window: readonly [number, number],
  parity: Parity,
  automatic = false,
): (TailFit | null)[] {
  const fitOne = automatic ? fitAutomaticTail : fitTail;
  return series.map((s, i) =>
    fitOne(s.lambda, s.floor, window[0], window[1], oddVanish[i] && parity === 'all' ? 'even' : parity),
  );
}
