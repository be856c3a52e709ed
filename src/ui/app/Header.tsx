import { useState, type Ref } from 'react';
import { useStore } from '../../state/store';
import { currentUrl } from '../../state/urlSync';
import { PanelSwitcher, PresentationToggle } from './PresentationControls';
import { StoriesMenu } from './StoriesMenu';

interface HeaderProps {
  /** the phone layout's drawer holding the kernel list and settings (README "Responsive layout") */
  drawerOpen: boolean;
  onToggleDrawer(): void;
  drawerToggleRef: Ref<HTMLButtonElement>;
}

/**
 * The app header: name, Stories, presentation mode, "Copy link" (the address always holds the canonical
 * link) and, on phones, the button of the settings drawer. Presentation mode keeps only what a lecturer
 * needs: stories, the panel switcher and the way out.
 */
export function Header({ drawerOpen, onToggleDrawer, drawerToggleRef }: HeaderProps) {
  const present = useStore((s) => s.present === 1);
  return (
    <header className="app-header">
      <h1>NTK–Laplace Explorer</h1>
      {!present && (
        <p className="tagline">
          On the sphere the ReLU neural tangent kernel and the Laplace kernel have the same eigenfunctions and
          eigenvalue decay (Geifman et al., NeurIPS 2020).
        </p>
      )}
      <div className="header-actions">
        {!present && (
          <button
            ref={drawerToggleRef}
            type="button"
            className="drawer-toggle"
            aria-expanded={drawerOpen}
            aria-controls="settings"
            onClick={onToggleDrawer}
          >
            Kernels &amp; settings
          </button>
        )}
        <StoriesMenu />
        {present && <PanelSwitcher />}
        <PresentationToggle />
        {!present && <CopyLink />}
      </div>
    </header>
  );
}

function CopyLink() {
  const [copied, setCopied] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(currentUrl());
      setCopied('Link copied.');
    } catch {
      setCopied('Copying was refused by the browser: copy the address bar instead.');
    }
    setTimeout(() => setCopied(''), 4000);
  };
  return (
    <>
      <button type="button" onClick={copy}>
        Copy link
      </button>
      <span role="status" className="copied">
        {copied}
      </span>
    </>
  );
}
