import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRouter, preloadStartPage } from './app/router';
import { Providers } from './app/providers';
import { restoreSession } from './features/auth/session';
import { localeReady } from './lib/i18n';
import { registerServiceWorker } from './lib/service-worker';
import './styles/app.css';

// The session's renewal goes out now, while the app renders, and the start page's code and data load once it answers.
void restoreSession().then((result) => {
  if (result.ok) preloadStartPage(result.payload.viewer, window.location);
});

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');

await localeReady;
createRoot(container).render(
  <StrictMode>
    <Providers>
      <AppRouter />
    </Providers>
  </StrictMode>,
);

registerServiceWorker();
