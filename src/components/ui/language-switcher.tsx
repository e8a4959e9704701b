import { useTranslation } from '@/lib/i18n-react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { locales, type Locale } from '@/contract/common';

/** Each language named in itself, so a reader finds theirs whatever the page is in. */
const endonyms: Record<Locale, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

export function LanguageSwitcher({ current }: { current: Locale }) {
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
