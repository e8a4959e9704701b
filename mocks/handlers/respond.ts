import { HttpResponse } from 'msw';
import type { ApiErrorBody } from '@/contract/common';

/** The contract's error body, with the status that goes with it. */
export function errorResponse(status: number, code: string, message: string) {
  return HttpResponse.json<ApiErrorBody>({ error: { code, message } }, { status });
}

/** Matches the API on any origin: the page's own in the browser, jsdom's in tests. */
export const onAnyOrigin = (path: string) => `*${path}`;
