import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  UNSAFE_createMemoryHistory as createMemoryHistory,
  unstable_HistoryRouter as HistoryRouter,
} from 'react-router';
import { AppProvider } from '@/app/provider';
import { AppRoutes } from '@/app/router';
import { createI18n, parseLocale } from '@/lib/i18n';
import { allCatalogues } from './catalogues';
import { createQueryClient } from '@/lib/query-client';
import { reportCaughtError } from '@/lib/report-error';

/**
 * Renders the whole app at a URL, as a person would open it: a fresh QueryClient without retries,
 * the real routes in a memory router, and the language the URL asks for. `router.state.location`
 * is where the app is: the URL changes at once on a click, as in the browser, while the next page
 * may still be loading (the app renders navigations as transitions).
 */
export function renderRoute(url: string) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  });
  const history = createMemoryHistory({ initialEntries: [url], v5Compat: true });
  const router = {
    get state() {
      return { location: history.location };
    },
  };
  const locale = parseLocale(new URL(url, 'http://localhost').searchParams.get('lang')).locale;
  const user = userEvent.setup();
  const view = render(
    <AppProvider queryClient={queryClient} i18n={createI18n(locale, allCatalogues)}>
      <HistoryRouter history={history}>
        <AppRoutes />
      </HistoryRouter>
    </AppProvider>,
    { onCaughtError: reportCaughtError },
  );
  return { ...view, router, user, queryClient };
}
