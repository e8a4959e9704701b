import type { Locale } from '@/contract/common';
import type { Change } from '@/contract/revisions';
import { Badge, SampleBadge } from '@/components/ui/badge';
import { LangLink } from '@/components/ui/lang-link';
import { formatPeriod, formatTime, localize } from '@/lib/format';
import { useHistoryT } from '@/lib/history-catalogue';

const tone = {
  publication: 'neutral',
  correction: 'bad',
  verification: 'good',
  unverification: 'bad',
} as const;

/** One change: what happened to which figure, the value, who did it and why. */
export function ChangeItem({
  change,
  value,
  sourceLabel,
  locale,
}: {
  change: Change;
  /** The value in words ("152 of 173"). */
  value: string;
  sourceLabel: string;
  locale: Locale;
}) {
  const t = useHistoryT();
  const headingId = `change-${change.id.replace(/[^\w-]/g, '-')}`;
  const when = `${formatPeriod(change.at.slice(0, 10), locale)}, ${formatTime(Date.parse(change.at), locale)}`;
  const { revision } = change;
  return (
    <li className="card change" aria-labelledby={headingId}>
      <p className="change__meta">
        <Badge tone={tone[change.kind]}>{t(`changes.kind.${change.kind}`)}</Badge>{' '}
        <time dateTime={change.at}>{when}</time>
      </p>
      <h3 id={headingId} className="change__label">
        <LangLink to={`/figures/${change.metricId}`}>{localize(change.label, locale)}</LangLink>
      </h3>
      <p className="change__value">
        <strong>{value}</strong>
        {revision.period ? <> · {formatPeriod(revision.period, locale)}</> : null}{' '}
        {revision.sample ? <SampleBadge /> : null}
      </p>
      <p className="change__by">
        {change.by
          ? t('changes.by', { name: change.by.displayName, organisation: change.by.organisation })
          : t('changes.byHearing')}
        {' · '}
        <LangLink to={`/sources#${revision.sourceId}`}>{sourceLabel}</LangLink>
      </p>
      {change.reason ? (
        <p className="change__reason">
          <strong>{t(change.kind === 'verification' ? 'changes.note' : 'changes.reason')}:</strong>{' '}
          {change.reason}
        </p>
      ) : null}
    </li>
  );
}
