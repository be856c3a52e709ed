/**
 * The kernel list and display settings: a sidebar on wide screens, a drawer on phones (opened from the
 * header). The open drawer takes the focus, closes on Escape, its close button or a tap beside it.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { DisplayControls } from './DisplayControls';
import { KernelList } from '../controls/KernelList';

export function SettingsPanel({ drawerOpen, onClose }: { drawerOpen: boolean; onClose(): void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (drawerOpen) close.current?.focus();
  }, [drawerOpen]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (drawerOpen && e.key === 'Escape') onClose();
  };
  return (
    <>
      <aside id="settings" className="sidebar" aria-label="Kernels and settings" onKeyDown={onKeyDown}>
        <button ref={close} type="button" className="drawer-close" onClick={onClose}>
          Close kernels &amp; settings
        </button>
        <KernelList />
        <DisplayControls />
      </aside>
      {drawerOpen && <div className="drawer-backdrop" onClick={onClose} aria-hidden="true" />}
    </>
  );
}
