import { LangLink } from '@/components/ui/lang-link';

import { useLocale } from '@/lib/use-locale';
import { formatPeriodDigits } from '../lib/dates';
import { useRevisions } from '../api/get-revisions';
import { latestPublished } from '../lib/revision-change';
import { useCatalogueLookup } from '../hooks/use-catalogue-lookup';
import { useReviewT } from '../hooks/use-manage-catalogue';
import { FormError } from './form-error';
import { useValueText } from './revision-facts';

/**
 * The published figures this person may correct: a published revision is never edited, a
 * correction is a new proposal that names it. Folded away: it is the rarer errand.
 */
export function PublishedList() {
  const { t } = useReviewT();
  const locale = useLocale();
  const lookup = useCatalogueLookup();
  const valueText = useValueText();
  const published = useRevisions({ status: 'published', pageSize: 200 });
  const correctable = latestPublished(published.data?.revisions ?? []).filter(
    (item) => item.may.correct,
  );
  if (published.isSuccess && correctable.length === 0) return null;
  return (
    <details className="card manage-section published-list">
      <summary>{t('proposals.correctTitle')}</summary>
      <p className="muted">{t('proposals.correctLead')}</p>
      <FormError error={published.error} />
      <ul className="published-list__items">
        {correctable.map((revision) => (
          <li key={revision.id}>
            <span>
              <strong>{lookup.figureLabel(revision)}</strong>
              {revision.districtId ? ` · ${lookup.districtName(revision.districtId)}` : ''}:{' '}
              {valueText(revision)}
              {revision.period ? ` (${formatPeriodDigits(revision.period, locale)})` : ''}
            </span>{' '}
            <LangLink
              to={`/manage/proposals/new?corrects=${encodeURIComponent(revision.id)}`}
              aria-label={t('actions.correctNamed', { name: lookup.figureLabel(revision) })}
            >
              {t('actions.correct')}
            </LangLink>
          </li>
        ))}
      </ul>
    </details>
  );
}
