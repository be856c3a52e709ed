import { DisplayControls } from './DisplayControls';
import { Header } from './Header';
import { KernelList } from './KernelList';
import { Notices } from './Notices';
import { OffspherePanel } from './OffspherePanel';
import { ProfilePanel } from './ProfilePanel';
import { SpectrumPanel } from './SpectrumPanel';

export function App() {
  return (
    <div className="app">
      <Header />
      <Notices />
      <div className="layout">
        <aside className="sidebar" aria-label="Kernels and settings">
          <KernelList />
          <DisplayControls />
        </aside>
        <main className="views">
          <ProfilePanel />
          <SpectrumPanel />
          <OffspherePanel />
        </main>
      </div>
    </div>
  );
}
