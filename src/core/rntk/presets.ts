/**
 * The Sequences view's scalar sequences (docs/rntk.md "In the app"): the presets the link's `seqs` can name,
 * and the limits of sequences given as numbers. A preset is fixed forever (a link that names it must show the
 * same sequences); its values are rounded to 4 decimals so that the preset and its numbers written out in a
 * link are the same sequences.
 */
import { seededRandom } from '../numerics/random';

/** links.md `seqs`: at most 16 sequences of 1–512 steps, each value within ±10. */
export const SEQUENCE_LIMITS = { sequences: 16, steps: 512, value: 10 } as const;

export interface SequencePreset {
  name: string;
  /** what the preset shows, for the preset menu and the README */
  label: string;
  /** the sequences; `seed` is the link's seed (only `noise` draws) */
  sequences(seed: number): number[][];
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4 + 0;

/** sin(2πt/period + phase) for t = 1..T. */
const sine = (T: number, period: number, phase = 0) =>
  Array.from({ length: T }, (_, i) => round4(Math.sin((2 * Math.PI * (i + 1)) / period + phase)));

/** `before` zeros then `after` ones (or the reverse with `down`). */
const step = (before: number, after: number, down = false) =>
  Array.from({ length: before + after }, (_, i) => (i >= before !== down ? 1 : 0));

export const SEQUENCE_PRESETS: readonly SequencePreset[] = [
  {
    name: 'sines',
    label: 'sine waves: one wave at 32 and 96 steps (same last 32 values), shifted, faster, slower, opposite',
    // 1 and 2 are the same wave (period 16) at two lengths: 96 − 32 is a whole number of periods, so their last
    // 32 steps are equal — end-aligned, the RNTK compares exactly those (story k)
    sequences: () => [
      sine(32, 16),
      sine(96, 16),
      sine(64, 16, Math.PI / 2),
      sine(48, 8),
      sine(64, 32),
      sine(32, 16, Math.PI),
    ],
  },
  {
    name: 'step',
    label: 'steps from 0 to 1: halfway, 8 steps before the end, 8 steps after the start; a step down',
    sequences: () => [step(32, 32), step(56, 8), step(8, 56), step(32, 32, true)],
  },
  {
    name: 'noise',
    label: 'Gaussian noise of 16 to 128 steps, drawn from the seed',
    sequences: (seed) => {
      const rng = seededRandom(seed);
      return [16, 32, 48, 64, 96, 128].map((T) => Array.from({ length: T }, () => round4(rng.normal())));
    },
  },
  {
    name: 'sines16',
    label: '16 sine waves of 128 steps: 8 frequencies, each in two phases',
    sequences: () =>
      [1, 2, 3, 4, 6, 8, 12, 16].flatMap((cycles) => [sine(128, 128 / cycles), sine(128, 128 / cycles, Math.PI / 2)]),
  },
];

export const DEFAULT_SEQUENCES = 'sines';

export function sequencePreset(name: string): SequencePreset | undefined {
  return SEQUENCE_PRESETS.find((p) => p.name === name);
}

/** The sequences of a canonical `seqs` text: a preset's (drawn from `seed` where it draws) or the numbers. */
export function readSequences(text: string, seed: number): number[][] {
  const preset = sequencePreset(text);
  if (preset) return preset.sequences(seed);
  return text === '' ? [] : text.split(';').map((s) => s.split(',').map(Number));
}
