export const historyKeys = {
  all: ['metric-history'] as const,
  detail: (metricId: string, page: number, pageSize: number) =>
    [...historyKeys.all, metricId, { page, pageSize }] as const,
};
