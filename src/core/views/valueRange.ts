/**
 * The y range of a chart (on screen, src/ui/charts/LineChart.tsx, and in figures, src/figure/svg.ts): the
 * extent of the finite values, reaching to 0 as `includeZero` says. 'near': to 0 only when the values come
 * within a third of their own range of it — a zoom on the cusp (0.92…1) is shown as it is, not squashed
 * against 0, and `cut` says the axis does not start at 0.
 */
export function valueRange(
  series: readonly ArrayLike<number>[],
  includeZero: boolean | 'near',
): { domain: [number, number]; cut: boolean } {
  let [lo, hi] = [Infinity, -Infinity];
  for (const values of series)
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    }
  if (!Number.isFinite(lo)) return { domain: [0, 1], cut: false };
  const cut = includeZero === 'near' && (lo > 0 || hi < 0) && Math.min(Math.abs(lo), Math.abs(hi)) > (hi - lo) / 3;
  if (includeZero && !cut) [lo, hi] = [Math.min(lo, 0), Math.max(hi, 0)];
  return { domain: hi > lo ? [lo, hi] : [lo - 1, hi + 1], cut };
}
