import { useParams } from 'react-router';
import { ErrorPanel } from '@/components/ui/error-panel';
import { LangLink } from '@/components/ui/lang-link';
import { Skeleton } from '@/components/ui/skeleton';
import { useApproveBatch, useBatch } from '@/features/manage/api/batches';
import { NeedsPermission } from '@/features/manage/components/needs-role';
import { RevisionStatusBadge } from '@/features/manage/components/revision-status';
import { ReviewError } from '@/features/manage/components/review-error';
import { StepHeading } from '@/features/manage/components/step-heading';
import { useValueText } from '@/features/manage/components/revision-facts';
import { useCatalogueLookup } from '@/features/manage/hooks/use-catalogue-lookup';
import { useReviewT } from '@/features/manage/hooks/use-manage-catalogue';
import { formatMoment } from '@/features/manage/lib/dates';
import { useLocale } from '@/lib/use-locale';

function BatchPage({ id }: { id: string }) {
  const { t } = useReviewT();
  const locale = useLocale();
  const lookup = useCatalogueLookup();
  const valueText = useValueText();
  const batch = useBatch(id);
  const approve = useApproveBatch(id);
  return (
    <>
      <header className="page-header">
        <StepHeading>{t('batches.oneTitle')}</StepHeading>
        {batch.data ? (
          <p className="page-header__lead">
            {t('batches.by', {
              name: batch.data.createdBy.displayName,
              organisation: batch.data.createdBy.organisation,
              at: formatMoment(batch.data.createdAt, locale),
            })}
          </p>
        ) : null}
      </header>
      {batch.isPending ? (
        <Skeleton height="16rem" />
      ) : batch.isError ? (
        <ErrorPanel error={batch.error} onRetry={() => void batch.refetch()} />
      ) : (
        <section className="card manage-section" aria-labelledby="batch-rows">
          <h2 id="batch-rows">{t('batches.rows', { count: batch.data.revisions.length })}</h2>
          {batch.data.note ? <p>{batch.data.note}</p> : null}
          <ul className="published-list__items">
            {batch.data.revisions.map((revision) => (
              <li key={revision.id}>
                <strong>{lookup.figureLabel(revision)}</strong>
                {revision.districtId ? ` · ${lookup.districtName(revision.districtId)}` : ''}:{' '}
                {valueText(revision)} <RevisionStatusBadge status={revision.status} />
              </li>
            ))}
          </ul>
          {batch.data.mayApproveAll ? (
            <div className="manage-actions">
              <button
                type="button"
                className="button"
                disabled={approve.isPending}
                onClick={() => approve.mutate()}
              >
                {t('batches.approveAll')}
              </button>
              <LangLink to="/manage/review">{t('batches.oneByOne')}</LangLink>
            </div>
          ) : null}
          {approve.isSuccess ? (
            <p className="otp-panel" role="status">
              {t('batches.approved')}
            </p>
          ) : null}
          <ReviewError error={approve.error} />
        </section>
      )}
    </>
  );
}

/** One uploaded batch: its rows and their states; a reviewer may approve them all at once. */
export default function ManageBatchRoute() {
  const { t } = useReviewT();
  const { id = '' } = useParams();
  return (
    <NeedsPermission
      permission={['propose', 'review']}
      title={t('needs.reviewTitle')}
      text={t('needs.review')}
    >
      <BatchPage id={id} />
    </NeedsPermission>
  );
}
