import { useEffect, useRef } from 'react';
import type { OneTimePassword } from '@/contract/accounts';
import { useLocale } from '@/lib/use-locale';
import { useManageT } from '../hooks/use-manage-catalogue';
import { formatMoment } from '../lib/dates';
import { CopyButton } from './copy-button';

/** A new one-time password, shown this once: hand it over in person or by a second channel. */
export function OneTimePasswordPanel({
  answer,
  onClose,
}: {
  answer: OneTimePassword;
  onClose: () => void;
}) {
  const { t } = useManageT();
  const locale = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  // Brought into view and focused: on a phone the form that asked for it is far below.
  useEffect(() => heading.current?.focus(), [answer]);
  return (
    <section className="otp-panel" role="status" aria-labelledby="otp-title">
      <h2 id="otp-title" ref={heading} tabIndex={-1}>
        {t('otp.title', { username: answer.account.username })}
      </h2>
      <p className="otp-panel__password">
        <code aria-label={t('otp.label')}>{answer.oneTimePassword}</code>
      </p>
      <p>{t('otp.note', { expires: formatMoment(answer.expiresAt, locale) })}</p>
      <div className="manage-actions">
        <CopyButton text={answer.oneTimePassword} label={t('otp.copy')} />
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('otp.close')}
        </button>
      </div>
    </section>
  );
}
