/**
 * How the recurrent NTK weights time (docs/rntk.md "In the app"): ∂K(x, x)/∂x_t at every step t of a sequence, exactly,
 * by one backward (adjoint) pass through the recursion — O(T) for all steps, and exact where the value is far
 * below K itself (a central difference of K loses everything under ~1e−12·K, which σ_w < √2 reaches within a
 * few dozen steps).
 *
 * On the diagonal (z = x) every pair is (t, t) and its Σ is the sequence's own variance s_t, so the maps are
 * taken at a = b = c = s:
 *   ReLU: F(s) = s/2, G(s) = 1/2;   erf: F(s) = (2/π)·arcsin(2s/(1+2s)), G(s) = (4/π)/√(1+4s).
 * The recursion is then s_1 = in_1, Θ_1 = s_1; s_t = σ_w²F(s_{t−1}) + in_t, Θ_t = s_t + σ_w²G(s_{t−1})Θ_{t−1};
 * K = σ_v²(F(s_T) + G(s_T)Θ_T), with in_t = σ_u²‖x_t‖²/d + σ_b², so ∂in_t/∂x_t = 2σ_u²x_t/d.
 * (For ReLU this sums to K = σ_v²·½·Σ_t in_t·(j + 2)·(σ_w²/2)^j with j = T − t: the weight of a step falls or
 * grows geometrically with its distance from the end, times a linear factor.)
 */
import type { RntkParams, Sequence } from './recursion';

/** F, G on the diagonal and their derivatives in s. */
function diagonalMaps(act: RntkParams['act'], s: number): { F: number; G: number; dF: number; dG: number } {
  if (act === 'relu') return { F: s / 2, G: 0.5, dF: 0.5, dG: 0 };
  const r = Math.sqrt(1 + 4 * s);
  return {
    F: (2 / Math.PI) * Math.asin((2 * s) / (1 + 2 * s)),
    G: 4 / Math.PI / r,
    dF: 4 / Math.PI / ((1 + 2 * s) * r),
    dG: -8 / Math.PI / (r * r * r),
  };
}

/** ∂K(x, x)/∂x_{t,k} for every step t and coordinate k (row-major T×d, as the sequence). */
export function timeSensitivity(x: Sequence, p: RntkParams): Float64Array {
  const { T, d, values } = x;
  const sw2 = p.sw * p.sw;
  // forward: s_t and Θ_t (index t − 1)
  const s = new Float64Array(T);
  const theta = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let norm = 0;
    for (let k = 0; k < d; k++) norm += values[t * d + k] ** 2;
    const input = (p.su * p.su * norm) / d + p.sb * p.sb;
    if (t === 0) {
      s[0] = input;
      theta[0] = input;
    } else {
      const m = diagonalMaps(p.act, s[t - 1]);
      s[t] = sw2 * m.F + input;
      theta[t] = s[t] + sw2 * m.G * theta[t - 1];
    }
  }
  // backward: the adjoints of s_t (through s_{t+1}, Θ_{t+1} and the output) and of Θ_t
  const out = new Float64Array(T * d);
  const last = diagonalMaps(p.act, s[T - 1]);
  const sv2 = p.sv * p.sv;
  let sBar = sv2 * (last.dF + last.dG * theta[T - 1]);
  let thetaBar = sv2 * last.G;
  for (let t = T - 1; t >= 0; t--) {
    // s_t enters Θ_t directly: its whole adjoint is sBar + thetaBar, which is also in_t's
    const inBar = sBar + thetaBar;
    for (let k = 0; k < d; k++) {
      const dIn = (2 * p.su * p.su * values[t * d + k]) / d;
      // a step the kernel cannot depend on (x_t = 0 or σ_u = 0) weighs 0, even where the adjoint has overflowed
      // (erf with σ_b = 0 keeps the variance at 0 through zero inputs, where χ = 4σ_w²/π can exceed 1)
      out[t * d + k] = dIn === 0 ? 0 : inBar * dIn;
    }
    if (t === 0) break;
    const m = diagonalMaps(p.act, s[t - 1]);
    sBar = inBar * sw2 * m.dF + thetaBar * sw2 * m.dG * theta[t - 1];
    thetaBar = thetaBar * sw2 * m.G;
  }
  return out;
}
