import { downloadText } from '@/lib/csv';
import { useManageT } from '../hooks/use-manage-catalogue';
import { recoveryCodesFile } from '../lib/secret-text';
import { CopyButton } from './copy-button';
import { StepHeading } from './step-heading';

/** The ten recovery codes, shown this once: copy them, download them, then go on. */
export function RecoveryCodesStep({
  codes,
  username,
  onDone,
}: {
  codes: string[];
  username: string;
  onDone: () => void;
}) {
  const { t } = useManageT();
  const file = () => recoveryCodesFile(codes, username, new Date());
  return (
    <section className="manage-step card" aria-labelledby="recovery-title">
      <StepHeading id="recovery-title">{t('recovery.title')}</StepHeading>
      <p className="muted">{t('recovery.lead')}</p>
      <ol className="recovery-codes" aria-label={t('recovery.listLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="manage-actions">
        <CopyButton text={codes.join('\n')} label={t('recovery.copy')} />
        <button
          type="button"
          className="button button--quiet"
          onClick={() =>
            downloadText(`ashyq-recovery-codes-${username}.txt`, file(), 'text/plain;charset=utf-8')
          }
        >
          {t('recovery.download')}
        </button>
      </div>
      <button type="button" className="button" onClick={onDone}>
        {t('recovery.done')}
      </button>
    </section>
  );
}
