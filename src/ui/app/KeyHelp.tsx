/**
 * The on-screen key help of presentation mode, at the end of the panel switcher: which key shows which panel,
 * and the keys that step through panels and story steps (useKeyboardNavigation). Generated from the panel
 * list, so a panel added later is listed with its key.
 */
import { PANEL_KEYS, PANELS, panelKey } from './panels';
import './keyHelp.css';

export function KeyHelp() {
  return (
    <details className="key-help">
      {/* "?" keeps the crowded presentation header on as few lines as it can */}
      <summary title="Keys">
        <span aria-hidden="true">?</span>
        <span className="visually-hidden">Keys</span>
      </summary>
      <dl>
        <dt>{PANEL_KEYS}</dt>
        <dd>
          {PANELS.map((p, i) => {
            const key = panelKey(i);
            return key === null ? null : <span key={p.id}>{`${key} ${p.label}`}</span>;
          })}
        </dd>
        <dt>PageDown or ]</dt>
        <dd>next panel (every panel, in order)</dd>
        <dt>PageUp or [</dt>
        <dd>previous panel</dd>
        <dt>→ ←</dt>
        <dd>next / previous step of the open story</dd>
      </dl>
    </details>
  );
}
