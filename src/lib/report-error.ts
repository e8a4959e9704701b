import type { ErrorInfo } from 'react';
import { ApiError } from './api-client';

/**
 * React reports every error an error boundary catches. A failed API call is expected and already
 * shown to the person in an error panel, so it is not logged as an error; anything else is a bug
 * and goes to the console for developers.
 */
export function reportCaughtError(error: unknown, info: ErrorInfo): void {
  if (error instanceof ApiError) return;
  console.error(error, info.componentStack);
}
