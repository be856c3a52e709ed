/**
 * Kernels on the circle S¹ (docs/function-space.md, "Regression on the circle"): k(θ, θ') = κ(cos(θ − θ'))
 * from the sphere profile evaluator (on S¹ the NTK, Laplace, … profiles are the same functions of the
 * angle, math.md §2), with the angle difference carried accurately (math.md §2.2). Pure TypeScript.
 */
import { carriedFromAngle, familyOf, type KernelInstance } from './registry';

const TWO_PI = 2 * Math.PI;

// ───────────────────────────── geometry and kernel matrices ─────────────────────────────

/** θ reduced into [0, 2π). */
export function reduceAngle(theta: number): number {
  const r = theta % TWO_PI;
  const s = r < 0 ? r + TWO_PI : r;
  return s >= TWO_PI ? 0 : s; // r = −1e−20 rounds up to 2π: that angle is 0
}

/**
 * The angle between two points of the circle, wrapped to [0, π]: |a − b| or 2π − |a − b| for a, b in
 * [0, 2π). Its carried cosine (δ, σ) = (2 sin²(·/2), 2 cos²(·/2)) (kernels.ts `carriedFromAngle`) keeps
 * the kernel accurate near θ = 0 and θ = π, where cos(θ − θ') itself would round δ or σ away (math.md §2.2).
 */
export function wrappedDifference(a: number, b: number): number {
  const d = Math.abs(a - b);
  return d > Math.PI ? TWO_PI - d : d;
}

/** κ at a carried cosine (δ, σ) after `norm`, bit-identical to `sphereValue` (family looked up once). */
export type CarriedEvaluator = (delta: number, sigma: number) => number;
/** κ at the angle Δ ∈ [0, π]: the carried evaluator at carriedFromAngle(Δ). */
export type AngleEvaluator = (angle: number) => number;

export function carriedEvaluatorOf(kernel: KernelInstance, unit: boolean): CarriedEvaluator {
  const f = familyOf(kernel);
  const params = kernel.params;
  const atOne = f.atOne(params);
  if (!unit) return (delta, sigma) => f.onSphere(delta, sigma, params);
  return (delta, sigma) => f.onSphere(delta, sigma, params) / atOne;
}

export function evaluatorOf(kernel: KernelInstance, unit: boolean): AngleEvaluator {
  const onCarried = carriedEvaluatorOf(kernel, unit);
  return (angle) => {
    const { delta, sigma } = carriedFromAngle(angle);
    return onCarried(delta, sigma);
  };
}

/**
 * Gram matrix of one kernel on the circle at the angles `theta` (radians): n × n, row-major, exactly
 * symmetric (each pair evaluated once, directly, at its wrapped angle difference). `regression` builds its
 * Gram matrices the same way, or from a ProfileTable where that provably does not matter.
 */
export function gramOnCircle(kernel: KernelInstance, unit: boolean, theta: ArrayLike<number>): Float64Array {
  const evaluate = evaluatorOf(kernel, unit);
  const t = Float64Array.from(theta, reduceAngle);
  const n = t.length;
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = evaluate(wrappedDifference(t[i], t[j]));
      K[i * n + j] = v;
      K[j * n + i] = v;
    }
  }
  return K;
}

/** Cross-kernel matrix k(rows_i, cols_j) on the circle (radians): rows.length × cols.length, row-major. */
export function crossKernel(
  kernel: KernelInstance,
  unit: boolean,
  rows: ArrayLike<number>,
  cols: ArrayLike<number>,
): Float64Array {
  const evaluate = evaluatorOf(kernel, unit);
  const r = Float64Array.from(rows, reduceAngle);
  const c = Float64Array.from(cols, reduceAngle);
  const out = new Float64Array(r.length * c.length);
  for (let i = 0; i < r.length; i++) {
    for (let j = 0; j < c.length; j++) out[i * c.length + j] = evaluate(wrappedDifference(r[i], c[j]));
  }
  return out;
}
