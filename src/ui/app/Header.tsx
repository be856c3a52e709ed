import { linkStateOf, useStore } from '../../state/store';
import { CopyLink } from './CopyLink';
import { PanelSwitcher, PenControl, PresentationToggle, ShareWithRoom } from './PresentationControls';
import { isReset, resetView } from './resetView';
import { StoriesMenu } from './StoriesMenu';
import { HelpMenu } from '../help/HelpDialog';
import { Cite } from '../help/LinkedText';

/**
 * The app header: name, Stories, presentation mode, "Reset view", "Copy link" (the address always holds the
 * canonical link). Presentation mode keeps only what a lecturer needs: stories, the panel switcher, sharing
 * with the room, the pen and the way out.
 */
export function Header() {
  const present = useStore((s) => s.present === 1);
  return (
    <header className="app-header">
      {/* presentation mode gives the name's room to the lecturer's buttons; it stays the page's heading */}
      <h1 className={present ? 'visually-hidden' : undefined}>NTK–Laplace Explorer</h1>
      {!present && (
        <p className="tagline">
          On the sphere the ReLU neural tangent kernel and the Laplace kernel have the same eigenfunctions and
          eigenvalue decay (<Cite work="geifman2020" />, NeurIPS).
        </p>
      )}
      <div className="header-actions">
        <StoriesMenu />
        <HelpMenu />
        {present && <PanelSwitcher />}
        {present && <ShareWithRoom />}
        {present && <PenControl />}
        <PresentationToggle />
        {!present && <ResetView />}
        {!present && <CopyLink />}
      </div>
    </header>
  );
}

/** Unavailable (but focusable, saying why) when the view already is the defaults. */
function ResetView() {
  const atDefaults = useStore((s) => isReset(linkStateOf(s)));
  return (
    <button
      type="button"
      aria-disabled={atDefaults}
      title={
        atDefaults
          ? 'The view already shows the defaults.'
          : 'Every parameter back to its default (Undo or Back restores)'
      }
      onClick={resetView}
    >
      Reset view
    </button>
  );
}
