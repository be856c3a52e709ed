/** The panels in display order: presentation mode shows one of them (`panel`), keys 1–7 pick one. */
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
];

/** The panel `by` places after `from` in display order, or null past either end. */
export function panelAfter(from: PanelId, by: -1 | 1): PanelId | null {
  const i = PANELS.findIndex((p) => p.id === from) + by;
  return PANELS[i]?.id ?? null;
}
