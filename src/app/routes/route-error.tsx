import { useTranslation } from 'react-i18next';

/**
 * Last line of defence when a whole route fails (a page's code could not load, say). It keeps
 * to plain words and a way back; details go to the console for developers, not to the page.
 */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <main id="main" className="site-main route-error">
      <h1>{t('routeError.title')}</h1>
      <p>{t('routeError.body')}</p>
      <p>
        <a className="button" href="/">
          {t('notFound.back')}
        </a>
      </p>
    </main>
  );
}
