import { roles, type Role } from '@/contract/accounts';
import { useManageT } from '../hooks/use-manage-catalogue';

/** The four roles as checkboxes in a fieldset; a person may hold several. */
export function RoleCheckboxes({ name, checked }: { name: string; checked: Role[] }) {
  const { t } = useManageT();
  return (
    <fieldset className="field roles-field">
      <legend>{t('account.roles')}</legend>
      {roles.map((role) => (
        <label key={role} className="check">
          <input type="checkbox" name={name} value={role} defaultChecked={checked.includes(role)} />
          {/* One flex item for the words, so they wrap as a sentence beside the box. */}
          <span className="check__text">
            {t(`roles.${role}`)} <span className="muted">— {t(`roles.${role}Lead`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** The roles ticked in a form, in the contract's order, unknown values dropped. */
export function rolesFrom(form: FormData, name: string): Role[] {
  const ticked = form.getAll(name).map(String);
  return roles.filter((role) => ticked.includes(role));
}
