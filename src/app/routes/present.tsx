import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from '@/lib/i18n-react';
import { useSearchParams } from 'react-router';
import { LangLink } from '@/components/ui/lang-link';
import { LanguageSwitcher } from '@/components/ui/language-switcher';
import { PanelBoundary } from '@/components/ui/panel-boundary';
import { Skeleton } from '@/components/ui/skeleton';
import { presentationDeck, slideIndex } from '@/features/slides/lib/deck';
import { useLocale } from '@/lib/use-locale';
import { useLanguageSync } from '@/lib/use-language-sync';
import { SlideView } from '../widgets/slide-view';
import { useDeckData } from '../widgets/use-deck-data';
import type { Locale } from '@/contract/common';

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Spacebar']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

function toggleFullScreen() {
  if (document.fullscreenElement) void document.exitFullscreen();
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

function Deck({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const data = useDeckData(locale);
  const slides = presentationDeck(data.initiatives, data.metrics, data.charts);
  const { index, invalid } = slideIndex(params.get('slide'), slides.length);
  const last = slides.length - 1;

  // The slide last asked for, ahead of the URL: a clicker pressed twice before the page has
  // re-rendered must move two slides, not one twice.
  const positionRef = useRef(index);
  useLayoutEffect(() => {
    positionRef.current = index;
  }, [index]);
  const go = (target: (from: number) => number) => {
    const next = Math.min(Math.max(target(positionRef.current), 0), last);
    positionRef.current = next;
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        updated.set('slide', String(next + 1));
        return updated;
      },
      { replace: true },
    );
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      // Keys on a focused control do what the control does (a button's Space, a link's Enter).
      const onControl =
        event.target instanceof HTMLElement && event.target.closest('button, a, input, select');
      if (NEXT.has(event.key) && !(onControl && event.key === ' ')) go((from) => from + 1);
      else if (PREVIOUS.has(event.key)) go((from) => from - 1);
      else if (event.key === 'Home') go(() => 0);
      else if (event.key === 'End') go(() => last);
      else if (event.key === 'f' || event.key === 'F') toggleFullScreen();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const slide = slides[index];
  const counter = t('present.counter', { current: index + 1, total: slides.length });
  return (
    <>
      {invalid ? (
        <p className="notice" role="status">
          {t('present.invalidSlide', { value: params.get('slide'), total: slides.length })}
        </p>
      ) : null}
      <section
        className="deck__stage"
        aria-roledescription={t('present.slide')}
        aria-label={counter}
        aria-live="polite"
      >
        {slide ? <SlideView slide={slide} data={data} locale={locale} /> : null}
      </section>
      <nav className="deck__bar" aria-label={t('present.controls')}>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => go((from) => from - 1)}
          disabled={index === 0}
        >
          ← {t('present.previous')}
        </button>
        <span className="deck__counter">{counter}</span>
        <button
          type="button"
          className="button"
          onClick={() => go((from) => from + 1)}
          disabled={index === last}
        >
          {t('present.next')} →
        </button>
        <button type="button" className="button button--quiet" onClick={toggleFullScreen}>
          {t('present.fullScreen')}
        </button>
        <LangLink to="/present/print" className="button button--quiet">
          {t('present.handout')}
        </LangLink>
        <LangLink to="/" className="deck__exit">
          {t('present.exit')}
        </LangLink>
      </nav>
    </>
  );
}

export default function PresentRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  useLanguageSync(locale, 'present.documentTitle');
  return (
    <div className="deck">
      <header className="deck__header">
        <h1 className="deck__title">{t('present.title')}</h1>
        <LanguageSwitcher current={locale} />
      </header>
      <main id="main" className="deck__main">
        <PanelBoundary placeholder={<Skeleton height="70vh" />}>
          <Deck locale={locale} />
        </PanelBoundary>
      </main>
      <p className="deck__hint">{t('present.keys')}</p>
    </div>
  );
}
