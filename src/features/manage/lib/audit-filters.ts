import { manageEndpoints } from '@/contract/endpoints';
import { auditOutcomes, type AuditQuery } from '@/contract/accounts';

/** The audit page's filters, as the person typed them. */
export type AuditFilters = Omit<AuditQuery, 'limit' | 'before'>;

/** One page of entries: enough to scan, small enough for a phone. */
export const AUDIT_PAGE_SIZE = 50;

/** Reads the filter form: empty fields are no filter, text is trimmed, an unknown outcome dropped. */
export function filtersFromForm(form: Record<string, string>): AuditFilters {
  const text = (name: string) => {
    const value = (form[name] ?? '').trim();
    return value === '' ? undefined : value;
  };
  const outcome = auditOutcomes.find((known) => known === form.outcome);
  const filters: AuditFilters = {
    actor: text('actor'),
    action: text('action'),
    outcome,
    from: text('from'),
    to: text('to'),
  };
  // Keys with no value are left out, so two equal filter sets make the same query key.
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined),
  ) as AuditFilters;
}

/** The query parameters of one page: the filters, the page size and where the page starts. */
export function auditParams(
  filters: AuditFilters,
  before: number | null,
  limit = AUDIT_PAGE_SIZE,
): Record<string, string | undefined> {
  return {
    actor: filters.actor,
    action: filters.action,
    outcome: filters.outcome,
    from: filters.from,
    to: filters.to,
    before: before === null ? undefined : String(before),
    limit: String(limit),
  };
}

/** The CSV download of the same entries: the same filters, no paging. */
export function auditCsvHref(filters: AuditFilters, base = ''): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (typeof value === 'string' && value !== '') search.set(name, value);
  }
  const query = search.toString();
  return `${base}${manageEndpoints.auditCsv}${query ? `?${query}` : ''}`;
}
