import { useEffect, useRef, useState, type ComponentType } from 'react';
import { serializeLink } from '../../link';
import { linkStateOf, useStore } from '../../state/store';
import { Header } from './Header';
import { LearningPanel } from '../panels/learning/LearningPanel';
import { Notices } from './Notices';
import { OffspherePanel } from '../panels/offsphere/OffspherePanel';
import { PANELS, type PanelId } from './panels';
import { ProfilePanel } from '../panels/profile/ProfilePanel';
import { RealdataPanel } from '../panels/realdata/RealdataPanel';
import { RegressionPanel } from '../panels/regression/RegressionPanel';
import { SamplesPanel } from '../panels/samples/SamplesPanel';
import { SettingsPanel } from './SettingsPanel';
import { SpectrumPanel } from '../panels/spectrum/SpectrumPanel';
import { StoryStepper } from './StoryStepper';
import { useKeyboardNavigation } from './useKeyboardNavigation';
import { useMediaQuery } from './useMediaQuery';
import './classroom.css';

const PANEL_VIEWS: Record<PanelId, ComponentType> = {
  profile: ProfilePanel,
  spectrum: SpectrumPanel,
  offsphere: OffspherePanel,
  samples: SamplesPanel,
  regression: RegressionPanel,
  learning: LearningPanel,
  realdata: RealdataPanel,
};

/** The phone layout (settings in a drawer); the same width as the breakpoint in app.css. */
const PHONE = '(max-width: 760px)';

/**
 * The page. Three modes from the link: normal (header, story, settings, every panel), presentation
 * (`present=1`: one panel, large type, lecturer's controls) and embed (`embed=1`: panels only, for an
 * iframe; with `present=1` one panel).
 */
export function App() {
  const present = useStore((s) => s.present === 1);
  const embed = useStore((s) => s.embed === 1);
  const panel = useStore((s) => s.panel);
  useKeyboardNavigation();
  const phone = useMediaQuery(PHONE);
  const [drawerWanted, setDrawerWanted] = useState(false);
  const drawerOpen = phone && drawerWanted && !present && !embed;
  const drawerToggle = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    // focus goes back to the toggle once the page behind the drawer is no longer inert
    if (wasOpen.current && !drawerOpen) drawerToggle.current?.focus();
    wasOpen.current = drawerOpen;
  }, [drawerOpen]);

  const views = (
    <main className="views" inert={drawerOpen}>
      {embed && <h1 className="visually-hidden">NTK–Laplace Explorer</h1>}
      {PANELS.filter((p) => !present || p.id === panel).map(({ id }) => {
        const View = PANEL_VIEWS[id];
        return <View key={id} />;
      })}
    </main>
  );
  const modes = [present && 'present', embed && 'embed', drawerOpen && 'drawer-open'].filter(Boolean).join(' ');

  if (embed) {
    return (
      <div className={`app ${modes}`}>
        <Notices />
        {views}
        <EmbedSource />
      </div>
    );
  }
  return (
    <div className={`app ${modes}`}>
      <div className="chrome" inert={drawerOpen}>
        <Header
          drawerOpen={drawerOpen}
          onToggleDrawer={() => setDrawerWanted(!drawerWanted)}
          drawerToggleRef={drawerToggle}
        />
        <StoryStepper />
        <Notices />
      </div>
      {present ? (
        views
      ) : (
        <div className="layout">
          <SettingsPanel drawerOpen={drawerOpen} onClose={() => setDrawerWanted(false)} />
          {views}
        </div>
      )}
    </div>
  );
}

/** Embed mode's one piece of chrome: where the figure comes from, opening the full explorer. */
function EmbedSource() {
  const link = useStore((s) => serializeLink({ ...linkStateOf(s), embed: 0 }));
  return (
    <footer className="embed-source">
      <a href={link} target="_blank" rel="noopener">
        Open in the NTK–Laplace Explorer
      </a>
    </footer>
  );
}
