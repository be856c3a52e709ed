/**
 * Editing the Sequences view's sequences (pure): the chosen one replaced by typed numbers or a drawn stroke,
 * one added or removed. Every edit ends as the canonical `seqs` text of explicit numbers (a preset edited
 * becomes its numbers).
 */
import { SEQUENCE_LIMITS } from '../../../core/rntk/presets';
import { sequencesText } from '../../../link/lists';

/** Drawn values are kept to this many decimals (a link stays short; the pointer is not more precise). */
const DRAWN_DECIMALS = 2;

/** The sequences with the one at `index` replaced by `replacement` (several: inserted in its place; at most 16 kept). */
export function replaceSequence(sequences: readonly number[][], index: number, replacement: readonly number[][]) {
  const next = [...sequences.slice(0, index), ...replacement, ...sequences.slice(index + 1)];
  return sequencesText(next.slice(0, SEQUENCE_LIMITS.sequences));
}

/** A new sequence after the others: 32 steps at 0.5, to be drawn over (a zero sequence has no ReLU kernel at σ_b = 0). */
export function addSequence(sequences: readonly number[][]): string {
  return sequencesText([...sequences, Array.from({ length: 32 }, () => 0.5)].slice(0, SEQUENCE_LIMITS.sequences));
}

export function removeSequence(sequences: readonly number[][], index: number): string {
  return sequencesText(sequences.filter((_, i) => i !== index));
}

/**
 * A pointer stroke on a sequence: the point (step, value) sets the value at that step (steps are 0-based from
 * the sequence's start, rounded to the nearest), and the steps between it and the previous point of the stroke
 * (`from`) are set along the straight line between the two, so that a fast stroke leaves no gap. Steps outside
 * the sequence are ignored; values are clamped to ±limit and rounded to DRAWN_DECIMALS.
 */
export function drawStroke(
  values: readonly number[],
  from: { step: number; value: number } | null,
  to: { step: number; value: number },
  limit: number = SEQUENCE_LIMITS.value,
): number[] {
  const next = [...values];
  const scale = 10 ** DRAWN_DECIMALS;
  const put = (step: number, value: number) => {
    const t = Math.round(step);
    if (t < 0 || t >= next.length) return;
    next[t] = Math.round(Math.min(limit, Math.max(-limit, value)) * scale) / scale + 0;
  };
  if (from === null || Math.round(from.step) === Math.round(to.step)) {
    put(to.step, to.value);
    return next;
  }
  const [a, b] = [Math.round(from.step), Math.round(to.step)];
  const direction = Math.sign(b - a);
  for (let t = a; t !== b + direction; t += direction) {
    put(t, from.value + ((t - a) / (b - a)) * (to.value - from.value));
  }
  return next;
}
