import { useLocation } from 'react-router';
import { mayPropose } from '@/contract/review-rules';
import { ErrorPanel } from '@/components/ui/error-panel';
import { LangLink } from '@/components/ui/lang-link';
import { Skeleton } from '@/components/ui/skeleton';
import { useRevisions } from '@/features/manage/api/get-revisions';
import { NeedsPermission } from '@/features/manage/components/needs-role';
import { ProposalCard } from '@/features/manage/components/proposal-card';
import { PublishedList } from '@/features/manage/components/published-list';
import { StepHeading } from '@/features/manage/components/step-heading';
import { useAccount } from '@/features/manage/hooks/use-account';
import { useReviewT } from '@/features/manage/hooks/use-manage-catalogue';

/** Where the form sends the person after a submit, to say it went through. */
export interface ProposalsNotice {
  notice: 'submitted' | 'saved';
}

function ProposalsPage() {
  const { t } = useReviewT();
  const account = useAccount();
  const location = useLocation();
  const notice = (location.state as ProposalsNotice | null)?.notice ?? null;
  const mine = useRevisions({ mine: 'true', pageSize: 200 });
  const mayStart =
    mayPropose(account, account.regionId) || mayPropose(account, account.regionId, true);
  const own = mine.data?.revisions.filter((item) => item.status !== 'discarded') ?? [];
  return (
    <>
      <header className="page-header">
        <StepHeading>{t('proposals.title')}</StepHeading>
        <p className="page-header__lead">{t('proposals.lead')}</p>
        {mayStart ? (
          <p>
            <LangLink to="/manage/proposals/new" className="button">
              {t('proposals.new')}
            </LangLink>
          </p>
        ) : null}
      </header>
      {notice ? (
        <p className="otp-panel" role="status">
          {t(`proposals.notice.${notice}`)}
        </p>
      ) : null}
      <section className="manage-section" aria-labelledby="proposals-mine">
        <h2 id="proposals-mine">{t('proposals.mine')}</h2>
        {mine.isPending ? (
          <Skeleton height="12rem" count={2} />
        ) : mine.isError ? (
          <ErrorPanel error={mine.error} onRetry={() => void mine.refetch()} />
        ) : own.length === 0 ? (
          <p className="empty">{t('proposals.empty')}</p>
        ) : (
          <div className="revision-list">
            {own.map((revision) => (
              <ProposalCard key={revision.id} revision={revision} />
            ))}
          </div>
        )}
      </section>
      <PublishedList />
    </>
  );
}

/** Editors: their own proposals, what they may do with each, and a new one. */
export default function ManageProposalsRoute() {
  const { t } = useReviewT();
  return (
    <NeedsPermission
      permission={['propose', 'manage_accounts']}
      title={t('needs.proposalsTitle')}
      text={t('needs.proposals')}
    >
      <ProposalsPage />
    </NeedsPermission>
  );
}
