import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider } from '@/app/provider';
import { routes } from '@/app/router';
import { createI18n, parseLocale } from '@/lib/i18n';
import { allCatalogues } from './catalogues';
import { createQueryClient } from '@/lib/query-client';
import { reportCaughtError } from '@/lib/report-error';

/**
 * Renders the whole app at a URL, as a person would open it: a fresh QueryClient without retries,
 * the real routes in a memory router, and the language the URL asks for.
 */
export function renderRoute(url: string) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  });
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const locale = parseLocale(new URL(url, 'http://localhost').searchParams.get('lang')).locale;
  const user = userEvent.setup();
  const view = render(
    <AppProvider queryClient={queryClient} i18n={createI18n(locale, allCatalogues)}>
      <RouterProvider router={router} />
    </AppProvider>,
    { onCaughtError: reportCaughtError },
  );
  return { ...view, router, user, queryClient };
}
