import { useState } from 'react';
import type { Revision } from '@/contract/revisions';
import { LangLink } from '@/components/ui/lang-link';
import { useRevisionAction, type RevisionActionName } from '../api/revision-mutations';
import { RevisionTitle } from './revision-title';
import { useReviewT } from '../hooks/use-manage-catalogue';
import { RevisionFacts } from './revision-facts';
import { RevisionStatusBadge } from './revision-status';
import { ReviewError } from './review-error';

/**
 * One of the editor's own revisions with the actions its `may` allows (and no other): edit or
 * revise, submit, withdraw, discard, correct. A rejected one shows the reviewer's reason.
 */
export function ProposalCard({ revision }: { revision: Revision }) {
  const { t } = useReviewT();
  const act = useRevisionAction();
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const titleId = `proposal-${revision.id}`;
  const run = (action: RevisionActionName) =>
    act.mutate({ id: revision.id, action, version: revision.version });
  const { may } = revision;
  return (
    <article className="card revision-card" aria-labelledby={titleId}>
      <header className="revision-card__header">
        <RevisionTitle revision={revision} id={titleId} />
        <RevisionStatusBadge status={revision.status} />
        {revision.corrects ? (
          <span className="badge badge--neutral">{t('status.correction')}</span>
        ) : null}
      </header>
      {revision.status === 'rejected' && revision.rejectionReason ? (
        <div className="rejection">
          <p className="rejection__title">
            {revision.reviewedBy
              ? t('proposals.rejectedBy', { name: revision.reviewedBy.displayName })
              : t('proposals.rejectedBecause')}
          </p>
          <p>{revision.rejectionReason}</p>
        </div>
      ) : null}
      <RevisionFacts revision={revision} />
      <div className="manage-actions">
        {may.edit ? (
          <LangLink to={`/manage/proposals/${revision.id}`} className="button button--quiet">
            {revision.status === 'rejected' ? t('actions.revise') : t('actions.edit')}
          </LangLink>
        ) : null}
        {may.submit ? (
          <button
            type="button"
            className="button"
            disabled={act.isPending}
            onClick={() => run('submit')}
          >
            {t('actions.submit')}
          </button>
        ) : null}
        {may.withdraw ? (
          <button
            type="button"
            className="button button--quiet"
            disabled={act.isPending}
            onClick={() => run('withdraw')}
          >
            {t('actions.withdraw')}
          </button>
        ) : null}
        {may.discard && !confirmDiscard ? (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setConfirmDiscard(true)}
          >
            {t('actions.discard')}
          </button>
        ) : null}
        {may.correct ? (
          <LangLink
            to={`/manage/proposals/new?corrects=${encodeURIComponent(revision.id)}`}
            className="button button--quiet"
          >
            {t('actions.correct')}
          </LangLink>
        ) : null}
      </div>
      {may.discard && confirmDiscard ? (
        <div className="confirm manage-actions" role="group" aria-label={t('actions.discard')}>
          <p>{t('proposals.discardConfirm')}</p>
          <button
            type="button"
            className="button"
            disabled={act.isPending}
            onClick={() => run('discard')}
          >
            {t('actions.discardYes')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setConfirmDiscard(false)}
          >
            {t('actions.cancel')}
          </button>
        </div>
      ) : null}
      <ReviewError error={act.error} />
    </article>
  );
}
