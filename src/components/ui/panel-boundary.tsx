import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, Suspense, type ReactNode } from 'react';
import { ErrorPanel } from './error-panel';

interface BoundaryProps {
  onReset: () => void;
  fallback: (error: unknown, retry: () => void) => ReactNode;
  children: ReactNode;
}

class ErrorBoundary extends Component<BoundaryProps, { error: unknown }> {
  state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  retry = () => {
    this.props.onReset();
    this.setState({ error: null });
  };

  render() {
    if (this.state.error !== null) return this.props.fallback(this.state.error, this.retry);
    return this.props.children;
  }
}

/**
 * One widget's loading and failure: a placeholder with the final layout while it loads, an error
 * panel with a retry if it fails. One failed widget never blanks the page.
 */
export function PanelBoundary({
  placeholder,
  children,
  renderError,
}: {
  placeholder: ReactNode;
  children: ReactNode;
  renderError?: (error: unknown, retry: () => void) => ReactNode;
}) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          onReset={reset}
          fallback={renderError ?? ((error, retry) => <ErrorPanel error={error} onRetry={retry} />)}
        >
          <Suspense fallback={placeholder}>{children}</Suspense>
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}
