/** Legendre polynomials for the tests: the plain recurrence at d = 3, and every degree of dimension d at once. */
import { LegendreSweep } from '../../src/core/spectrum/gegenbauer';

/** Legendre P_l(t), l = 0..L, by the three-term recurrence (math.md §3, d = 3). */
export function legendre(t: number, L: number): Float64Array {
  const p = new Float64Array(L + 1);
  p[0] = 1;
  if (L >= 1) p[1] = t;
  for (let k = 1; k < L; k++) p[k + 1] = ((2 * k + 1) * t * p[k] - k * p[k - 1]) / (k + 1);
  return p;
}

/** P_0..P_kmax of dimension d at the cosines u (in descending order: the sweep wants ascending δ), rows by k. */
export function legendreRows(d: number, u: readonly number[], kmax: number): Float64Array[] {
  const sweep = new LegendreSweep(d, {
    cosine: Float64Array.from(u),
    delta: Float64Array.from(u, (x) => 1 - x),
    sigma: Float64Array.from(u, (x) => 1 + x),
  });
  const rows: Float64Array[] = [];
  for (let k = 0; k <= kmax; k++) {
    rows.push(sweep.values());
    sweep.advance();
  }
  return rows;
}
