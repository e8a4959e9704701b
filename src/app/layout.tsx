import { useTranslation } from '@/lib/i18n-react';
import { Outlet, useSearchParams } from 'react-router';
import { LangLink, LangNavLink } from '@/components/ui/lang-link';
import { LanguageSwitcher } from '@/components/ui/language-switcher';
import { parseLocale } from '@/lib/i18n';
import { useLanguageSync } from '@/lib/use-language-sync';
import { useScrollToHash } from '@/lib/use-scroll-to-hash';

/** The frame every page shares. It needs no data, so it works when the API is down. */
export function AppLayout() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { locale, invalid } = parseLocale(params.get('lang'));
  useLanguageSync(locale);
  useScrollToHash();

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <LangNavLink to="/" className="brand" end>
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </LangNavLink>
          <LanguageSwitcher current={locale} />
        </div>
        <nav className="site-nav" aria-label={t('nav.label')}>
          <LangNavLink to="/" end>
            {t('nav.overview')}
          </LangNavLink>
          <LangNavLink to="/initiatives">{t('nav.initiatives')}</LangNavLink>
          <LangNavLink to="/sources">{t('nav.sources')}</LangNavLink>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        {invalid !== null ? (
          <p className="notice" role="status">
            {t('language.unknown', { value: invalid })}
          </p>
        ) : null}
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('footer.honesty')}</p>
        <p>{t('footer.sample')}</p>
        <p>
          <LangLink to="/changes">{t('nav.changes')}</LangLink> ·{' '}
          <LangLink to="/data">{t('nav.data')}</LangLink> ·{' '}
          <LangLink to="/transparency">{t('nav.transparency')}</LangLink> ·{' '}
          <a href="/api/docs">API</a>
        </p>
      </footer>
    </div>
  );
}
