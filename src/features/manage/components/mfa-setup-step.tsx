import { useEffect, useRef, type FormEvent } from 'react';
import type { Me } from '@/contract/accounts';
import { QrCode } from '@/components/ui/qr-code';
import { Skeleton } from '@/components/ui/skeleton';
import { useConfirmMfa } from '../api/confirm-mfa';
import { useSetupMfa } from '../api/setup-mfa';
import { useManageT } from '../hooks/use-manage-catalogue';
import { groupSecret } from '../lib/secret-text';
import { CopyButton } from './copy-button';
import { TotpCodeField } from './field';
import { FormError } from './form-error';
import { StepHeading } from './step-heading';

/**
 * First sign-in: an authenticator app is set up (two factors are required of everyone). The key
 * is shown as a QR code and as text for typing by hand; a code from the app confirms it.
 */
export function MfaSetupStep({ onConfirmed }: { onConfirmed: (me: Me, codes: string[]) => void }) {
  const { t } = useManageT();
  const setup = useSetupMfa();
  const confirm = useConfirmMfa();
  const asked = useRef(false);
  const { mutate: askForSecret } = setup;
  useEffect(() => {
    // Once: a second request would replace the key the person is already scanning.
    if (asked.current) return;
    asked.current = true;
    askForSecret();
  }, [askForSecret]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '').replace(/\s+/g, '');
    confirm.mutate(
      { code },
      { onSuccess: (answer) => onConfirmed(answer.me, answer.recoveryCodes) },
    );
  };

  return (
    <section className="manage-step card" aria-labelledby="mfa-title">
      <StepHeading id="mfa-title">{t('mfa.title')}</StepHeading>
      <p className="muted">{t('mfa.lead')}</p>
      {setup.isError ? (
        <>
          <FormError error={setup.error} />
          <button type="button" className="button" onClick={() => askForSecret()}>
            {t('mfa.retry')}
          </button>
        </>
      ) : setup.data === undefined ? (
        <Skeleton height="16rem" />
      ) : (
        <ol className="mfa-steps">
          <li>{t('mfa.stepApp')}</li>
          <li>
            {t('mfa.stepScan')}
            <QrCode className="mfa-qr" value={setup.data.uri} label={t('mfa.qrLabel')} />
          </li>
          <li>
            {t('mfa.stepKey')}
            <p className="mfa-key">
              <code aria-label={t('mfa.keyLabel')}>{groupSecret(setup.data.secret)}</code>
            </p>
            <CopyButton text={setup.data.secret} label={t('mfa.copyKey')} />
          </li>
          <li>
            {t('mfa.stepCode')}
            <form className="manage-form" onSubmit={submit} noValidate>
              <TotpCodeField label={t('totp.code')} hint={t('totp.codeHint')} />
              <FormError error={confirm.error} />
              <button type="submit" className="button" disabled={confirm.isPending}>
                {t('mfa.confirm')}
              </button>
            </form>
          </li>
        </ol>
      )}
    </section>
  );
}
