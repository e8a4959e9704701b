import { expect, test } from 'vitest';
import { initiatives } from '@mocks/fixtures/initiatives';
import { metrics } from '@mocks/fixtures/metrics';
import { region } from '@mocks/fixtures/region';
import { chartsForAll } from '@/features/kpis/lib/chart-specs';
import { createI18n } from '@/lib/i18n';
import { allCatalogues } from '@tests/catalogues';
import { kioskDeck, pickSlides, presentationDeck, slideIndex } from './deck';

const charts = chartsForAll(initiatives, metrics, { t: createI18n('en', allCatalogues).t, locale: 'en', region });

test('the hearing deck opens with a title, has a slide per programme and ends with the sources', () => {
  const deck = presentationDeck(initiatives, metrics, charts);
  expect(deck[0]?.kind).toBe('title');
  expect(deck.at(-1)?.kind).toBe('sources');
  expect(deck.filter((s) => s.kind === 'initiative')).toHaveLength(7);
  // Every chart appears once: as a programme's main chart or on a slide of its own.
  const shown = deck.flatMap((s) =>
    s.kind === 'initiative' ? [s.chartId] : s.kind === 'chart' ? [s.chartId] : [],
  );
  expect(shown.filter(Boolean).sort()).toEqual(charts.map((c) => c.id).sort());
});

test('the kiosk shows one figure or chart per slide', () => {
  const deck = kioskDeck(metrics, charts);
  expect(deck.filter((s) => s.kind === 'figure')).toHaveLength(8);
  expect(deck.filter((s) => s.kind === 'chart')).toHaveLength(charts.length);
});

test('a URL can pick slides; unknown ids are reported, not fatal', () => {
  const deck = kioskDeck(metrics, charts);
  const picked = pickSlides(deck, ['services-automated', 'nope', 'public-receptions']);
  expect(picked.slides.map((s) => s.id)).toEqual(['services-automated', 'public-receptions']);
  expect(picked.unknown).toEqual(['nope']);
  expect(pickSlides(deck, ['nope']).slides).toHaveLength(deck.length);
});

test('slide numbers are 1-based, clamped, and bad ones flagged', () => {
  expect(slideIndex(null, 10)).toEqual({ index: 0, invalid: false });
  expect(slideIndex('3', 10)).toEqual({ index: 2, invalid: false });
  expect(slideIndex('99', 10)).toEqual({ index: 9, invalid: true });
  expect(slideIndex('0', 10)).toEqual({ index: 0, invalid: true });
  expect(slideIndex('abc', 10)).toEqual({ index: 0, invalid: true });
});
