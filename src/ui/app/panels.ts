/**
 * The panels in display order: presentation mode shows one of them (`panel`); the digit keys pick one
 * (`panelKey`), PageUp/PageDown and [ ] step through all of them.
 */
import type { LinkState } from '../../link';

export type PanelId = LinkState['panel'];

/** `label` names the panel on its own (the switcher), `noun` inside a sentence ("the off-sphere panel"). */
export const PANELS: readonly { id: PanelId; label: string; noun: string }[] = [
  { id: 'profile', label: 'Profile', noun: 'profile' },
  { id: 'spectrum', label: 'Spectrum', noun: 'spectrum' },
  { id: 'offsphere', label: 'Off the sphere', noun: 'off-sphere' },
  { id: 'samples', label: 'Random functions', noun: 'random-functions' },
  { id: 'regression', label: 'Regression', noun: 'regression' },
  { id: 'learning', label: 'Spectral bias', noun: 'spectral-bias' },
  { id: 'realdata', label: 'Real data', noun: 'real-data' },
  { id: 'width', label: 'Finite width', noun: 'finite-width' },
  { id: 'features', label: 'Random features', noun: 'random-features' },
  { id: 'training', label: 'Training', noun: 'training' },
  { id: 'sequences', label: 'Sequences', noun: 'sequences' },
];

/** The panel `by` places after `from` in display order, or null past either end. */
export function panelAfter(from: PanelId, by: -1 | 1): PanelId | null {
  const i = PANELS.findIndex((p) => p.id === from) + by;
  return PANELS[i]?.id ?? null;
}

/** The number row after 1–9: the keys of the tenth and later panels, in the keyboard's order. */
const AFTER_NINE = ['0', '-', '='];

/**
 * The key that picks the panel at `index` in presentation mode: 1–9 as numbered on the switcher, then 0, - and =
 * along the keyboard's number row; any later panel has no key of its own and is reached with PageUp/PageDown.
 */
export function panelKey(index: number): string | null {
  if (index < 9) return String(index + 1);
  return AFTER_NINE[index - 9] ?? null;
}

/** The panel a digit key picks, or null. */
export function panelOfKey(key: string): PanelId | null {
  const index = PANELS.findIndex((_, i) => panelKey(i) === key);
  return index < 0 ? null : PANELS[index].id;
}

/** The number-row keys in use, for help texts: "1–7" (or "1–9, 0, -"). */
export const PANEL_KEYS = [
  [panelKey(0), panelKey(Math.min(PANELS.length, 9) - 1)].join('–'),
  ...PANELS.slice(9).flatMap((_, i) => panelKey(9 + i) ?? []),
].join(', ');
