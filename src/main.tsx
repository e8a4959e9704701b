// First: before any module builds a zod schema (see the file).
import './lib/zod-config';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { yieldToBrowser } from './app/next-task';
import { AppProvider } from './app/provider';
import { keepFocusThroughSwap } from './app/shell-focus';
import { AppRoutes, preloadPage } from './app/router';
import './config/env';
import { setApiReady } from './lib/api-client';
import { prepareFormats } from './lib/format';
import { createI18n, parseLocale, startingCatalogues } from './lib/i18n';
import { createQueryClient } from './lib/query-client';
import { reportCaughtError } from './lib/report-error';
import { registerServiceWorker } from './pwa/register';
import './styles/fonts.css';
import './styles/app.css';
import './styles/slides.css';
import './styles/kiosk.css';

// Tested on import.meta.env itself (not the parsed env) so that Vite folds the condition and a build
// pointed at a real API contains no MSW code. The first paint does not wait for the mock worker;
// only the first request does.
if (!import.meta.env.VITE_API_URL) {
  setApiReady(import('../mocks/browser').then(({ startMockWorker }) => startMockWorker()));
} else if (import.meta.env.PROD) {
  void registerServiceWorker();
}

const locale = parseLocale(new URLSearchParams(window.location.search).get('lang')).locale;
document.documentElement.lang = locale;

const catalogues = await startingCatalogues(locale);
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// A slow phone has just spent a long task evaluating this code. Each step of the start gets a
// task of its own, so that the browser can handle input and paint in between (a task over 50 ms
// is one a reader feels); the pre-painted frame stays on screen meanwhile.
await yieldToBrowser();
// The page's own chunk downloads while the rest of the start runs (matching the URL and adding the
// preload links costs a slow phone a long task of its own the first time).
preloadPage(window.location.pathname);
await yieldToBrowser();
const i18n = createI18n(locale, catalogues);
await yieldToBrowser();

// As a transition, the first render is done in slices that yield to the browser between them,
// rather than as one long task; the frame in index.html stays until the whole page is ready.
// A Tab pressed on the painted frame keeps its place when the app replaces the frame.
keepFocusThroughSwap(container);
const root = createRoot(container, { onCaughtError: reportCaughtError });
startTransition(() => {
  root.render(
    <StrictMode>
      <AppProvider queryClient={createQueryClient()} i18n={i18n}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AppProvider>
    </StrictMode>,
  );
});

// While the page's chunk and data are on their way, the number formats are built in a task of
// their own (the first costs a phone tens of milliseconds), rather than in the render that uses them.
const whenIdle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1));
whenIdle(() => prepareFormats(locale));
