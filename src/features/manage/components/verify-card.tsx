import { useState } from 'react';
import type { Evidence, Revision } from '@/contract/revisions';
import { useLocale } from '@/lib/use-locale';
import { useRevisionAction } from '../api/revision-mutations';
import { RevisionTitle } from './revision-title';
import { useReviewT } from '../hooks/use-manage-catalogue';
import { formatMoment } from '../lib/dates';
import { EvidenceList } from './evidence-list';
import { EvidencePicker } from './evidence-picker';
import { ReasonForm } from './reason-form';
import { RevisionFacts } from './revision-facts';
import type { Outcome } from './review-card';

/** Who verified it (or withdrew that), when, and why. */
function VerificationState({ revision }: { revision: Revision }) {
  const { t } = useReviewT();
  const locale = useLocale();
  const record = revision.verification;
  if (!record) {
    return (
      <p>
        <span className="badge badge--neutral">{t('verify.notVerified')}</span>
      </p>
    );
  }
  const verified = record.state === 'verified';
  return (
    <div className="verification">
      <p>
        <span className={`badge ${verified ? 'badge--good' : 'badge--neutral'}`}>
          {verified ? t('verify.verified') : t('verify.withdrawn')}
        </span>{' '}
        {t('verify.by', {
          name: record.by.displayName,
          organisation: record.by.organisation,
          at: formatMoment(record.at, locale),
        })}
      </p>
      <p>{record.note}</p>
      <EvidenceList files={record.evidence} />
    </div>
  );
}

/** A published revision: mark it independently verified, or withdraw that, as `may` allows. */
export function VerifyCard({
  revision,
  onOutcome,
}: {
  revision: Revision;
  onOutcome: (outcome: Outcome | { kind: 'verified' | 'unverified'; revision: Revision }) => void;
}) {
  const { t } = useReviewT();
  const act = useRevisionAction();
  const [open, setOpen] = useState<'verify' | 'unverify' | null>(null);
  const [files, setFiles] = useState<Evidence[]>([]);
  const titleId = `verify-${revision.id}`;
  const run = (action: 'verify' | 'unverify', text: string) =>
    act.mutate(
      {
        id: revision.id,
        action,
        version: revision.version,
        extras:
          action === 'verify'
            ? { note: text, evidenceIds: files.map((file) => file.id) }
            : { reason: text },
      },
      {
        onSuccess: (answer) => {
          setOpen(null);
          onOutcome({ kind: action === 'verify' ? 'verified' : 'unverified', revision: answer });
        },
        onError: (error) => onOutcome({ kind: 'refused', error }),
      },
    );
  return (
    <article className="card revision-card" aria-labelledby={titleId}>
      <header className="revision-card__header">
        <RevisionTitle revision={revision} id={titleId} />
      </header>
      <VerificationState revision={revision} />
      <RevisionFacts revision={revision} />
      {open === 'verify' ? (
        <ReasonForm
          title={t('verify.verifyTitle')}
          label={t('verify.note')}
          hint={t('verify.noteHint')}
          submitLabel={t('actions.verifyConfirm')}
          pending={act.isPending}
          onSubmit={(note) => run('verify', note)}
          onCancel={() => setOpen(null)}
        >
          <EvidencePicker files={files} onChange={setFiles} label={t('verify.evidence')} />
        </ReasonForm>
      ) : open === 'unverify' ? (
        <ReasonForm
          title={t('verify.unverifyTitle')}
          label={t('verify.reason')}
          submitLabel={t('actions.unverifyConfirm')}
          pending={act.isPending}
          onSubmit={(reason) => run('unverify', reason)}
          onCancel={() => setOpen(null)}
        />
      ) : (
        <div className="manage-actions">
          {revision.may.verify ? (
            <button type="button" className="button" onClick={() => setOpen('verify')}>
              {t('actions.verify')}
            </button>
          ) : null}
          {revision.may.unverify ? (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setOpen('unverify')}
            >
              {t('actions.unverify')}
            </button>
          ) : null}
        </div>
      )}
    </article>
  );
}
