/**
 * Presentation mode's controls: the header toggle, and the panel switcher (also PageUp/PageDown, [ ] and
 * 1–6, see useKeyboardNavigation).
 */
import { useStore } from '../../state/store';
import { PANELS } from './panels';

export function PresentationToggle() {
  const present = useStore((s) => s.present === 1);
  const setGlobal = useStore((s) => s.setGlobal);
  return (
    <button type="button" onClick={() => setGlobal('present', present ? 0 : 1)}>
      {present ? 'Exit presentation' : 'Present'}
    </button>
  );
}

export function PanelSwitcher() {
  const panel = useStore((s) => s.panel);
  const setGlobal = useStore((s) => s.setGlobal);
  return (
    <div className="panel-switcher" role="group" aria-label="Panel shown (keys 1–6, PageUp, PageDown)">
      {PANELS.map((p, i) => (
        <button key={p.id} type="button" aria-pressed={panel === p.id} onClick={() => setGlobal('panel', p.id)}>
          <span className="key-hint" aria-hidden="true">
            {i + 1}
          </span>{' '}
          {p.label}
        </button>
      ))}
    </div>
  );
}
