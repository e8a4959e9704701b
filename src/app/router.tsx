import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { matchRoutes, useRoutes, type RouteObject } from 'react-router';
import { Skeleton } from '@/components/ui/skeleton';
import { AppLayout } from './layout';
import OverviewRoute from './routes/overview';
import { RouteBoundary } from './routes/route-error';

/** A route's page, with its own error boundary (the routes' `errorElement`, in a plain router). */
function guarded(element: ReactNode) {
  return <RouteBoundary>{element}</RouteBoundary>;
}

type PageModule = () => Promise<{ default: ComponentType }>;

/** A page in a chunk of its own; `handle.load` lets the start fetch it before React asks. */
function page(load: PageModule, frame: (page: ReactNode) => ReactNode = (p) => p) {
  const Page = lazy(load);
  return {
    element: frame(
      <Suspense fallback={<Skeleton height="24rem" />}>
        <Page />
      </Suspense>,
    ),
    handle: { load },
  };
}

/**
 * Every route of the app; the browser (`<BrowserRouter>` + `useRoutes`) and the tests (a memory
 * router) render this one list.
 */
export const routes: RouteObject[] = [
  // Full-screen views have no site frame: the kiosk, a deck and its handout.
  { path: '/kiosk', ...page(() => import('./routes/kiosk'), guarded) },
  {
    path: '/present',
    ...page(() => import('./routes/present'), guarded),
  },
  {
    path: '/present/print',
    ...page(() => import('./routes/present-print'), guarded),
  },
  // Management (accounts, sessions, audit): a frame and a chunk of their own, so the public pages
  // load none of it. The sign-in steps stand in for any of these pages until the person is in.
  {
    path: '/manage',
    ...page(() => import('./routes/manage'), guarded),
    children: [
      { index: true, ...page(() => import('./routes/manage-home')) },
      { path: 'sessions', ...page(() => import('./routes/manage-sessions')) },
      { path: 'accounts', ...page(() => import('./routes/manage-accounts')) },
      { path: 'audit', ...page(() => import('./routes/manage-audit')) },
      { path: 'proposals', ...page(() => import('./routes/manage-proposals')) },
      { path: 'proposals/new', ...page(() => import('./routes/manage-proposal')) },
      { path: 'proposals/:id', ...page(() => import('./routes/manage-proposal')) },
      { path: 'review', ...page(() => import('./routes/manage-review')) },
      { path: 'batches', ...page(() => import('./routes/manage-batches')) },
      { path: 'batches/:id', ...page(() => import('./routes/manage-batch')) },
      { path: '*', ...page(() => import('./routes/not-found')) },
    ],
  },
  {
    path: '/',
    element: guarded(<AppLayout />),
    children: [
      // The landing page is bundled with the app, not loaded after it: its heading paints first.
      { index: true, element: <OverviewRoute /> },
      { path: 'initiatives', ...page(() => import('./routes/initiatives')) },
      { path: 'initiatives/:id', ...page(() => import('./routes/initiative')) },
      { path: 'sources', ...page(() => import('./routes/sources')) },
      { path: 'data', ...page(() => import('./routes/data')) },
      { path: 'figures/:id', ...page(() => import('./routes/figure-history')) },
      { path: 'changes', ...page(() => import('./routes/changes')) },
      { path: 'transparency', ...page(() => import('./routes/transparency')) },
      { path: '*', ...page(() => import('./routes/not-found')) },
    ],
  },
];

/**
 * Starts fetching the chunks of the page at `pathname`, so that they download while the app starts
 * rather than once its first render reaches them. Errors are left to the page's own boundary.
 */
export function preloadPage(pathname: string) {
  for (const { route } of matchRoutes(routes, pathname) ?? []) {
    const handle = route.handle as { load?: PageModule } | undefined;
    handle?.load?.().catch(() => undefined);
  }
}

/** The page for the current URL; inside a `<BrowserRouter>` (or a `<MemoryRouter>` in tests). */
export function AppRoutes() {
  return useRoutes(routes);
}
