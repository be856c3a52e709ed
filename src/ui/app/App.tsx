import { HelpDialog } from '../help/HelpDialog';
import type { ComponentType } from 'react';
import { serializeLink } from '../../link';
import { linkStateOf, useStore } from '../../state/store';
import { Header } from './Header';
import { LearningPanel } from '../panels/learning/LearningPanel';
import { Notices } from './Notices';
import { OffspherePanel } from '../panels/offsphere/OffspherePanel';
import { PANELS, type PanelId } from './panels';
import { ProfilePanel } from '../panels/profile/ProfilePanel';
import { RealdataPanel } from '../panels/realdata/RealdataPanel';
import { FeaturesPanel } from '../panels/finite/FeaturesPanel';
import { TrainingPanel } from '../panels/finite/TrainingPanel';
import { WidthPanel } from '../panels/finite/WidthPanel';
import { RegressionPanel } from '../panels/regression/RegressionPanel';
import { SamplesPanel } from '../panels/samples/SamplesPanel';
import { SequencesPanel } from '../panels/sequences/SequencesPanel';
import { SettingsPanel } from './SettingsPanel';
import { SpectrumPanel } from '../panels/spectrum/SpectrumPanel';
import { StoryStepper } from './StoryStepper';
import { useKeyboardNavigation } from './useKeyboardNavigation';
import './classroom.css';

const PANEL_VIEWS: Record<PanelId, ComponentType> = {
  profile: ProfilePanel,
  spectrum: SpectrumPanel,
  offsphere: OffspherePanel,
  samples: SamplesPanel,
  regression: RegressionPanel,
  learning: LearningPanel,
  realdata: RealdataPanel,
  width: WidthPanel,
  features: FeaturesPanel,
  training: TrainingPanel,
  sequences: SequencesPanel,
};

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

  const views = (
    <main className="views">
      {embed && <h1 className="visually-hidden">NTK–Laplace Explorer</h1>}
      {PANELS.filter((p) => !present || p.id === panel).map(({ id }) => {
        const View = PANEL_VIEWS[id];
        return <View key={id} />;
      })}
    </main>
  );
  const modes = [present && 'present', embed && 'embed'].filter(Boolean).join(' ');

  if (embed) {
    return (
      <div className={`app ${modes}`}>
        <Notices />
        {views}
        <EmbedSource />
        <HelpDialog />
      </div>
    );
  }
  return (
    <div className={`app ${modes}`}>
      <div className="chrome">
        <Header />
        <StoryStepper />
        <Notices />
      </div>
      {present ? (
        views
      ) : (
        <div className="layout">
          <SettingsPanel />
          {views}
        </div>
      )}
      <HelpDialog />
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
