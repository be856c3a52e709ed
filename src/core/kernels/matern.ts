/**
 * The Matérn family with half-integer smoothness ν ∈ {½, 3/2, 5/2} (math.md §2.5), a function of
 * a = √(2ν)·c·r with r = ‖x − z‖:
 *   ν = ½: e^{−a},   ν = 3/2: (1 + a)·e^{−a},   ν = 5/2: (1 + a + a²/3)·e^{−a}.
 * Shift-invariant on R^d; on the unit sphere r² = 2 − 2u = 2δ with δ = 1 − u the carried cosine, so r is
 * accurate near θ = 0 (and near π, where δ ≈ 2 is exact). The polynomial has positive terms only, so each
 * value carries a few ulps of relative rounding plus a·(the relative error of a), ≤ 447·3ε at c = 100.
 * κ(1) = 1.
 */
import { homogeneousOnRd } from './exponential';
import { shiftInvariantRow, type RowKernel } from './rows';

export interface MaternParams {
  /** 0.5, 1.5 or 2.5 */
  nu: number;
  c: number;
}

const SQRT3 = Math.sqrt(3);
const SQRT5 = Math.sqrt(5);

/**
 * The Matérn kernel at the squared distance r². ν = ½ is computed exactly as the Laplace kernel
 * (`exponentialOfSquaredDistance` with γ = 1), so `matern(nu=0.5)` and `laplace` agree bit for bit.
 */
export function maternOfSquaredDistance(r2: number, { nu, c }: MaternParams): number {
  const r = Math.sqrt(r2);
  if (nu === 0.5) return Math.exp(-c * r);
  if (nu === 1.5) {
    const a = SQRT3 * c * r;
    return (1 + a) * Math.exp(-a);
  }
  if (nu === 2.5) {
    const a = SQRT5 * c * r;
    return (1 + a + (a * a) / 3) * Math.exp(-a);
  }
  throw new RangeError(`Matérn ν must be 0.5, 1.5 or 2.5, got ${nu}`);
}

/** On the unit sphere at the carried cosine (δ, σ): r² = 2δ. */
export function maternOnSphere(delta: number, p: MaternParams): number {
  return maternOfSquaredDistance(2 * Math.max(delta, 0), p);
}

/** Native definition on R^d, or the homogeneous extension ‖x‖‖z‖κ(x̂ᵀẑ) (math.md §2.4, 0 at the origin). */
export function maternOnRd(x: ArrayLike<number>, z: ArrayLike<number>, p: MaternParams, hom: boolean): number {
  if (hom) return homogeneousOnRd(x, z, (delta) => maternOnSphere(delta, p));
  let r2 = 0;
  for (let i = 0; i < x.length; i++) r2 += (x[i] - z[i]) * (x[i] - z[i]);
  return maternOfSquaredDistance(r2, p);
}

/** Row evaluator (rows.ts): what `maternOnRd` computes, from the row's r² or (‖x‖, ‖z‖, δ). */
export function maternRow(p: MaternParams, hom: boolean, divisor: number): RowKernel {
  return shiftInvariantRow(
    (r2) => maternOfSquaredDistance(r2, p),
    (delta) => maternOnSphere(delta, p),
    hom,
    divisor,
  );
}
