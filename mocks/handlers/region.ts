import { http, HttpResponse } from 'msw';
import { endpoints } from '@/contract/endpoints';
import type { Region } from '@/contract/region';
import { region } from '../fixtures/region';
import { onAnyOrigin } from './respond';

export const regionHandlers = [
  http.get(onAnyOrigin(endpoints.region), () => HttpResponse.json<Region>(region)),
];
