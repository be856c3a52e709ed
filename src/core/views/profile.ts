/**
 * Kernel profiles on the unit sphere: κ(θ) for θ on a uniform grid (math.md §1–2), after `norm`.
 */
import { carriedFromAngle, sphereValue, type KernelInstance } from '../kernels/registry';

export interface ProfileRequest {
  kernels: readonly KernelInstance[];
  /** divide by κ(1) (links.md `norm=unit`) */
  unit: boolean;
  /** number of samples, both ends included (≥ 2) */
  samples: number;
  /** the grid runs over θ ∈ [0, thetaMax] radians, thetaMax ≤ π */
  thetaMax: number;
}

export interface ProfileResult {
  theta: Float64Array;
  /** one array per instance, in request order */
  values: Float64Array[];
}

/** θ_i = thetaMax·i/(n − 1); the last node is set to thetaMax exactly (π itself when asked for π). */
export function angleGrid(samples: number, thetaMax: number): Float64Array {
  const n = Math.max(2, Math.floor(samples));
  const theta = new Float64Array(n);
  for (let i = 0; i < n; i++) theta[i] = (thetaMax * i) / (n - 1);
  theta[n - 1] = thetaMax;
  return theta;
}

export function profile({ kernels, unit, samples, thetaMax }: ProfileRequest): ProfileResult {
  const theta = angleGrid(samples, Math.min(Math.PI, thetaMax));
  const carried = Array.from(theta, carriedFromAngle);
  const values = kernels.map((k) =>
    Float64Array.from(carried, ({ delta, sigma }) => sphereValue(k, delta, sigma, unit)),
  );
  return { theta, values };
}
