import { useState } from 'react';
import type { Revision } from '@/contract/revisions';
import { LangLink } from '@/components/ui/lang-link';
import { formatChange, formatNumber } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { useRevisionAction } from '../api/revision-mutations';
import { useCatalogueLookup } from '../hooks/use-catalogue-lookup';
import { RevisionTitle } from './revision-title';
import { useReviewT } from '../hooks/use-manage-catalogue';
import { formatMoment, formatPeriodDigits } from '../lib/dates';
import { changeBetween, publishedNow } from '../lib/revision-change';
import { ReasonForm } from './reason-form';
import { RevisionFacts, useValueText } from './revision-facts';

export type Outcome =
  { kind: 'approved' | 'rejected'; revision: Revision } | { kind: 'refused'; error: unknown };

/** The figure as published now beside the proposal, and the change between them. */
function Comparison({ revision }: { revision: Revision }) {
  const { t } = useReviewT();
  const locale = useLocale();
  const lookup = useCatalogueLookup();
  const valueText = useValueText();
  const now = publishedNow(lookup.figure(revision.metricId), revision.districtId);
  const change = changeBetween(now?.value ?? null, revision.value);
  const signed = (value: number) =>
    `${value > 0 ? '+' : value < 0 ? '\u2212' : ''}${formatNumber(Math.abs(value), locale)}`;
  return (
    <dl className="comparison">
      <div>
        <dt>{t('review.publishedNow')}</dt>
        <dd>
          {now
            ? valueText({
                value: now.value,
                total: now.total,
                statusText: null,
                metricId: revision.metricId,
              })
            : t('review.nothingYet')}
          {now?.period ? (
            <span className="muted"> · {formatPeriodDigits(now.period, locale)}</span>
          ) : null}
        </dd>
      </div>
      <div>
        <dt>{t('review.proposed')}</dt>
        <dd className="comparison__proposed">{valueText(revision)}</dd>
      </div>
      <div>
        <dt>{t('review.change')}</dt>
        <dd>
          {change
            ? change.percent === null
              ? signed(change.absolute)
              : t('review.changeBoth', {
                  absolute: signed(change.absolute),
                  percent: formatChange(change.percent, locale),
                })
            : t('review.noChange')}
        </dd>
      </div>
    </dl>
  );
}

/**
 * A submitted proposal in the queue: Approve and Reject when `may` allows them; otherwise a
 * sentence saying why not (the person proposed or last edited it).
 */
export function ReviewCard({
  revision,
  onOutcome,
}: {
  revision: Revision;
  onOutcome: (outcome: Outcome) => void;
}) {
  const { t } = useReviewT();
  const locale = useLocale();
  const act = useRevisionAction();
  const [rejecting, setRejecting] = useState(false);
  const titleId = `review-${revision.id}`;
  const decide = (action: 'approve' | 'reject', reason?: string) =>
    act.mutate(
      { id: revision.id, action, version: revision.version, extras: reason ? { reason } : {} },
      {
        onSuccess: (answer) =>
          onOutcome({ kind: action === 'approve' ? 'approved' : 'rejected', revision: answer }),
        onError: (error) => onOutcome({ kind: 'refused', error }),
      },
    );
  const by = revision.lastEditedBy ?? revision.createdBy;
  return (
    <article className="card revision-card" aria-labelledby={titleId}>
      <header className="revision-card__header">
        <RevisionTitle revision={revision} id={titleId} />
        {revision.corrects ? (
          <span className="badge badge--neutral">{t('status.correction')}</span>
        ) : null}
        {revision.newMetric ? (
          <span className="badge badge--neutral">{t('status.newFigure')}</span>
        ) : null}
      </header>
      {by && revision.submittedAt ? (
        <p className="muted">
          {t('review.submittedBy', {
            name: by.displayName,
            organisation: by.organisation,
            at: formatMoment(revision.submittedAt, locale),
          })}
        </p>
      ) : null}
      {revision.batchId ? (
        <p>
          <LangLink to={`/manage/batches/${encodeURIComponent(revision.batchId)}`}>
            {t('review.inBatch')}
          </LangLink>
        </p>
      ) : null}
      <Comparison revision={revision} />
      <RevisionFacts revision={revision} />
      {revision.may.approve || revision.may.reject ? (
        rejecting ? (
          <ReasonForm
            title={t('review.rejectTitle')}
            label={t('review.rejectReason')}
            hint={t('review.rejectHint')}
            submitLabel={t('actions.rejectConfirm')}
            pending={act.isPending}
            onSubmit={(reason) => decide('reject', reason)}
            onCancel={() => setRejecting(false)}
          />
        ) : (
          <div className="manage-actions">
            {revision.may.approve ? (
              <button
                type="button"
                className="button"
                disabled={act.isPending}
                onClick={() => decide('approve')}
              >
                {t('actions.approve')}
              </button>
            ) : null}
            {revision.may.reject ? (
              <button
                type="button"
                className="button button--quiet"
                onClick={() => setRejecting(true)}
              >
                {t('actions.reject')}
              </button>
            ) : null}
          </div>
        )
      ) : (
        <p className="notice">{t('review.notYours')}</p>
      )}
    </article>
  );
}
