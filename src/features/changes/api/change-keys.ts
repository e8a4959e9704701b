import type { ChangeQuery } from '@/contract/revisions';

export const changeKeys = {
  all: ['changes'] as const,
  list: (query: ChangeQuery) => [...changeKeys.all, 'list', query] as const,
};
