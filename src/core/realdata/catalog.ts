/**
 * The 90 shipped data sets (docs/realdata.md §1): name, n, d and classes, alphabetical, and the selections a
 * link can name (`data`: a size class or a list of names). The rows live in public/data/uci90/<name>.json
 * and are read only when a run needs them.
 */
import index from './uci90-index.json';

export interface CatalogEntry {
  name: string;
  n: number;
  d: number;
  classes: number;
}

export const CATALOG: readonly CatalogEntry[] = index;

/** Size classes of the `data` link parameter: the data sets with at most `maxN` rows. */
export const SIZE_CLASSES = {
  n200: { maxN: 200, label: 'n ≤ 200' },
  n1000: { maxN: 1000, label: 'n ≤ 1000' },
  all: { maxN: Number.POSITIVE_INFINITY, label: 'all 90' },
} as const;
export type SizeClass = keyof typeof SIZE_CLASSES;

export function catalogEntry(name: string): CatalogEntry | undefined {
  return CATALOG.find((e) => e.name === name);
}

/** The data sets of a size class, in index (alphabetical) order. */
export function sizeClass(size: SizeClass): CatalogEntry[] {
  return CATALOG.filter((e) => e.n <= SIZE_CLASSES[size].maxN);
}
