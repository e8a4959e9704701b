import { lazy, Suspense, type ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { Skeleton } from '@/components/ui/skeleton';
import { AppLayout } from './layout';
import OverviewRoute from './routes/overview';
import { RouteError } from './routes/route-error';

function page(load: () => Promise<{ default: ComponentType }>) {
  const Page = lazy(load);
  return (
    <Suspense fallback={<Skeleton height="24rem" />}>
      <Page />
    </Suspense>
  );
}

/** Every route of the app; the browser and the tests build their routers from this one list. */
export const routes: RouteObject[] = [
  // Full-screen views have no site frame: the kiosk, a deck and its handout.
  { path: '/kiosk', element: page(() => import('./routes/kiosk')), errorElement: <RouteError /> },
  {
    path: '/present',
    element: page(() => import('./routes/present')),
    errorElement: <RouteError />,
  },
  {
    path: '/present/print',
    element: page(() => import('./routes/present-print')),
    errorElement: <RouteError />,
  },
  // Management (accounts, sessions, audit): a frame and a chunk of their own, so the public pages
  // load none of it. The sign-in steps stand in for any of these pages until the person is in.
  {
    path: '/manage',
    element: page(() => import('./routes/manage')),
    errorElement: <RouteError />,
    children: [
      { index: true, element: page(() => import('./routes/manage-home')) },
      { path: 'sessions', element: page(() => import('./routes/manage-sessions')) },
      { path: 'accounts', element: page(() => import('./routes/manage-accounts')) },
      { path: 'audit', element: page(() => import('./routes/manage-audit')) },
      { path: 'proposals', element: page(() => import('./routes/manage-proposals')) },
      { path: 'proposals/new', element: page(() => import('./routes/manage-proposal')) },
      { path: 'proposals/:id', element: page(() => import('./routes/manage-proposal')) },
      { path: 'review', element: page(() => import('./routes/manage-review')) },
      { path: 'batches', element: page(() => import('./routes/manage-batches')) },
      { path: 'batches/:id', element: page(() => import('./routes/manage-batch')) },
      { path: '*', element: page(() => import('./routes/not-found')) },
    ],
  },
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      // The landing page is bundled with the app, not loaded after it: its heading paints first.
      { index: true, element: <OverviewRoute /> },
      { path: 'initiatives', element: page(() => import('./routes/initiatives')) },
      { path: 'initiatives/:id', element: page(() => import('./routes/initiative')) },
      { path: 'sources', element: page(() => import('./routes/sources')) },
      { path: 'data', element: page(() => import('./routes/data')) },
      { path: 'figures/:id', element: page(() => import('./routes/figure-history')) },
      { path: 'changes', element: page(() => import('./routes/changes')) },
      { path: 'transparency', element: page(() => import('./routes/transparency')) },
      { path: '*', element: page(() => import('./routes/not-found')) },
    ],
  },
];
