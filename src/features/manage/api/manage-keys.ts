import type { AuditQuery } from '@/contract/accounts';
import type { RevisionQuery } from '@/contract/revisions';

/** Every management query lives under one key, so signing out can drop them all at once. */
export const manageKeys = {
  all: ['manage'] as const,
  me: () => [...manageKeys.all, 'me'] as const,
  sessions: () => [...manageKeys.all, 'sessions'] as const,
  accounts: () => [...manageKeys.all, 'accounts'] as const,
  audit: (filters: Omit<AuditQuery, 'limit' | 'before'>) =>
    [...manageKeys.all, 'audit', filters] as const,
  revisions: () => [...manageKeys.all, 'revisions'] as const,
  revisionList: (query: Partial<RevisionQuery>) =>
    [...manageKeys.revisions(), 'list', query] as const,
  revision: (id: string) => [...manageKeys.revisions(), 'one', id] as const,
  batch: (id: string) => [...manageKeys.revisions(), 'batch', id] as const,
  /** The public catalogue the proposal form picks from (figures, programmes, sources, districts). */
  catalogue: (name: 'metrics' | 'initiatives' | 'sources' | 'region') =>
    [...manageKeys.all, 'catalogue', name] as const,
};
