import type { Initiative } from '@/contract/initiatives';
import type { Metric } from '@/contract/metrics';
import type { ChartSpec } from '@/components/charts/chart-types';

/** A slide refers to its data by id, so a deck is plain data: easy to test, put in a URL, or filter. */
export type Slide =
  | { kind: 'title'; id: 'title' }
  | {
      kind: 'initiative';
      id: string;
      initiativeId: string;
      metricIds: string[];
      chartId: string | null;
    }
  | { kind: 'figure'; id: string; metricId: string }
  | { kind: 'chart'; id: string; chartId: string }
  | { kind: 'sources'; id: 'sources' };

const headlines = (metrics: Metric[]) => metrics.filter((m) => m.parentId === null);

/**
 * The hearing deck: a title, then per programme a slide with its figures and main chart followed
 * by its other charts, then the sources.
 */
export function presentationDeck(
  initiatives: Initiative[],
  metrics: Metric[],
  charts: ChartSpec[],
): Slide[] {
  const slides: Slide[] = [{ kind: 'title', id: 'title' }];
  for (const initiative of initiatives) {
    const own = charts.filter((c) => c.initiativeId === initiative.id);
    const [main, ...rest] = own;
    slides.push({
      kind: 'initiative',
      id: initiative.id,
      initiativeId: initiative.id,
      metricIds: headlines(metrics.filter((m) => m.initiativeId === initiative.id)).map(
        (m) => m.id,
      ),
      chartId: main?.id ?? null,
    });
    for (const chart of rest) slides.push({ kind: 'chart', id: chart.id, chartId: chart.id });
  }
  slides.push({ kind: 'sources', id: 'sources' });
  return slides;
}

/** The kiosk loop: one figure or one chart per slide, figures first. */
export function kioskDeck(metrics: Metric[], charts: ChartSpec[]): Slide[] {
  return [
    ...headlines(metrics).map((m): Slide => ({ kind: 'figure', id: m.id, metricId: m.id })),
    ...charts.map((c): Slide => ({ kind: 'chart', id: c.id, chartId: c.id })),
  ];
}

/** Keeps the slides a URL asks for (`slides=a,b`), in the URL's order; unknown ids are reported. */
export function pickSlides(deck: Slide[], ids: string[]): { slides: Slide[]; unknown: string[] } {
  if (ids.length === 0) return { slides: deck, unknown: [] };
  const slides = ids.flatMap((id) => deck.filter((slide) => slide.id === id));
  const unknown = ids.filter((id) => !deck.some((slide) => slide.id === id));
  return { slides: slides.length > 0 ? slides : deck, unknown };
}

/** A 1-based slide number from the URL, clamped into the deck; null when it was not a number. */
export function slideIndex(raw: string | null, count: number): { index: number; invalid: boolean } {
  if (raw === null || raw === '') return { index: 0, invalid: false };
  const number = Number(raw);
  if (!Number.isInteger(number)) return { index: 0, invalid: true };
  const clamped = Math.min(Math.max(number, 1), Math.max(count, 1));
  return { index: clamped - 1, invalid: clamped !== number };
}
