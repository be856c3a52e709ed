/**
 * Page-wide keys for lectures: ← → move through the open story's steps; in presentation mode
 * PageUp/PageDown (what presentation clickers send), [ ] and the number-row keys (panels.ts `panelKey`: 1–9, 0, -)
 * switch the panel shown, so that every panel is reachable however many there are.
 * Keys typed into a form control or a widget that owns the arrow keys (a slider, a list box…), keys
 * with a modifier, keys a focused widget already handled (the charts' ← → readout calls
 * preventDefault), and every key while a modal dialog is open (glossary, share: the view behind stays put)
 * are left alone.
 */
import { useEffect } from 'react';
import { useStore } from '../../state/store';
import { panelAfter, panelOfKey, type PanelId } from './panels';
import { moveStep } from './storyNavigation';

const INPUT_WIDGET = [
  'input',
  'select',
  'textarea',
  '[contenteditable]:not([contenteditable="false"])',
  ...['slider', 'spinbutton', 'textbox', 'combobox', 'listbox', 'radiogroup', 'tablist', 'menu', 'grid', 'tree'].map(
    (role) => `[role="${role}"]`,
  ),
].join(', ');

export function isInputWidget(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(INPUT_WIDGET) !== null;
}

/** The panel a key asks for in presentation mode, or null. */
function panelFor(key: string, current: PanelId): PanelId | null {
  if (key === 'PageDown' || key === ']') return panelAfter(current, 1);
  if (key === 'PageUp' || key === '[') return panelAfter(current, -1);
  return panelOfKey(key);
}

export function useKeyboardNavigation(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isInputWidget(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        if (moveStep(e.key === 'ArrowRight' ? 1 : -1)) e.preventDefault();
        return;
      }
      const { present, panel, setGlobal } = useStore.getState();
      if (present !== 1) return;
      const next = panelFor(e.key, panel);
      if (next === null) return;
      e.preventDefault();
      if (next !== panel) setGlobal('panel', next);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
