/**
 * The pair evaluator every view off the sphere shares (plane maps, rays, Gram matrices): a `RowKernel`
 * evaluates one instance over a row of pairs (x, z_j).
 *
 * Every kernel of math.md §2 depends on a pair only through ‖x‖, ‖z‖ and xᵀz, so one evaluator serves any
 * dimension: it reads, for a row of pairs, their norms, the carried cosine of their directions (math.md
 * §2.2 "Numerical accuracy"), xᵀz and ‖x − z‖², each formed accurately by the caller. A family may declare
 * a fast row loop (`KernelFamily.row`, no vectors or allocations); any other family is evaluated through
 * its own `onRd`, so a family added to the registry works off the sphere unchanged.
 */
import { familyOf, type KernelInstance } from './registry';

/**
 * Pairs (x, z_j) that share x — what every kernel of math.md §2 depends on, each formed accurately by the
 * caller: nx = ‖x‖ and, per j, nz = ‖z_j‖, the carried cosine (δ, σ) = (‖x̂ − ẑ‖²/2, ‖x̂ + ẑ‖²/2) of the
 * directions (any finite values, conventionally (1, 1), where x or z_j is 0), dot = xᵀz_j and r2 = ‖x − z_j‖².
 * All kernels are symmetric, so either point of a pair may play x.
 */
export interface PairRow {
  nx: number;
  nz: Float64Array;
  delta: Float64Array;
  sigma: Float64Array;
  dot: Float64Array;
  r2: Float64Array;
}

/**
 * A kernel instance after `norm` over the entries j ∈ [from, to) of a row:
 * out[at + j − from] = weight·k(x, z_j). One call runs one tight loop per family.
 */
export type RowKernel = (row: PairRow, from: number, to: number, out: Float64Array, at: number, weight: number) => void;

/**
 * Any registry family through its own `onRd`, at the 2-vectors nx·(cos(θ/2), sin(θ/2)) and
 * nz·(cos(θ/2), −sin(θ/2)), which have the pair's norms and angle (cos(θ/2) = √(σ/2), sin(θ/2) = √(δ/2)).
 * The reference the fast loops are tested against, and the evaluator of families without one.
 */
export function registryRowKernel(k: KernelInstance, unit: boolean): RowKernel {
  const f = familyOf(k);
  const divisor = unit ? f.atOne(k.params) : 1;
  const x = new Float64Array(2);
  const z = new Float64Array(2);
  return ({ nx, nz, delta, sigma }, from, to, out, at, weight) => {
    for (let j = from; j < to; j++) {
      const c = Math.sqrt(sigma[j] / 2);
      const s = Math.sqrt(delta[j] / 2);
      x[0] = nx * c;
      x[1] = nx * s;
      z[0] = nz[j] * c;
      z[1] = -nz[j] * s;
      out[at + j - from] = (f.onRd(x, z, k.params) / divisor) * weight;
    }
  };
}

/**
 * A shift-invariant kernel f(‖x − z‖²) over a row, or with `hom` its homogeneous extension ‖x‖‖z‖κ(δ)
 * (math.md §2.4; 0 where x or z is 0, since the norm is), κ being f on the unit sphere (r² = 2δ).
 */
export function shiftInvariantRow(
  ofSquaredDistance: (r2: number) => number,
  onSphere: (delta: number) => number,
  hom: boolean,
  divisor: number,
): RowKernel {
  return hom
    ? ({ nx, nz, delta }, from, to, out, at, weight) => {
        for (let j = from; j < to; j++) out[at + j - from] = ((nx * nz[j] * onSphere(delta[j])) / divisor) * weight;
      }
    : ({ r2 }, from, to, out, at, weight) => {
        for (let j = from; j < to; j++) out[at + j - from] = (ofSquaredDistance(r2[j]) / divisor) * weight;
      };
}

/** The row evaluator of an instance after `norm` (links.md §1: divided by κ(1) when `unit`). */
export function rowKernel(k: KernelInstance, unit: boolean): RowKernel {
  const f = familyOf(k);
  return f.row?.(k.params, unit ? f.atOne(k.params) : 1) ?? registryRowKernel(k, unit);
}
