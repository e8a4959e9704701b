import type { ReactNode } from 'react';
import { LangLink, LangNavLink } from '@/components/ui/lang-link';
import { LanguageSwitcher } from '@/components/ui/language-switcher';
import type { Account } from '@/contract/accounts';
import type { Locale } from '@/contract/common';
import { useSignOut } from '../api/sign-out';
import { useManageT } from '../hooks/use-manage-catalogue';
import { navFor } from '../lib/manage-nav';

function SignOutButton({ onSignOut }: { onSignOut: () => void }) {
  const { t } = useManageT();
  const signOut = useSignOut();
  return (
    <button
      type="button"
      className="button button--on-brand"
      onClick={() => {
        onSignOut();
        signOut.mutate();
      }}
      disabled={signOut.isPending}
    >
      {t('frame.signOut')}
    </button>
  );
}

/**
 * The management pages' own frame: the site's colours, but a nav of the pages this person's roles
 * open, who is signed in, and sign-out on every page.
 */
export function ManageFrame({
  locale,
  account,
  active,
  onSignOut,
  children,
}: {
  locale: Locale;
  /** Null while nobody is signed in. */
  account: Account | null;
  /** Whether the session has passed every sign-in step (only then is there a nav). */
  active: boolean;
  /** Called as sign-out starts: whatever the screens hold of this session goes with it. */
  onSignOut: () => void;
  children: ReactNode;
}) {
  const { t } = useManageT();
  return (
    <div className="app manage">
      <a className="skip-link" href="#main">
        {t('frame.skipLink')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <LangLink to="/" className="brand">
            <span className="brand__name">{t('frame.brand')}</span>
            <span className="brand__tagline">{t('frame.tagline')}</span>
          </LangLink>
          <LanguageSwitcher current={locale} />
        </div>
        {account ? (
          <div className="site-nav manage-bar">
            {active ? (
              <nav aria-label={t('nav.label')}>
                <ul className="manage-nav">
                  {navFor(account).map((item) => (
                    <li key={item.path}>
                      <LangNavLink to={item.path} end>
                        {t(item.label)}
                      </LangNavLink>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            <p className="manage-user">
              <span className="visually-hidden">{t('frame.signedInAs')} </span>
              <span className="manage-user__name">{account.displayName || account.username}</span>
              <SignOutButton onSignOut={onSignOut} />
            </p>
          </div>
        ) : null}
      </header>
      <main id="main" tabIndex={-1} className="site-main manage-main">
        {children}
      </main>
      <footer className="site-footer">
        <p>
          {t('frame.footer')} <LangLink to="/">{t('frame.publicSite')}</LangLink>
        </p>
      </footer>
    </div>
  );
}
