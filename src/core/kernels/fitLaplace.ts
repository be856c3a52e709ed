/**
 * Least-squares Laplace kernel for a target kernel on the sphere (the profile panel's fit, README):
 *   c* = argmin_c ∫_0^π (κ(θ)/κ(1) − exp(−c·2 sin(θ/2)))² dθ     (uniform weight in θ, normalized kernels)
 * over the link range of c, with rms = sqrt((1/π)∫ residual² dθ) at the reported c.
 */
import { carriedFromAngle, defaultInstance, family, sphereValue, type KernelInstance } from './registry';

export interface LaplaceFit {
  /** fitted c, rounded to 4 significant digits (the value written into a link) */
  c: number;
  /** root-mean-square difference of the normalized kernels at that c */
  rms: number;
  /** the fit hit the end of the allowed range of c */
  atBound: boolean;
  /** the fitted instance, `laplace(c=…)` */
  instance: KernelInstance;
}

/** Midpoint rule in θ: the residual has a cusp at θ = 0 only, where the midpoint rule is robust. */
const NODES = 2048;

export function fitLaplace(target: KernelInstance): LaplaceFit {
  const laplaceFamily = family('laplace')!;
  const cSpec = laplaceFamily.params.find((p) => p.key === 'c');
  const [cMin, cMax] = cSpec && cSpec.kind === 'number' ? [cSpec.min, cSpec.max] : [0.01, 100];
  const distance = new Float64Array(NODES); // ‖x − z‖ = sqrt(2δ) = 2 sin(θ/2)
  const goal = new Float64Array(NODES);
  for (let i = 0; i < NODES; i++) {
    const { delta, sigma } = carriedFromAngle((Math.PI * (i + 0.5)) / NODES);
    distance[i] = Math.sqrt(2 * delta);
    goal[i] = sphereValue(target, delta, sigma, true);
  }
  const meanSquare = (c: number) => {
    let s = 0;
    for (let i = 0; i < NODES; i++) {
      const r = goal[i] - Math.exp(-c * distance[i]);
      s += r * r;
    }
    return s / NODES;
  };
  // Coarse scan in log c (the objective can have a flat far end), then golden-section refinement.
  const lo = Math.log(cMin);
  const hi = Math.log(cMax);
  const SCAN = 200;
  let best = 0;
  let bestValue = Infinity;
  for (let j = 0; j <= SCAN; j++) {
    const v = meanSquare(Math.exp(lo + ((hi - lo) * j) / SCAN));
    if (v < bestValue) [best, bestValue] = [j, v];
  }
  let a = lo + ((hi - lo) * Math.max(0, best - 1)) / SCAN;
  let b = lo + ((hi - lo) * Math.min(SCAN, best + 1)) / SCAN;
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let iter = 0; iter < 80 && b - a > 1e-12; iter++) {
    const m1 = b - phi * (b - a);
    const m2 = a + phi * (b - a);
    if (meanSquare(Math.exp(m1)) <= meanSquare(Math.exp(m2))) b = m2;
    else a = m1;
  }
  const c = Math.min(cMax, Math.max(cMin, Number(Math.exp((a + b) / 2).toPrecision(4))));
  return {
    c,
    rms: Math.sqrt(meanSquare(c)),
    atBound: best === 0 || best === SCAN,
    instance: defaultInstance('laplace', { c }),
  };
}
