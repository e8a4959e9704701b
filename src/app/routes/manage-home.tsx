import { LangLink } from '@/components/ui/lang-link';
import { useAccount } from '@/features/manage/hooks/use-account';
import { useManageT } from '@/features/manage/hooks/use-manage-catalogue';
import { RoleBadges } from '@/features/manage/components/roles-text';
import { StepHeading } from '@/features/manage/components/step-heading';
import { formatMoment } from '@/features/manage/lib/dates';
import { navFor } from '@/features/manage/lib/manage-nav';
import { useLocale } from '@/lib/use-locale';

/** Who is signed in, with which roles, and the pages those roles open. */
export default function ManageHomeRoute() {
  const { t } = useManageT();
  const locale = useLocale();
  const account = useAccount();
  const links = navFor(account).filter((item) => item.path !== '/manage');
  return (
    <>
      <header className="page-header">
        <StepHeading>
          {t('home.title', { name: account.displayName || account.username })}
        </StepHeading>
        <p className="page-header__lead">{t('home.lead')}</p>
      </header>
      <section className="card manage-section" aria-labelledby="home-who">
        <h2 id="home-who">{t('home.who')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('account.username')}</dt>
            <dd>{account.username}</dd>
          </div>
          <div>
            <dt>{t('account.displayName')}</dt>
            <dd>{account.displayName}</dd>
          </div>
          <div>
            <dt>{t('account.organisation')}</dt>
            <dd>{account.organisation}</dd>
          </div>
          <div>
            <dt>{t('account.roles')}</dt>
            <dd>
              <RoleBadges roles={account.roles} />
            </dd>
          </div>
          <div>
            <dt>{t('account.lastSignIn')}</dt>
            <dd>
              {account.lastSignInAt
                ? formatMoment(account.lastSignInAt, locale)
                : t('account.never')}
            </dd>
          </div>
        </dl>
      </section>
      <section className="manage-section" aria-labelledby="home-links">
        <h2 id="home-links">{t('home.links')}</h2>
        <ul className="manage-links">
          {links.map((item) => (
            <li key={item.path}>
              <LangLink to={item.path}>{t(item.label)}</LangLink>
              <span className="muted"> — {t(`${item.label}Lead`)}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
