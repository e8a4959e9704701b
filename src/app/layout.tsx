import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useSearchParams } from 'react-router';
import { locales, type Locale } from '@/contract/common';
import { LangNavLink } from '@/components/ui/lang-link';
import { parseLocale } from '@/lib/i18n';

/** The frame every page shares. It needs no data, so it works when the API is down. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const { locale, invalid } = parseLocale(params.get('lang'));

  useLayoutEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
    document.documentElement.setAttribute('lang', locale);
  }, [i18n, locale]);

  useLayoutEffect(() => {
    document.title = t('app.documentTitle');
  }, [t]);

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
      </footer>
    </div>
  );
}

/** Each language named in itself, so a reader finds theirs whatever the page is in. */
const endonyms: Record<Locale, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

function LanguageSwitcher({ current }: { current: Locale }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [params] = useSearchParams();
  const hrefFor = (lang: string) => {
    const next = new URLSearchParams(params);
    next.set('lang', lang);
    return `${location.pathname}?${next.toString()}${location.hash}`;
  };
  return (
    <nav className="language-switcher" aria-label={t('language.label')}>
      <ul>
        {locales.map((lang) => (
          <li key={lang}>
            <Link
              to={hrefFor(lang)}
              lang={lang}
              hrefLang={lang}
              aria-current={lang === current ? 'true' : undefined}
            >
              {endonyms[lang]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
