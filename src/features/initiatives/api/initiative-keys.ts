export const initiativeKeys = {
  all: ['initiatives'] as const,
  list: () => [...initiativeKeys.all, 'list'] as const,
  detail: (id: string) => [...initiativeKeys.all, 'detail', id] as const,
};
