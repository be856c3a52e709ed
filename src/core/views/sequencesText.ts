/**
 * The sentence that says how the RNTK weights time for the current σ_w (docs/rntk.md "In the app", "The figure"; issue 16: "σ_w above
 * or below the critical value: say which on screen"), shared by the Sequences panel and its figure.
 */
import type { Activation } from '../rntk/recursion';
import type { MemoryFactor } from './sequencesView';

/** Two decimals (as the sliders step); below 0.01 two significant digits, so that a small χ never reads as 0. */
function short(v: number): string {
  if (v === 0) return '0';
  return v < 0.01 ? String(Number(v.toPrecision(2))) : v.toFixed(2);
}

/**
 * E.g. "σ_w = 1.41 is at the critical value √2 (χ = σ_w²/2 = 1.00): early steps keep their weight", or
 * "σ_w = 1.00 is below the critical value √2 (χ = σ_w²/2 = 0.50): the kernel forgets early steps (×0.50 per
 * step back)". For ReLU χ = σ_w²/2 and the critical σ_w is √2; for erf χ = σ_w²·E[φ′(g)²] along the chosen
 * sequence's variances, and its critical σ_w depends on that sequence (MemoryFactor in sequencesView.ts).
 */
export function memoryText(memory: MemoryFactor, act: Activation, sw: number): string {
  const { chi, critical, regime } = memory;
  const formula = act === 'relu' ? `χ = σ_w²/2 = ${short(chi)}` : `χ = σ_w²·E[φ′(g)²] = ${short(chi)}`;
  const criticalValue = act === 'relu' ? '√2' : critical === null ? null : `${short(critical)} for this sequence`;
  const where =
    criticalValue === null
      ? `σ_w = ${short(sw)}, and no σ_w up to 8 reaches χ = 1 for this sequence`
      : `σ_w = ${short(sw)} is ${regime === 'critical' ? 'at' : regime === 'forgets' ? 'below' : 'above'} the critical value ${criticalValue}`;
  const effect =
    regime === 'critical'
      ? act === 'relu'
        ? 'early steps are not forgotten: a step’s weight even grows like j + 2 with its distance j from the end'
        : 'early steps keep their weight'
      : regime === 'forgets'
        ? chi === 0
          ? 'only the last step counts'
          : `the kernel forgets early steps (×${short(chi)} per step back)`
        : `the kernel remembers early steps, weighing them more (×${short(chi)} per step back)`;
  return `${where} (${formula}): ${effect}`;
}
