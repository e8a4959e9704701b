import { useState } from 'react';
import type { Revision } from '@/contract/revisions';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/skeleton';
import { useRevisions } from '@/features/manage/api/get-revisions';
import { NeedsPermission } from '@/features/manage/components/needs-role';
import { ReviewCard, type Outcome } from '@/features/manage/components/review-card';
import { ReviewError } from '@/features/manage/components/review-error';
import { StepHeading } from '@/features/manage/components/step-heading';
import { VerifyCard } from '@/features/manage/components/verify-card';
import { useAccount } from '@/features/manage/hooks/use-account';
import { useCatalogueLookup } from '@/features/manage/hooks/use-catalogue-lookup';
import { useReviewT } from '@/features/manage/hooks/use-manage-catalogue';
import { allowed } from '@/features/manage/lib/manage-nav';
import { latestPublished } from '@/features/manage/lib/revision-change';

type PageOutcome = Outcome | { kind: 'verified' | 'unverified'; revision: Revision };

/** What the last decision did, or why it was refused (a 409: someone else was first). */
function OutcomeNotice({ outcome }: { outcome: PageOutcome | null }) {
  const { t } = useReviewT();
  const lookup = useCatalogueLookup();
  if (outcome === null) return null;
  if (outcome.kind === 'refused') return <ReviewError error={outcome.error} />;
  return (
    <p className="otp-panel" role="status">
      {t(`review.done.${outcome.kind}`, { name: lookup.figureLabel(outcome.revision) })}
    </p>
  );
}

function Queue({ onOutcome }: { onOutcome: (outcome: PageOutcome) => void }) {
  const { t } = useReviewT();
  const queue = useRevisions({ status: 'submitted', pageSize: 200 });
  return (
    <section className="manage-section" aria-labelledby="review-queue">
      <h2 id="review-queue">{t('review.queue')}</h2>
      {queue.isPending ? (
        <Skeleton height="16rem" />
      ) : queue.isError ? (
        <ErrorPanel error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data.revisions.length === 0 ? (
        <p className="empty">{t('review.empty')}</p>
      ) : (
        <div className="revision-list">
          {queue.data.revisions.map((revision) => (
            <ReviewCard key={revision.id} revision={revision} onOutcome={onOutcome} />
          ))}
        </div>
      )}
    </section>
  );
}

function Verification({
  onOutcome,
  withLead,
}: {
  onOutcome: (outcome: PageOutcome) => void;
  withLead: boolean;
}) {
  const { t } = useReviewT();
  const published = useRevisions({ status: 'published', pageSize: 200 });
  const current = latestPublished(published.data?.revisions ?? []);
  return (
    <section className="manage-section" aria-labelledby="review-verify">
      <h2 id="review-verify">{t('verify.title')}</h2>
      {withLead ? <p className="muted">{t('verify.lead')}</p> : null}
      {published.isPending ? (
        <Skeleton height="16rem" />
      ) : published.isError ? (
        <ErrorPanel error={published.error} onRetry={() => void published.refetch()} />
      ) : current.length === 0 ? (
        <p className="empty">{t('verify.empty')}</p>
      ) : (
        <div className="revision-list">
          {current.map((revision) => (
            <VerifyCard key={revision.id} revision={revision} onOutcome={onOutcome} />
          ))}
        </div>
      )}
    </section>
  );
}

function ReviewPage() {
  const { t } = useReviewT();
  const account = useAccount();
  const [outcome, setOutcome] = useState<PageOutcome | null>(null);
  const reviews = allowed(account, 'review');
  return (
    <>
      <header className="page-header">
        <StepHeading>{t('review.title')}</StepHeading>
        <p className="page-header__lead">{reviews ? t('review.lead') : t('verify.lead')}</p>
      </header>
      <div aria-live="polite">
        <OutcomeNotice outcome={outcome} />
      </div>
      {reviews ? <Queue onOutcome={setOutcome} /> : null}
      {allowed(account, 'verify') ? (
        <Verification onOutcome={setOutcome} withLead={reviews} />
      ) : null}
    </>
  );
}

/** Reviewers: the queue of submitted proposals. Verifiers: the published figures to verify. */
export default function ManageReviewRoute() {
  const { t } = useReviewT();
  return (
    <NeedsPermission
      permission={['review', 'verify']}
      title={t('needs.reviewTitle')}
      text={t('needs.review')}
    >
      <ReviewPage />
    </NeedsPermission>
  );
}
