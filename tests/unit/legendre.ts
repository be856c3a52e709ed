/** Legendre P_l(t), l = 0..L, by the three-term recurrence (math.md §3, d = 3). */
export function legendre(t: number, L: number): Float64Array {
  const p = new Float64Array(L + 1);
  p[0] = 1;
  if (L >= 1) p[1] = t;
  for (let k = 1; k < L; k++) p[k + 1] = ((2 * k + 1) * t * p[k] - k * p[k - 1]) / (k + 1);
  return p;
}
