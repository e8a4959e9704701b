import { useTranslation } from '@/lib/i18n-react';
import { LangLink } from '@/components/ui/lang-link';
import { PanelBoundary } from '@/components/ui/panel-boundary';
import { Skeleton } from '@/components/ui/skeleton';
import { presentationDeck } from '@/features/slides/lib/deck';
import { useLocale } from '@/lib/use-locale';
import { useLanguageSync } from '@/lib/use-language-sync';
import { SlideView } from '../widgets/slide-view';
import { useDeckData } from '../widgets/use-deck-data';
import type { Locale } from '@/contract/common';

function Handout({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
  const data = useDeckData(locale);
  const slides = presentationDeck(data.initiatives, data.metrics, data.charts);
  return (
    <ol className="handout">
      {slides.map((slide, index) => (
        <li
          key={slide.id}
          className="handout__page"
          aria-label={t('present.counter', { current: index + 1, total: slides.length })}
        >
          <SlideView slide={slide} data={data} locale={locale} />
          <p className="handout__number">
            {t('present.counter', { current: index + 1, total: slides.length })}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** The handout: every slide on its own A4 landscape page, sources included (see print.css). */
export default function PresentPrintRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  useLanguageSync(locale, 'present.documentTitle');
  return (
    <main id="main" className="handout-page">
      <div className="handout__toolbar no-print">
        <h1>{t('present.handoutTitle')}</h1>
        <p>{t('present.handoutHint')}</p>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('present.print')}
        </button>{' '}
        <LangLink to="/present">{t('present.backToDeck')}</LangLink>
      </div>
      <PanelBoundary placeholder={<Skeleton height="60vh" />}>
        <Handout locale={locale} />
      </PanelBoundary>
    </main>
  );
}
