/**
 * A distributed data set (docs/realdata.md §1) from its JSON form, checked, and the rows a contestant
 * sees after `prep` (§3): `zscore` as distributed, `sphere` every row divided by its norm.
 */
import type { Dataset, Split } from './types';

export const PREPS = ['zscore', 'sphere'] as const;
export type Prep = (typeof PREPS)[number];

function indexList(value: unknown, n: number, what: string): number[] {
  if (!Array.isArray(value) || value.some((i) => !Number.isInteger(i) || i < 0 || i >= n)) {
    throw new TypeError(`${what}: expected row indices 0..${n - 1}`);
  }
  return value as number[];
}

function split(value: unknown, n: number, what: string): Split {
  const s = (value ?? {}) as { train?: unknown; test?: unknown };
  return { train: indexList(s.train, n, `${what}.train`), test: indexList(s.test, n, `${what}.test`) };
}

/** The JSON of realdata.md §1, checked: a malformed file is an error here, not a wrong number later. */
export function datasetFromJson(json: unknown): Dataset {
  const o = (json ?? {}) as Record<string, unknown>;
  const { name, n, d, classes } = o;
  if (typeof name !== 'string' || !Number.isInteger(n) || !Number.isInteger(d) || !Number.isInteger(classes)) {
    throw new TypeError('data set: expected name, n, d and classes');
  }
  const rows = n as number;
  const x = o.x;
  const y = o.y;
  if (!Array.isArray(x) || x.length !== rows * (d as number) || x.some((v) => !Number.isFinite(v))) {
    throw new TypeError(`${name}: expected ${rows}×${d} finite features`);
  }
  if (
    !Array.isArray(y) ||
    y.length !== rows ||
    y.some((c) => !Number.isInteger(c) || c < 0 || c >= (classes as number))
  ) {
    throw new TypeError(`${name}: expected ${rows} class indices 0..${(classes as number) - 1}`);
  }
  const folds = o.folds;
  if (!Array.isArray(folds) || folds.length !== 4) throw new TypeError(`${name}: expected four folds`);
  return {
    name,
    n: rows,
    d: d as number,
    classes: classes as number,
    x: Float64Array.from(x as number[]),
    y: Int32Array.from(y as number[]),
    validation: split(o.validation, rows, `${name}.validation`),
    folds: folds.map((f, i) => split(f, rows, `${name}.folds[${i}]`)),
  };
}

/** The rows after `prep` (§3): `sphere` divides each row by its Euclidean norm; a zero row stays zero. */
export function preparedRows({ x, n, d }: Dataset, prep: Prep): Float64Array {
  if (prep === 'zscore') return x;
  const out = new Float64Array(x.length);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = i * d; k < (i + 1) * d; k++) s += x[k] * x[k];
    const norm = Math.sqrt(s);
    for (let k = i * d; k < (i + 1) * d; k++) out[k] = norm === 0 ? 0 : x[k] / norm;
  }
  return out;
}

/**
 * m: the median of ‖x_i − x_j‖ over the pairs i < j of `rows` (§3; an even count takes the mean of the two
 * middle values). Distances are formed directly, √Σ(x_ik − x_jk)², not from norms and inner products.
 * Where m is undefined (fewer than two rows) or 0 (most rows identical), 1: the scales c = a/m^γ stay finite.
 */
export function medianDistance(points: Float64Array, d: number, rows: readonly number[]): number {
  const t = rows.length;
  if (t < 2) return 1;
  const distances = new Float64Array((t * (t - 1)) / 2);
  let at = 0;
  for (let a = 0; a < t; a++) {
    const oa = rows[a] * d;
    for (let b = a + 1; b < t; b++) {
      const ob = rows[b] * d;
      let s = 0;
      for (let k = 0; k < d; k++) {
        const e = points[oa + k] - points[ob + k];
        s += e * e;
      }
      distances[at++] = Math.sqrt(s);
    }
  }
  distances.sort();
  const mid = distances.length >> 1;
  const m = distances.length % 2 === 1 ? distances[mid] : (distances[mid - 1] + distances[mid]) / 2;
  return m > 0 ? m : 1;
}
