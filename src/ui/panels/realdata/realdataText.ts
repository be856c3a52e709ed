/** How the real-data panel writes results: accuracies as percentages, configurations as their grid values. */
import type { ContestantResult } from '../../../core/realdata/types';
import { formatReadout } from '../../charts/format';

/**
 * An accuracy-like fraction as a percentage, e.g. 0.97297 → "97.3 %" (a no-break space); summaries use two
 * decimals, as the README and story h quote them.
 */
export const percent = (v: number, decimals = 1) => `${(100 * v).toFixed(decimals)}\u00a0%`;

/** Grid names as the panel shows them. */
const NAMES: Record<string, string> = {
  gamma: 'γ',
  dep: 'dep',
  fix: 'fix',
  L: 'L',
  su: 'σ_u',
  sb: 'σ_b',
  a: 'a',
  c: 'c',
};

/** "L=4, C=0.1" or "γ=0.5, a=0.25, c=0.1618, C=1". */
export function configurationText({ params, C }: Pick<ContestantResult, 'params' | 'C'>): string {
  const grid = Object.entries(params).map(([k, v]) => `${NAMES[k] ?? k}=${formatReadout(v)}`);
  return [...grid, `C=${formatReadout(C)}`].join(', ');
}
