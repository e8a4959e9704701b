import type { Role } from '@/contract/accounts';
import { useManageT } from '../hooks/use-manage-catalogue';

/** The roles as badges, in the person's language. */
export function RoleBadges({ roles }: { roles: Role[] }) {
  const { t } = useManageT();
  if (roles.length === 0) return <span className="muted">{t('roles.none')}</span>;
  return (
    <span className="badges">
      {roles.map((role) => (
        <span key={role} className="badge badge--neutral">
          {t(`roles.${role}`)}
        </span>
      ))}
    </span>
  );
}
