import { useState } from 'react';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/skeleton';
import { env } from '@/config/env';
import { useAudit } from '@/features/manage/api/get-audit';
import { AuditFilterForm } from '@/features/manage/components/audit-filter-form';
import { AuditTable } from '@/features/manage/components/audit-table';
import { FormError } from '@/features/manage/components/form-error';
import { NeedsPermission } from '@/features/manage/components/needs-role';
import { StepHeading } from '@/features/manage/components/step-heading';
import { useManageT } from '@/features/manage/hooks/use-manage-catalogue';
import { auditCsvHref, type AuditFilters } from '@/features/manage/lib/audit-filters';

function AuditPage() {
  const { t } = useManageT();
  const [filters, setFilters] = useState<AuditFilters>({});
  const audit = useAudit(filters);
  const entries = audit.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <>
      <header className="page-header">
        <StepHeading>{t('audit.title')}</StepHeading>
        <p className="page-header__lead">{t('audit.lead')}</p>
      </header>
      <section className="card manage-section">
        <AuditFilterForm filters={filters} onApply={setFilters} />
        <p>
          <a href={auditCsvHref(filters, env.VITE_API_URL ?? '')} download>
            {t('audit.csv')}
          </a>
        </p>
      </section>
      {audit.isPending ? (
        <Skeleton height="20rem" />
      ) : audit.isError && audit.data === undefined ? (
        <ErrorPanel error={audit.error} onRetry={() => void audit.refetch()} />
      ) : entries.length === 0 ? (
        <p className="empty">{t('audit.empty')}</p>
      ) : (
        <>
          <p className="muted" role="status">
            {t('audit.shown', { count: entries.length })}
          </p>
          <AuditTable entries={entries} />
          {audit.hasNextPage ? (
            <button
              type="button"
              className="button button--quiet"
              disabled={audit.isFetchingNextPage}
              onClick={() => void audit.fetchNextPage()}
            >
              {audit.isFetchingNextPage ? t('audit.loadingOlder') : t('audit.older')}
            </button>
          ) : (
            <p className="muted">{t('audit.end')}</p>
          )}
          <FormError error={audit.isFetchNextPageError ? audit.error : null} />
        </>
      )}
    </>
  );
}

/** Admins: every recorded action, newest first, filtered, and as CSV. */
export default function ManageAuditRoute() {
  return (
    <NeedsPermission permission="read_audit">
      <AuditPage />
    </NeedsPermission>
  );
}
