import { http, HttpResponse } from 'msw';
import type { ApiErrorBody } from '@/contract/common';
import { endpoints } from '@/contract/endpoints';
import type { Source } from '@/contract/sources';
import { sources } from '../fixtures/sources';
import { errorResponse, onAnyOrigin } from './respond';

export const sourceHandlers = [
  http.get(onAnyOrigin(endpoints.sources), () => HttpResponse.json<Source[]>(sources)),
  http.get<{ id: string }, never, Source | ApiErrorBody>(
    onAnyOrigin(`${endpoints.sources}/:id`),
    ({ params }) => {
      const source = sources.find((item) => item.id === params.id);
      return source
        ? HttpResponse.json<Source>(source)
        : errorResponse(404, 'not_found', `No source with id "${String(params.id)}".`);
    },
  ),
];
