import type { FormEvent } from 'react';
import type { Account } from '@/contract/accounts';
import { useUpdateAccount } from '../api/update-account';
import { useManageT } from '../hooks/use-manage-catalogue';
import { Field } from './field';
import { FormError } from './form-error';
import { RoleCheckboxes, rolesFrom } from './role-checkboxes';

/** Changes an account's public name, body and roles. */
export function EditAccountForm({ account, onDone }: { account: Account; onDone: () => void }) {
  const { t } = useManageT();
  const update = useUpdateAccount();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const displayName = String(form.get('displayName') ?? '').trim();
    const organisation = String(form.get('organisation') ?? '').trim();
    update.mutate(
      {
        id: account.id,
        body: {
          displayName: displayName === '' ? undefined : displayName,
          organisation: organisation === '' ? undefined : organisation,
          roles: rolesFrom(form, 'roles'),
        },
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form
      className="manage-form"
      onSubmit={submit}
      noValidate
      aria-label={t('accounts.editLabel', { username: account.username })}
    >
      <Field
        label={t('account.displayName')}
        name="displayName"
        defaultValue={account.displayName}
        autoComplete="off"
      />
      <Field
        label={t('account.organisation')}
        name="organisation"
        defaultValue={account.organisation}
        autoComplete="off"
      />
      <RoleCheckboxes name="roles" checked={account.roles} />
      <FormError error={update.error} />
      <div className="manage-actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {t('accounts.save')}
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          {t('accounts.cancel')}
        </button>
      </div>
    </form>
  );
}
