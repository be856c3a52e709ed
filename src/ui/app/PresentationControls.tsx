/**
 * Presentation mode's controls: the header toggle, the panel switcher (also PageUp/PageDown, [ ] and
 * the digit keys, see useKeyboardNavigation; its key help: KeyHelp.tsx), "Share with the room"
 * (ShareDialog.tsx) and the pen (PenOverlay.tsx).
 */
import { useStore } from '../../state/store';
import { KeyHelp } from './KeyHelp';
import { PANEL_KEYS, PANELS, panelKey } from './panels';

export { PenControl } from './PenOverlay';
export { ShareWithRoom } from './ShareDialog';

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
    <div className="panel-switcher" role="group" aria-label={`Panel shown (keys ${PANEL_KEYS}, PageUp, PageDown)`}>
      {PANELS.map((p, i) => (
        <button key={p.id} type="button" aria-pressed={panel === p.id} onClick={() => setGlobal('panel', p.id)}>
          <span className="key-hint" aria-hidden="true">
            {panelKey(i)}
          </span>{' '}
          {p.label}
        </button>
      ))}
      <KeyHelp />
    </div>
  );
}
