/**
 * The exponential family exp(−c‖x − z‖^γ), 0 < γ ≤ 2 (math.md §2.3): γ = 1 is the Laplace kernel, γ = 2
 * the Gaussian. Shift-invariant on R^d; on the unit sphere ‖x − z‖² = 2 − 2u = 2δ with δ = 1 − u.
 */
import { carriedCosine } from './ntk';
import { shiftInvariantRow, type RowKernel } from './rows';

export interface ExponentialParams {
  gamma: number;
  c: number;
}

/** exp(−c r^γ) from the squared distance r² (no square root for γ = 2, so the Gaussian stays exact). */
export function exponentialOfSquaredDistance(r2: number, { gamma, c }: ExponentialParams): number {
  const rGamma = gamma === 2 ? r2 : gamma === 1 ? Math.sqrt(r2) : Math.pow(r2, gamma / 2);
  return Math.exp(-c * rGamma);
}

/** On the unit sphere at the carried cosine (δ, σ): ‖x − z‖² = 2δ, accurate near θ = 0. */
export function exponentialOnSphere(delta: number, p: ExponentialParams): number {
  return exponentialOfSquaredDistance(2 * Math.max(delta, 0), p);
}

/** Native definition on R^d. */
export function exponentialOnRd(x: ArrayLike<number>, z: ArrayLike<number>, p: ExponentialParams): number {
  let r2 = 0;
  for (let i = 0; i < x.length; i++) r2 += (x[i] - z[i]) * (x[i] - z[i]);
  return exponentialOfSquaredDistance(r2, p);
}

/**
 * Homogeneous extension ‖x‖‖z‖·κ(x̂ᵀẑ) of a zonal kernel given by its sphere evaluator (math.md §2.4);
 * 0 where x = 0 or z = 0.
 */
export function homogeneousOnRd(
  x: ArrayLike<number>,
  z: ArrayLike<number>,
  onSphere: (delta: number, sigma: number) => number,
): number {
  const c = carriedCosine(x, z);
  if (c === null) return 0;
  return c.normX * c.normZ * onSphere(c.delta, c.sigma);
}

/** exp(−c‖x − z‖^γ), or its homogeneous extension ‖x‖‖z‖κ(δ) (math.md §2.3, §2.4). */
export function exponentialRow(ep: ExponentialParams, hom: boolean, divisor: number): RowKernel {
  return shiftInvariantRow(
    (r2) => exponentialOfSquaredDistance(r2, ep),
    (delta) => exponentialOnSphere(delta, ep),
    hom,
    divisor,
  );
}
