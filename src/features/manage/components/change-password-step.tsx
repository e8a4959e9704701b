import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN, PASSWORD_SUGGESTED } from '@/contract/accounts';
import { useChangePassword } from '../api/change-password';
import { useManageT } from '../hooks/use-manage-catalogue';
import { passwordAdvice } from '../lib/password-advice';
import { Field } from './field';
import { FormError } from './form-error';
import { StepHeading } from './step-heading';

/**
 * First sign-in: the one-time password is replaced by one of the person's own; later, a signed-in
 * person changes theirs (the current one is asked for, and the other sessions end). Any
 * characters count, spaces too; there are no composition rules. The server refuses common
 * passwords and says so, and that refusal is shown as given.
 */
export function ChangePasswordStep({ firstSignIn = true }: { firstSignIn?: boolean }) {
  const { t } = useManageT();
  const change = useChangePassword();
  const [newPassword, setNewPassword] = useState('');
  const [changed, setChanged] = useState(false);
  const [shown, setShown] = useState(false);
  const [tooShort, setTooShort] = useState(false);
  const advice = passwordAdvice(newPassword, PASSWORD_MIN, PASSWORD_SUGGESTED);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (advice === 'short') {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    setChanged(false);
    const fields = event.currentTarget;
    change.mutate(
      { currentPassword: String(form.get('currentPassword') ?? ''), newPassword },
      {
        onSuccess: () => {
          if (firstSignIn) return;
          fields.reset();
          setNewPassword('');
          setChanged(true);
        },
      },
    );
  };
  return (
    <section
      className={firstSignIn ? 'manage-step card' : 'manage-step manage-step--section card'}
      aria-labelledby="password-title"
    >
      <StepHeading id="password-title" level={firstSignIn ? 1 : 2} focus={firstSignIn}>
        {firstSignIn ? t('password.title') : t('password.changeTitle')}
      </StepHeading>
      {firstSignIn ? <p className="muted">{t('password.lead')}</p> : null}
      <form className="manage-form" onSubmit={submit} noValidate>
        <Field
          label={firstSignIn ? t('password.oneTime') : t('password.current')}
          name="currentPassword"
          type={shown ? 'text' : 'password'}
          autoComplete="current-password"
          required
        />
        <Field
          label={t('password.new')}
          hint={t('password.hint', { min: PASSWORD_MIN, suggested: PASSWORD_SUGGESTED })}
          name="newPassword"
          type={shown ? 'text' : 'password'}
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          value={newPassword}
          onChange={(event) => setNewPassword(event.target.value)}
          aria-invalid={tooShort ? true : undefined}
        />
        <p className="field__hint" aria-live="polite">
          {newPassword === '' ? '' : t(`password.advice.${advice}`)}
        </p>
        <label className="check">
          <input
            type="checkbox"
            checked={shown}
            onChange={(event) => setShown(event.target.checked)}
          />
          {t('password.show')}
        </label>
        {tooShort ? (
          <p className="manage-error" role="alert">
            {t('password.tooShort', { min: PASSWORD_MIN })}
          </p>
        ) : null}
        <FormError error={change.error} />
        <button type="submit" className="button" disabled={change.isPending}>
          {firstSignIn ? t('password.submit') : t('password.change')}
        </button>
        {firstSignIn ? null : (
          <p role="status" className="muted">
            {changed ? t('password.changed') : ''}
          </p>
        )}
      </form>
    </section>
  );
}
