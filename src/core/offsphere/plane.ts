/**
 * Kernels off the sphere (math.md §2, §2.4): maps of k(x, z) over a square of the plane of the first two
 * axes for a fixed z, and profiles along rays from the origin. Every kernel of math.md §2 depends on a pair
 * only through ‖x‖, ‖z‖ and xᵀz, so 2-vectors suffice for the plane; the kernels run on rows of pairs
 * (kernels/rows.ts).
 */
import type { KernelInstance } from '../kernels/registry';
import { rowKernel, type PairRow } from '../kernels/rows';

/**
 * Supported inputs; requests are clamped into them. Every value is then finite with a wide margin
 * (largest magnitude ~1e9: the NTK with L = 100, β = 10 at ‖x‖ = ‖z‖ = √2·10³), also in Float32.
 */
export const OFFSPHERE_LIMITS = {
  /** half-width R of the square [−R, R]² */
  R: { min: 1e-3, max: 1e3 },
  /** each coordinate of z */
  z: { min: -1e3, max: 1e3 },
  /** grid cells per side */
  size: { min: 2, max: 1024 },
  /** ray samples, r = 0 and r = R included */
  samples: { min: 2, max: 100_000 },
} as const;

function finite(v: number, name: string): number {
  if (!Number.isFinite(v)) throw new RangeError(`${name} must be a finite number, got ${v}`);
  return v;
}

const clampTo = (v: number, { min, max }: { min: number; max: number }, name: string) =>
  Math.min(max, Math.max(min, finite(v, name)));

const clampInteger = (v: number, range: { min: number; max: number }, name: string) =>
  Math.round(clampTo(v, range, name));

function clampPoint(z: readonly [number, number]): [number, number] {
  return [clampTo(z[0], OFFSPHERE_LIMITS.z, 'z1'), clampTo(z[1], OFFSPHERE_LIMITS.z, 'z2')];
}

/**
 * The PairRow of the plane points x_i, stored as [x1, x2, x1, x2, …], against z (clamped into
 * OFFSPHERE_LIMITS; the fixed z plays x: the kernels are symmetric). ‖x‖, xᵀz and ‖x − z‖² (summed as
 * exponentialOnRd sums it) are formed directly, the carried cosine from the unit vectors, ‖x̂ ∓ ẑ‖²/2, exact
 * near θ = 0 and θ = π. Points are taken as given (finite values for |x_i| up to ~1e150).
 */
function planeRow(z: readonly [number, number], points: Float64Array): PairRow {
  const m = points.length >> 1;
  const [z1, z2] = clampPoint(z);
  const nz = Math.sqrt(z1 * z1 + z2 * z2);
  const zh1 = nz > 0 ? z1 / nz : 0;
  const zh2 = nz > 0 ? z2 / nz : 0;
  const row: PairRow = {
    nx: nz,
    nz: new Float64Array(m),
    delta: new Float64Array(m),
    sigma: new Float64Array(m),
    dot: new Float64Array(m),
    r2: new Float64Array(m),
  };
  for (let i = 0; i < m; i++) {
    const x1 = points[2 * i];
    const x2 = points[2 * i + 1];
    const n = Math.sqrt(x1 * x1 + x2 * x2);
    row.nz[i] = n;
    row.dot[i] = x1 * z1 + x2 * z2;
    row.r2[i] = (x1 - z1) * (x1 - z1) + (x2 - z2) * (x2 - z2);
    if (n > 0 && nz > 0) {
      const xh1 = x1 / n;
      const xh2 = x2 / n;
      row.delta[i] = ((xh1 - zh1) * (xh1 - zh1) + (xh2 - zh2) * (xh2 - zh2)) / 2;
      row.sigma[i] = ((xh1 + zh1) * (xh1 + zh1) + (xh2 + zh2) * (xh2 + zh2)) / 2;
    } else {
      row.delta[i] = 1;
      row.sigma[i] = 1;
    }
  }
  return row;
}

/**
 * Values k(x_i, z) after `norm`, in float64, at the plane points x_i stored as [x1, x2, x1, x2, …]: one array
 * per instance, in request order. The numbers behind planeMaps and rayProfile (and the CLI's JSON).
 */
export function planeValues(
  kernels: readonly KernelInstance[],
  unit: boolean,
  z: readonly [number, number],
  points: Float64Array,
): Float64Array[] {
  const row = planeRow(z, points);
  return kernels.map((k) => {
    const out = new Float64Array(row.nz.length);
    rowKernel(k, unit)(row, 0, out.length, out, 0, 1);
    return out;
  });
}

/** Rows [from, to) of a plane map (row 0 at the top), for maps computed in pieces by several workers. */
export interface PlaneRows {
  from: number;
  to: number;
}

/** Points x in the plane of the first two axes (kernels depend only on norms and inner products, so 2-vectors suffice). */
export interface PlaneRequest {
  kernels: readonly KernelInstance[];
  unit: boolean;
  z: readonly [number, number];
  R: number;
  size: number;
  /** 1-based positions of two instances, or null */
  diff: readonly [number, number] | null;
}

export interface PlaneResult {
  /** size and R as used (clamped into OFFSPHERE_LIMITS) */
  size: number;
  R: number;
  /** per instance, size×size values, row-major, row 0 at x2 = +R (top), column 0 at x1 = −R; cell centres at −R + (i+0.5)·2R/size */
  values: Float32Array[];
  /** per instance, [min, max] of its values */
  ranges: [number, number][];
  /** A − B after norm (formed in float64, then stored), same layout, or null */
  diff: Float32Array | null;
  diffRange: [number, number] | null;
  /** the value of each kernel at the origin x = 0 (math.md §2.2: the zero-bias NTK's value there, e.g. β²(2−2^−L), not a limit) */
  atOrigin: number[];
}

/**
 * Cell-centre coordinates of the plane map, [x1, x2, x1, x2, …] in the maps' order: row j at
 * x2 = R(size − 1 − 2j)/size, column i at x1 = R(2i + 1 − size)/size (= −R + (i + ½)·2R/size, written so
 * that the grid is exactly symmetric and an odd size has the origin itself as its centre cell).
 * For the CLI's JSON `points`. R and size as given (planeMaps clamps them first); `rows`: only rows
 * [from, to) of the map.
 */
export function planeGrid(R: number, size: number, rows: PlaneRows = { from: 0, to: size }): Float64Array {
  const grid = new Float64Array(2 * size * (rows.to - rows.from));
  for (let j = rows.from; j < rows.to; j++) {
    const x2 = (R * (size - 1 - 2 * j)) / size;
    const at = (j - rows.from) * size;
    for (let i = 0; i < size; i++) {
      grid[2 * (at + i)] = (R * (2 * i + 1 - size)) / size;
      grid[2 * (at + i) + 1] = x2;
    }
  }
  return grid;
}

/** Float32 copy of float64 values (of a − b when b is given) with its [min, max]. */
function toFloat32(a: Float64Array, b?: Float64Array): { data: Float32Array; range: [number, number] } {
  const data = new Float32Array(a.length);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < a.length; i++) {
    data[i] = b ? a[i] - b[i] : a[i];
    const v = data[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { data, range: [min, max] };
}

function checkPosition(p: number, count: number): number {
  if (!Number.isInteger(p) || p < 1 || p > count) {
    throw new RangeError(`difference position ${p} is not an instance position 1…${count}`);
  }
  return p - 1;
}

/** The map's size as planeMaps uses it (clamped into OFFSPHERE_LIMITS), to split a map into rows. */
export const planeSize = (req: PlaneRequest) => clampInteger(req.size, OFFSPHERE_LIMITS.size, 'size');

/**
 * The plane maps. Each kernel runs once over the grid into one float64 buffer (reused, except for the two
 * operands of the difference, which is formed in float64 before rounding to Float32). With `rows`, only
 * those rows of every map (values, diff and ranges of that piece; joinPlaneRows joins the pieces).
 */
export function planeMaps(req: PlaneRequest, rows?: PlaneRows): PlaneResult {
  const R = clampTo(req.R, OFFSPHERE_LIMITS.R, 'R');
  const size = planeSize(req);
  const from = Math.max(0, Math.min(size, Math.floor(finite(rows?.from ?? 0, 'rows.from'))));
  const to = Math.max(from, Math.min(size, Math.floor(finite(rows?.to ?? size, 'rows.to'))));
  const pair = req.diff && [
    checkPosition(req.diff[0], req.kernels.length),
    checkPosition(req.diff[1], req.kernels.length),
  ];
  const row = planeRow(req.z, planeGrid(R, size, { from, to }));
  const m = size * (to - from);
  const scratch = new Float64Array(m);
  const operands = new Map<number, Float64Array>();
  const maps = req.kernels.map((k, q) => {
    const out = pair?.includes(q) ? new Float64Array(m) : scratch;
    rowKernel(k, req.unit)(row, 0, m, out, 0, 1);
    if (out !== scratch) operands.set(q, out);
    return toFloat32(out);
  });
  const diff = pair && toFloat32(operands.get(pair[0])!, operands.get(pair[1])!);
  return {
    size,
    R,
    values: maps.map((map) => map.data),
    ranges: maps.map((map) => map.range),
    diff: diff ? diff.data : null,
    diffRange: diff ? diff.range : null,
    atOrigin: planeValues(req.kernels, req.unit, req.z, new Float64Array(2)).map((v) => v[0]),
  };
}

/** Pieces of one request's maps (planeMaps with rows), in row order, joined into the whole maps. */
export function joinPlaneRows(pieces: readonly PlaneResult[]): PlaneResult {
  const [first] = pieces;
  if (!first) throw new RangeError('no plane pieces to join');
  const cells = pieces.reduce((n, p) => n + (p.values[0]?.length ?? 0), 0);
  if (first.values.length && cells !== first.size * first.size) {
    throw new RangeError(`plane pieces hold ${cells} cells of a ${first.size}×${first.size} map`);
  }
  const join = (parts: readonly Float32Array[]) => {
    const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  };
  const span = (ranges: readonly [number, number][]): [number, number] => [
    Math.min(...ranges.map((r) => r[0])),
    Math.max(...ranges.map((r) => r[1])),
  ];
  return {
    size: first.size,
    R: first.R,
    values: first.values.map((_, q) => join(pieces.map((p) => p.values[q]!))),
    ranges: first.ranges.map((_, q) => span(pieces.map((p) => p.ranges[q]!))),
    diff: first.diff && join(pieces.map((p) => p.diff!)),
    diffRange: first.diffRange && span(pieces.map((p) => p.diffRange!)),
    atOrigin: first.atOrigin,
  };
}

/** k(r·x̂, z) for r from 0 to R (samples points, r=0 included), x̂ = (cos φ, sin φ): one curve per kernel, after norm. */
export function rayProfile(
  kernels: readonly KernelInstance[],
  unit: boolean,
  z: readonly [number, number],
  direction: number,
  R: number,
  samples: number,
): { r: Float64Array; values: Float64Array[] } {
  const radius = clampTo(R, OFFSPHERE_LIMITS.R, 'R');
  const n = clampInteger(samples, OFFSPHERE_LIMITS.samples, 'samples');
  const phi = finite(direction, 'direction');
  const [c, s] = [Math.cos(phi), Math.sin(phi)];
  const r = new Float64Array(n);
  const points = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    r[i] = i === n - 1 ? radius : (radius * i) / (n - 1);
    points[2 * i] = r[i] * c;
    points[2 * i + 1] = r[i] * s;
  }
  return { r, values: planeValues(kernels, unit, z, points) };
}
