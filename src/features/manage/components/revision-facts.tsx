import type { Revision } from '@/contract/revisions';
import { formatChange, formatNumber, localize } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { useCatalogueLookup } from '../hooks/use-catalogue-lookup';
import { useReviewT } from '../hooks/use-manage-catalogue';
import { formatMoment, formatPeriodDigits } from '../lib/dates';
import { EvidenceList } from './evidence-list';

/** A figure's value as written: "150", "81 of 144", or a status in words. */
export function useValueText() {
  const { t } = useReviewT();
  const locale = useLocale();
  const lookup = useCatalogueLookup();
  return (
    revision: Pick<Revision, 'value' | 'total' | 'statusText'> & {
      metricId?: string | null;
      newMetric?: Revision['newMetric'];
    },
  ) => {
    if (revision.statusText) return localize(revision.statusText, locale);
    if (revision.value === null) return t('facts.noValue');
    const kind = revision.newMetric?.kind ?? lookup.figure(revision.metricId ?? null)?.kind;
    // A change is a percentage against a baseline period: "−46 %", as the public cards write it.
    if (kind === 'change') return formatChange(revision.value, locale);
    if (revision.total === null) return formatNumber(revision.value, locale);
    return t('facts.ofTotal', {
      value: formatNumber(revision.value, locale),
      total: formatNumber(revision.total, locale),
    });
  };
}

/** What a revision says: value, period, district, source, who stated it, its evidence. */
export function RevisionFacts({ revision }: { revision: Revision }) {
  const { t } = useReviewT();
  const locale = useLocale();
  const lookup = useCatalogueLookup();
  const valueText = useValueText();
  const who = revision.lastEditedBy ?? revision.createdBy;
  return (
    <dl className="facts revision-facts">
      <div>
        <dt>{t('facts.value')}</dt>
        <dd className="revision-facts__value">{valueText(revision)}</dd>
      </div>
      <div>
        <dt>{t('facts.period')}</dt>
        <dd>
          {revision.period ? formatPeriodDigits(revision.period, locale) : t('facts.noPeriod')}
        </dd>
      </div>
      <div>
        <dt>{t('facts.district')}</dt>
        <dd>
          {revision.districtId ? lookup.districtName(revision.districtId) : t('facts.wholeRegion')}
        </dd>
      </div>
      <div>
        <dt>{t('facts.source')}</dt>
        <dd>
          {lookup.sourceTitle(revision)}
          {revision.newSource ? <span className="muted"> ({t('facts.newSource')})</span> : null}
        </dd>
      </div>
      <div>
        <dt>{t('facts.statedBy')}</dt>
        <dd>{lookup.statedBy(revision.statedBy)}</dd>
      </div>
      {who ? (
        <div>
          <dt>{t('facts.enteredBy')}</dt>
          <dd>
            {who.displayName}, {who.organisation}
            <span className="muted"> · {formatMoment(revision.updatedAt, locale)}</span>
          </dd>
        </div>
      ) : null}
      {revision.corrects ? (
        <div>
          <dt>{t('facts.correctionReason')}</dt>
          <dd>{revision.correctionReason}</dd>
        </div>
      ) : null}
      {revision.note ? (
        <div>
          <dt>{t('facts.note')}</dt>
          <dd>{revision.note}</dd>
        </div>
      ) : null}
      {revision.evidence.length > 0 ? (
        <div>
          <dt>{t('facts.evidence')}</dt>
          <dd>
            <EvidenceList files={revision.evidence} />
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
