import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from '@/lib/i18n-react';
import { useSearchParams } from 'react-router';
import type { Locale } from '@/contract/common';
import { initiativeListSchema } from '@/contract/initiatives';
import { metricListSchema } from '@/contract/metrics';
import { regionSchema } from '@/contract/region';
import { sourceListSchema } from '@/contract/sources';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PanelBoundary } from '@/components/ui/panel-boundary';
import { QrCode } from '@/components/ui/qr-code';
import { Skeleton } from '@/components/ui/skeleton';
import { initiativesQueryOptions } from '@/features/initiatives/api/get-initiatives';
import { useIdleCursor } from '@/features/kiosk/hooks/use-idle-cursor';
import { useRotation } from '@/features/kiosk/hooks/use-rotation';
import { useTakeUpNewVersions } from '@/features/kiosk/hooks/use-take-up-new-versions';
import { useWakeLock } from '@/features/kiosk/hooks/use-wake-lock';
import { parseKioskConfig, type KioskConfig } from '@/features/kiosk/lib/kiosk-config';
import { publicUrlFor } from '@/features/kiosk/lib/public-url';
import { metricsQueryOptions } from '@/features/kpis/api/get-metrics';
import { regionQueryOptions } from '@/features/region/api/get-region';
import { kioskDeck, pickSlides, type Slide } from '@/features/slides/lib/deck';
import { sourcesQueryOptions } from '@/features/sources/api/get-sources';
import { formatTime } from '@/lib/format';
import { persistQueries, restoreQueries } from '@/lib/persist-queries';
import { useDataHealth } from '@/lib/use-data-health';
import { useLanguageSync } from '@/lib/use-language-sync';
import { SlideView } from '../widgets/slide-view';
import { useDeckData, type DeckData } from '../widgets/use-deck-data';

const STORAGE_KEY = 'ashyq:kiosk:last-good-data';
const persisted = [
  { queryKey: metricsQueryOptions().queryKey, schema: metricListSchema },
  { queryKey: initiativesQueryOptions().queryKey, schema: initiativeListSchema },
  { queryKey: sourcesQueryOptions().queryKey, schema: sourceListSchema },
  { queryKey: regionQueryOptions().queryKey, schema: regionSchema },
];
const SWIPE_PX = 50;

function targetOf(slide: Slide, data: DeckData) {
  if (slide.kind === 'figure') {
    const metric = data.metrics.find((m) => m.id === slide.metricId);
    return metric ? { initiativeId: metric.initiativeId, metricId: metric.id } : null;
  }
  if (slide.kind === 'chart') {
    const chart = data.charts.find((c) => c.id === slide.chartId);
    return chart ? { initiativeId: chart.initiativeId, chartId: chart.id } : null;
  }
  return null;
}

function Show({ config, problems }: { config: KioskConfig; problems: string[] }) {
  const { t } = useTranslation();
  const { state, dispatch, sizesRef } = useRotation({
    interval: config.interval,
    idle: config.idle,
  });
  const locale: Locale = config.langs[state.langIndex % config.langs.length] ?? 'kk';
  const data = useDeckData(locale);
  const picked = pickSlides(kioskDeck(data.metrics, data.charts), config.slides);
  useLayoutEffect(() => {
    sizesRef.current = { slides: picked.slides.length, langs: config.langs.length };
  });
  useLanguageSync(locale, 'kiosk.documentTitle');
  const health = useDataHealth();
  const pointer = useRef<number | null>(null);

  const slide = picked.slides[state.index % Math.max(picked.slides.length, 1)];
  const target = slide ? targetOf(slide, data) : null;
  const base = config.base ?? window.location.origin;
  const onPointerDown = (event: PointerEvent) => {
    pointer.current = event.clientX;
  };
  const onPointerUp = (event: PointerEvent) => {
    const start = pointer.current;
    pointer.current = null;
    if (start === null) return;
    const dx = event.clientX - start;
    if (dx <= -SWIPE_PX) dispatch({ type: 'next' });
    else if (dx >= SWIPE_PX) dispatch({ type: 'previous' });
    else dispatch({ type: 'touch' });
  };

  return (
    <div
      className="kiosk__screen"
      data-transitions={state.transitions}
      data-mode={state.mode}
      data-index={state.index}
      data-lang-index={state.langIndex}
      data-slide-count={picked.slides.length}
    >
      <header className="kiosk__bar">
        <p className="kiosk__brand">
          <span>{t('app.name')}</span> · {data.region.name[locale]}
        </p>
        <p className="kiosk__status" role="status">
          {health.lastUpdated !== null
            ? t('kiosk.lastUpdated', { time: formatTime(health.lastUpdated, locale) })
            : null}
        </p>
      </header>
      {health.offlineSince !== null ? (
        <p className="kiosk__offline" role="alert">
          {t('kiosk.offline', { time: formatTime(health.offlineSince, locale) })}
        </p>
      ) : null}
      {problems.length > 0 ? (
        <p className="kiosk__problems">{t('kiosk.badParams', { names: problems.join(', ') })}</p>
      ) : null}
      {picked.unknown.length > 0 ? (
        <p className="kiosk__problems">
          {t('kiosk.unknownSlides', { ids: picked.unknown.join(', ') })}
        </p>
      ) : null}
      <main
        id="main"
        className="kiosk__stage"
        onPointerDown={onPointerDown}
        onPointerUp={onPointerUp}
        aria-roledescription={t('present.slide')}
        aria-label={t('present.counter', { current: state.index + 1, total: picked.slides.length })}
      >
        {slide ? (
          <SlideView key={`${slide.id}-${locale}`} slide={slide} data={data} locale={locale} />
        ) : null}
      </main>
      <footer className="kiosk__controls">
        <button
          type="button"
          className="kiosk__nav"
          onClick={() => dispatch({ type: 'previous' })}
          aria-label={t('present.previous')}
        >
          ‹
        </button>
        <div className="kiosk__middle">
          <p className="kiosk__counter">
            {t('present.counter', { current: state.index + 1, total: picked.slides.length })}
          </p>
          <p className="kiosk__hint">
            {state.mode === 'rotate' ? t('kiosk.touchHint') : t('kiosk.exploring')}
          </p>
        </div>
        {target ? (
          <figure className="kiosk__qr">
            <QrCode value={publicUrlFor(base, locale, target)} label={t('kiosk.qrLabel')} />
            <figcaption>{t('kiosk.qrCaption')}</figcaption>
          </figure>
        ) : null}
        <button
          type="button"
          className="kiosk__nav"
          onClick={() => dispatch({ type: 'next' })}
          aria-label={t('present.next')}
        >
          ›
        </button>
      </footer>
    </div>
  );
}

/** With no data at all (first start, API down), keep trying by itself: nobody is there to press retry. */
function KioskError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    const timer = window.setInterval(retry, 30_000);
    return () => window.clearInterval(timer);
  }, [retry]);
  return (
    <div className="kiosk__waiting">
      <ErrorPanel error={error} onRetry={retry} />
    </div>
  );
}

export default function KioskRoute() {
  const [params] = useSearchParams();
  const { config, problems } = parseKioskConfig(params);
  const client = useQueryClient();
  // Before the first render: the last good data is on screen at once, even with no network.
  useState(() => restoreQueries(client, STORAGE_KEY, persisted));
  useEffect(() => persistQueries(client, STORAGE_KEY, persisted), [client]);
  useEffect(() => {
    const timer = window.setInterval(() => void client.invalidateQueries(), config.refresh * 1000);
    return () => window.clearInterval(timer);
  }, [client, config.refresh]);
  useWakeLock();
  useTakeUpNewVersions();
  const cursorIdle = useIdleCursor();
  useEffect(() => {
    document.documentElement.classList.add('kiosk-mode');
    return () => document.documentElement.classList.remove('kiosk-mode');
  }, []);

  return (
    <div
      className={`kiosk${cursorIdle ? ' kiosk--cursor-hidden' : ''}`}
      onContextMenu={(event) => event.preventDefault()}
    >
      <PanelBoundary
        placeholder={<Skeleton height="80vh" />}
        renderError={(error, retry) => <KioskError error={error} retry={retry} />}
      >
        <Show config={config} problems={problems} />
      </PanelBoundary>
    </div>
  );
}
