/**
 * A number as links write it (links.md §1): the shortest round-trip form, `String(n)`, with `e+`
 * written `e` because a `+` in a query decodes to a space (1e21 → `1e21`).
 */
export function formatLinkNumber(n: number): string {
  return String(n).replace('e+', 'e');
}

/** Decimal numbers only (links.md §1): `3`, `0.5`, `.5`, `5.`, `1e-3`, `-2`; not Infinity, NaN, hex, ''. */
export const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
