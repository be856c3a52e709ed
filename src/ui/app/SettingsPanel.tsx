/**
 * The kernel list and display settings: a sidebar beside the panels on wide screens (sticky, app.css), a
 * bottom sheet on phones (settings.css). The sheet is opened by its own handle, always at the bottom of the
 * screen, and covers at most half of it without dimming or locking the page: a student changing L watches
 * the charts above it change, and can scroll the page to another chart meanwhile. Escape or the handle closes
 * it (focus back on the handle).
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { DisplayControls } from './DisplayControls';
import { KernelList } from '../controls/KernelList';
import './settings.css';

export function SettingsPanel() {
  const [open, setOpen] = useState(false);
  const handle = useRef<HTMLButtonElement>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    if (!open || e.key !== 'Escape') return;
    setOpen(false);
    handle.current?.focus();
  };
  return (
    <aside
      id="settings"
      className={open ? 'sidebar sheet-open' : 'sidebar'}
      aria-label="Kernels and settings"
      onKeyDown={onKeyDown}
    >
      <button
        ref={handle}
        type="button"
        className="sheet-handle"
        aria-expanded={open}
        aria-controls="settings-body"
        onClick={() => setOpen(!open)}
      >
        Kernels &amp; settings{' '}
        <span className="sheet-arrow" aria-hidden="true">
          {open ? '▾' : '▴'}
        </span>
      </button>
      <div id="settings-body" className="settings-body">
        <KernelList />
        <DisplayControls />
      </div>
    </aside>
  );
}
