/**
 * Preset data sets of the regression panel ("Load target", docs/function-space.md). Pure TypeScript.
 */
import { seededRandom } from '../numerics/random';

/**
 * Preset data sets ("Load target") for the regression panel, in link form (degrees, value):
 * - `harmonics`: g(θ) = sin θ + 0.5 cos 3θ + 0.25 sin 5θ at θ_i = 360°·i/count (a smooth target of low
 *   degree, in every kernel's RKHS except the bias-free two-layer NTK's, which lacks degrees 3 and 5);
 * - `step`: sign(sin θ) (±1) at θ_i = 360°·(i + ½)/count for even count, so the points sit half a step
 *   from the jumps at 0° and 180°; for odd count a half step would put a point on 180°, so the offset is a
 *   quarter step, 360°·(i + ¼)/count, which never meets a multiple of 180°;
 * - `noisy`: `harmonics` plus 0.2·ξ_i, ξ_i standard normal from seededRandom(seed) (src/core/numerics/random.ts),
 *   drawn in point order.
 * Angles are rounded to 0.1° first and values are computed at the rounded angle, then rounded to 3
 * decimals — so the points are exactly what a link would carry.
 */
export type TargetKind = 'harmonics' | 'step' | 'noisy';

export const TARGET_KINDS: readonly TargetKind[] = ['harmonics', 'step', 'noisy'];

export interface TargetPoint {
  /** degrees in [0, 360), one decimal */
  angle: number;
  /** three decimals */
  value: number;
}

/** sin θ + 0.5 cos 3θ + 0.25 sin 5θ, θ in degrees. */
export function harmonicsTarget(degrees: number): number {
  const t = (degrees * Math.PI) / 180;
  return Math.sin(t) + 0.5 * Math.cos(3 * t) + 0.25 * Math.sin(5 * t);
}

/** x rounded to `digits` decimals, never −0. */
function roundTo(x: number, digits: number): number {
  const s = 10 ** digits;
  return Math.round(x * s) / s + 0;
}

export function loadTarget(kind: TargetKind, count: number, seed: number): TargetPoint[] {
  const m = Number.isFinite(count) ? Math.max(0, Math.floor(count)) : 0;
  const offset = kind === 'step' ? (m % 2 === 0 ? 0.5 : 0.25) : 0;
  const random = seededRandom(seed);
  const points: TargetPoint[] = [];
  for (let i = 0; i < m; i++) {
    let angle = roundTo((360 * (i + offset)) / m, 1);
    if (angle >= 360) angle -= 360;
    let value: number;
    if (kind === 'step') value = Math.sin((angle * Math.PI) / 180) > 0 ? 1 : -1;
    else if (kind === 'noisy') value = harmonicsTarget(angle) + 0.2 * random.normal();
    else value = harmonicsTarget(angle);
    points.push({ angle, value: roundTo(value, 3) });
  }
  return points;
}
