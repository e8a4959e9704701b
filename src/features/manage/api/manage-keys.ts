import type { AuditQuery } from '@/contract/accounts';

/** Every management query lives under one key, so signing out can drop them all at once. */
export const manageKeys = {
  all: ['manage'] as const,
  me: () => [...manageKeys.all, 'me'] as const,
  sessions: () => [...manageKeys.all, 'sessions'] as const,
  accounts: () => [...manageKeys.all, 'accounts'] as const,
  audit: (filters: Omit<AuditQuery, 'limit' | 'before'>) =>
    [...manageKeys.all, 'audit', filters] as const,
};
