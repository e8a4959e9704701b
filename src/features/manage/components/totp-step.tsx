import { useState, type FormEvent } from 'react';
import { useSubmitTotp } from '../api/submit-totp';
import { useManageT } from '../hooks/use-manage-catalogue';
import { FormError } from './form-error';
import { Field, TotpCodeField } from './field';
import { StepHeading } from './step-heading';

/** Step two: a six-digit code from the authenticator app, or one of the recovery codes. */
export function TotpStep() {
  const { t } = useManageT();
  const submitTotp = useSubmitTotp();
  const [recovery, setRecovery] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('code') ?? '').replace(/\s+/g, '');
    submitTotp.mutate(recovery ? { recoveryCode: value } : { code: value });
  };
  return (
    <section className="manage-step card" aria-labelledby="totp-title">
      <StepHeading id="totp-title">{t('totp.title')}</StepHeading>
      <p className="muted">{recovery ? t('totp.recoveryLead') : t('totp.lead')}</p>
      <form className="manage-form" onSubmit={submit} noValidate key={recovery ? 'r' : 'c'}>
        {recovery ? (
          <Field
            label={t('totp.recoveryCode')}
            name="code"
            autoComplete="off"
            required
            autoCapitalize="none"
            spellCheck={false}
          />
        ) : (
          <TotpCodeField label={t('totp.code')} hint={t('totp.codeHint')} />
        )}
        <FormError error={submitTotp.error} />
        <div className="manage-actions">
          <button type="submit" className="button" disabled={submitTotp.isPending}>
            {t('totp.submit')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              submitTotp.reset();
              setRecovery(!recovery);
            }}
          >
            {recovery ? t('totp.useApp') : t('totp.useRecovery')}
          </button>
        </div>
      </form>
    </section>
  );
}
