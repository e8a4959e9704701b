import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

/** Retrying cannot fix a missing resource or a response of the wrong shape. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && (error.kind === 'not-found' || error.kind === 'malformed')) {
    return false;
  }
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 60_000, retry: shouldRetry, refetchOnWindowFocus: false },
    },
  });
}
