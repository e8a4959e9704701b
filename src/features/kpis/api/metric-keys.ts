import type { MetricQuery } from '@/contract/metrics';

export const metricKeys = {
  all: ['metrics'] as const,
  list: (query: MetricQuery) => [...metricKeys.all, 'list', query] as const,
};
