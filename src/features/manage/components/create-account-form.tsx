import { useState, type FormEvent } from 'react';
import type { CreateAccountBody, OneTimePassword } from '@/contract/accounts';
import { useCreateAccount } from '../api/create-account';
import { useManageT } from '../hooks/use-manage-catalogue';
import { Field } from './field';
import { FormError } from './form-error';
import { RoleCheckboxes, rolesFrom } from './role-checkboxes';

/** Optional text: an empty field is left out, so the server's default (the username) applies. */
const optional = (value: FormDataEntryValue | null) => {
  const text = String(value ?? '').trim();
  return text === '' ? undefined : text;
};

/** A new account: the answer is its one-time password, handed to the caller to show once. */
export function CreateAccountForm({ onCreated }: { onCreated: (answer: OneTimePassword) => void }) {
  const { t } = useManageT();
  const create = useCreateAccount();
  const [noRole, setNoRole] = useState(false);
  // A new form after each account: nothing of the last one is left to send twice.
  const [generation, setGeneration] = useState(0);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body: CreateAccountBody = {
      username: String(form.get('username') ?? '')
        .trim()
        .toLowerCase(),
      displayName: optional(form.get('displayName')),
      organisation: optional(form.get('organisation')),
      roles: rolesFrom(form, 'roles'),
    };
    setNoRole(body.roles.length === 0);
    if (body.roles.length === 0) return;
    create.mutate(body, {
      onSuccess: (answer) => {
        setGeneration((count) => count + 1);
        onCreated(answer);
      },
    });
  };
  return (
    <form
      key={generation}
      className="manage-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="create-title"
    >
      <h2 id="create-title">{t('accounts.create')}</h2>
      <Field
        label={t('account.username')}
        hint={t('accounts.usernameHint')}
        name="username"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        required
      />
      <Field
        label={t('account.displayName')}
        hint={t('accounts.displayNameHint')}
        name="displayName"
        autoComplete="off"
      />
      <Field label={t('account.organisation')} name="organisation" autoComplete="off" />
      <RoleCheckboxes name="roles" checked={[]} />
      {noRole ? (
        <p className="manage-error" role="alert">
          {t('accounts.noRole')}
        </p>
      ) : null}
      <FormError error={create.error} />
      <button type="submit" className="button" disabled={create.isPending}>
        {t('accounts.createSubmit')}
      </button>
    </form>
  );
}
