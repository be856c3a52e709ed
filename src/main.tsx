import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startUrlSync } from './state/urlSync';
// the base styles first: every component's own styles come after them in the cascade
import './ui/app/app.css';
import { App } from './ui/app/App';
import { installSeriesColours } from './ui/app/seriesColours';
import { startServiceWorker } from './ui/app/serviceWorker';

startUrlSync();

installSeriesColours();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

startServiceWorker();
