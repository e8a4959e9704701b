import { Component, type ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n-react';
import { useLocation } from 'react-router';

/**
 * Last line of defence when a whole route fails (a page's code could not load, say). It keeps
 * to plain words and a way back; details go to the console for developers, not to the page.
 */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <main id="main" className="site-main route-error">
      <h1>{t('routeError.title')}</h1>
      <p>{t('routeError.body')}</p>
      <p>
        <a className="button" href="/">
          {t('notFound.back')}
        </a>
      </p>
    </main>
  );
}

type BoundaryProps = { children: ReactNode; resetKey: string };
type BoundaryState = { failed: boolean; resetKey: string };

/** Shows RouteError instead of a route that threw while rendering, until the next navigation. */
class Boundary extends Component<BoundaryProps, BoundaryState> {
  state: BoundaryState = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<BoundaryState> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState) {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  render() {
    return this.state.failed ? <RouteError /> : this.props.children;
  }
}

/**
 * A route's error boundary (what `errorElement` is to a data router): the app uses the plain
 * `<BrowserRouter>`, whose code is much smaller. The error itself reaches the console through
 * the root's onCaughtError.
 */
export function RouteBoundary({ children }: { children: ReactNode }) {
  const { key } = useLocation();
  return <Boundary resetKey={key}>{children}</Boundary>;
}
