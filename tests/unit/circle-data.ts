/** What the circle tests share: seeded data on the circle, the default kernels, the largest |value|, k(θ, θ′). */
import { carriedFromAngle, defaultInstance, sphereValue, type KernelInstance } from '../../src/core/kernels/registry';
import { seededRandom } from '../../src/core/numerics/random';

export const TWO_PI = 2 * Math.PI;

export const maxAbs = (v: ArrayLike<number>) => Array.from(v).reduce((m, x) => Math.max(m, Math.abs(x)), 0);

export function randomData(n: number, seed: number): { theta: number[]; y: number[] } {
  const random = seededRandom(seed);
  const theta = Array.from({ length: n }, () => TWO_PI * random.uniform());
  const y = theta.map((t) => Math.sin(t) + 0.5 * Math.cos(3 * t) + 0.2 * random.normal());
  return { theta, y };
}

export const NTK2 = defaultInstance('ntk', { L: 2 });
export const NTK1 = defaultInstance('ntk', { L: 1 });
export const LAPLACE = defaultInstance('laplace');
export const DEFAULTS = [NTK2, LAPLACE, defaultInstance('gexp', { gamma: 0.5 }), defaultInstance('gauss')];

/** k(θ, θ') from the registry's own evaluator at the wrapped angle difference. */
export function kernelAt(k: KernelInstance, unit: boolean, a: number, b: number): number {
  const r = (a - b) % TWO_PI;
  let d = r < 0 ? r + TWO_PI : r;
  if (d > Math.PI) d = TWO_PI - d;
  const { delta, sigma } = carriedFromAngle(d);
  return sphereValue(k, delta, sigma, unit);
}
