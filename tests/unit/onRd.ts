/**
 * Off-sphere test helpers: the registry's native definition on R^d (what every fast path must reproduce)
 * and the agreement measure used against it.
 */
import { familyOf, type KernelInstance } from '../../src/core/kernels/registry';

export type P2 = [number, number];

/** Value of an instance after norm through the registry (the definition the fast paths must reproduce). */
export function native(k: KernelInstance, unit: boolean, x: ArrayLike<number>, z: ArrayLike<number>): number {
  const f = familyOf(k);
  return f.onRd(x, z, k.params) / (unit ? f.atOne(k.params) : 1);
}

/**
 * |got − want| ≤ tol·|want| + floor·sqrt(|k(x,x)k(z,z)|) + 1e−300 (subnormal values, e.g. from β ~ 1e−323,
 * carry no digits).
 */
export function agrees(
  k: KernelInstance,
  unit: boolean,
  x: ArrayLike<number>,
  z: ArrayLike<number>,
  got: number,
  tol: number,
  floor = 1e-15,
) {
  const want = native(k, unit, x, z);
  const scale = Math.sqrt(Math.abs(native(k, unit, x, x) * native(k, unit, z, z)));
  return Math.abs(got - want) <= tol * Math.abs(want) + floor * scale + 1e-300;
}

/**
 * exp(−c‖x̂ − ẑ‖^γ) with γ → 0 moves by ~(1e−16)^γ when nearly parallel directions are rounded, so
 * (as in gram.test.ts) identity is only asked of hom=1 with γ ≥ 0.2; with the near-duplicate directions
 * (1e−10 apart) of the Gram test, γ ≥ 0.5 (the kernel's own sensitivity there is γ/2·c·(2δ)^(γ/2)·ε/√δ).
 */
export const wellConditioned = (k: KernelInstance, minGamma = 0.2) =>
  !(k.params.hom === 1 && (k.params.gamma as number) < minGamma);

export const flat = (xs: readonly P2[]) => Float64Array.from(xs.flat());
