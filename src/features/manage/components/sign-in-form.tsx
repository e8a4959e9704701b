import type { FormEvent } from 'react';
import { LangLink } from '@/components/ui/lang-link';
import { env } from '@/config/env';
import { useSignIn } from '../api/sign-in';
import { useManageT } from '../hooks/use-manage-catalogue';
import { FormError } from './form-error';
import { Field } from './field';
import { StepHeading } from './step-heading';

/** Step one: username and password. The answer's stage decides what comes next. */
export function SignInForm() {
  const { t } = useManageT();
  const signIn = useSignIn();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    signIn.mutate({
      username: String(form.get('username') ?? '').trim(),
      // Checked exactly as typed: never trimmed.
      password: String(form.get('password') ?? ''),
    });
  };
  return (
    <section className="manage-step card" aria-labelledby="sign-in-title">
      <StepHeading id="sign-in-title" focus={false}>
        {t('signIn.title')}
      </StepHeading>
      <p className="muted">{t('signIn.lead')}</p>
      <form className="manage-form" onSubmit={submit} noValidate>
        <Field
          label={t('signIn.username')}
          name="username"
          autoComplete="username"
          required
          autoCapitalize="none"
          spellCheck={false}
        />
        <Field
          label={t('signIn.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <FormError error={signIn.error} />
        <button type="submit" className="button" disabled={signIn.isPending}>
          {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
      {/* Only the mock API has this account; a build for a real server never shows the hint. */}
      {env.VITE_API_URL === undefined ? (
        <p className="note manage-dev-hint">{t('signIn.devHint')}</p>
      ) : null}
      <p className="note">
        {t('signIn.publicNote')} <LangLink to="/">{t('signIn.publicLink')}</LangLink>
      </p>
    </section>
  );
}
