import type { Locale } from '@/contract/common';
import type { VerificationRecord } from '@/contract/revisions';
import { EvidenceList } from './evidence-list';
import { formatPeriod } from '@/lib/format';
import { useHistoryT } from '@/lib/history-catalogue';

/** Verified by whom and when, with the note; or withdrawn, with the reason; or not verified. */
export function VerificationText({
  verification,
  locale,
}: {
  verification: VerificationRecord | null;
  locale: Locale;
}) {
  const t = useHistoryT();
  if (verification === null) return <>{t('history.notVerified')}</>;
  const values = {
    name: verification.by.displayName,
    organisation: verification.by.organisation,
    date: formatPeriod(verification.at.slice(0, 10), locale),
  };
  const verified = verification.state === 'verified';
  return (
    <>
      <span className={verified ? 'verified' : undefined}>
        {t(verified ? 'history.verified' : 'history.withdrawn', values)}
      </span>
      <br />
      {t(verified ? 'history.verifierNote' : 'history.withdrawReason')}: {verification.note}
      {verification.evidence.length > 0 ? <EvidenceList evidence={verification.evidence} /> : null}
    </>
  );
}
