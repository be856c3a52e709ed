/**
 * The least-squares line through (log10 x, log10 y): the convergence rate of an error against a size
 * (random features against their dimension, docs/finite.md §3; finite networks against their width, §2).
 * Points with x or y not positive and finite are skipped (they carry no rate).
 */
export interface LogLogFit {
  /** y ≈ 10^intercept · x^slope */
  slope: number;
  intercept: number;
}

/** Null with fewer than two usable points at distinct x (no line is determined). */
export function logLogFit(xs: readonly number[], ys: readonly number[]): LogLogFit | null {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    if (!(xs[i] > 0 && ys[i] > 0 && Number.isFinite(xs[i]) && Number.isFinite(ys[i]))) continue;
    const x = Math.log10(xs[i]);
    const y = Math.log10(ys[i]);
    n++;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  const det = n * sxx - sx * sx;
  if (n < 2 || !(det > 1e-12 * n * sxx)) return null;
  const slope = (n * sxy - sx * sy) / det;
  return { slope, intercept: (sy - slope * sx) / n };
}
