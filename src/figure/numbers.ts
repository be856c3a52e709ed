/**
 * Numbers in figures (links.md §2): full double precision in shortest round-trip form, exact zeros as 0,
 * never NaN or Infinity.
 */
export function figureNumber(v: number): number {
  if (Number.isNaN(v)) throw new Error('a NaN reached a figure');
  if (!Number.isFinite(v)) return v > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE;
  return v === 0 ? 0 : v; // folds −0 into 0
}

/** Text form for CSV: shortest round trip, exponent without "+" (1e21, not 1e+21). */
export function numberText(v: number): string {
  return String(figureNumber(v)).replace('e+', 'e');
}

export const figureArray = (values: ArrayLike<number>): number[] => Array.from(values, figureNumber);
