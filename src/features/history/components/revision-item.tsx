import type { Locale } from '@/contract/common';
import type { PublicRevision } from '@/contract/revisions';
import { Badge, SampleBadge } from '@/components/ui/badge';
import { LangLink } from '@/components/ui/lang-link';
import { formatPeriod } from '@/lib/format';
import { useHistoryT } from '@/lib/history-catalogue';
import { ActorText } from './actor-text';
import { EvidenceList } from './evidence-list';
import { VerificationText } from './verification-text';

export interface RevisionWords {
  /** The value in words ("141 of 173"). */
  value: string;
  /** The source's citation and where its page is. */
  source: { label: string; href: string };
  /** Who stated it, by name where the source knows the person. */
  statedBy: string;
  /** The district's name, for a district's share. */
  district: string | null;
  /** When the revision this one corrects was published, if it is on this page. */
  correctsDate: string | null;
}

/** One published revision with its whole record: value, source, evidence, people, checks. */
export function RevisionItem({
  revision,
  words,
  locale,
  current,
}: {
  revision: PublicRevision;
  words: RevisionWords;
  locale: Locale;
  current: boolean;
}) {
  const t = useHistoryT();
  const date = (iso: string) => formatPeriod(iso.slice(0, 10), locale);
  const headingId = `revision-${revision.id}`;
  return (
    <li className="card revision" aria-labelledby={headingId}>
      <div className="revision__head">
        <h3 id={headingId} className="revision__value">
          {words.value}
        </h3>
        <div className="badges">
          {current ? <Badge tone="good">{t('history.latest')}</Badge> : null}
          {revision.corrects !== null ? (
            <Badge tone="neutral">{t('history.correction')}</Badge>
          ) : null}
          {revision.sample ? <SampleBadge /> : null}
        </div>
      </div>
      <p className="revision__published">
        {t('history.publishedOn', { date: date(revision.publishedAt) })}
      </p>
      {revision.sample ? <p className="note note--sample">{t('history.sampleValue')}</p> : null}
      {revision.corrects !== null ? (
        <p className="note revision__correction">
          {words.correctsDate
            ? t('history.corrects', { date: words.correctsDate })
            : t('history.correctsUnknown')}
          {revision.correctionReason ? (
            <>
              <br />
              <strong>{t('history.correctionReason')}:</strong> {revision.correctionReason}
            </>
          ) : null}
        </p>
      ) : null}
      <dl className="facts revision__facts">
        <div>
          <dt>{t('history.period')}</dt>
          <dd>
            {revision.period ? formatPeriod(revision.period, locale) : t('history.periodNone')}
          </dd>
        </div>
        {words.district ? (
          <div>
            <dt>{t('history.district')}</dt>
            <dd>{words.district}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('history.source')}</dt>
          <dd>
            <LangLink to={words.source.href}>{words.source.label}</LangLink>
          </dd>
        </div>
        <div>
          <dt>{t('history.statedBy')}</dt>
          <dd>{words.statedBy}</dd>
        </div>
        <div>
          <dt>{t('history.enteredBy')}</dt>
          <dd>
            <ActorText actor={revision.enteredBy} />
          </dd>
        </div>
        <div>
          <dt>{t('history.approvedBy')}</dt>
          <dd>
            <ActorText actor={revision.approvedBy} />
          </dd>
        </div>
        {revision.logIndex === null ? null : (
          <div>
            <dt>{t('history.logEntry')}</dt>
            <dd>
              <LangLink to="/transparency">
                {t('history.logEntryValue', { index: revision.logIndex })}
              </LangLink>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('history.verification')}</dt>
          <dd>
            <VerificationText verification={revision.verification} locale={locale} />
          </dd>
        </div>
        <div className="revision__evidence">
          <dt>{t('history.evidence')}</dt>
          <dd>
            <EvidenceList evidence={revision.evidence} />
          </dd>
        </div>
      </dl>
    </li>
  );
}
