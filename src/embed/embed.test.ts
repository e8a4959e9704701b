import { expect, test } from 'vitest';
import { embedSnippet, embedUrl } from '@/components/charts/embed-code';
import { fillEmbedHtml } from './embed-html';
import { embedOptions } from './embed-options';

test('the embed URL pins language, theme and view', () => {
  expect(embedUrl({ origin: 'https://a.kz', chartId: 'x-split', locale: 'ru' })).toBe(
    'https://a.kz/embed/x-split?lang=ru&theme=auto&view=chart',
  );
  const snippet = embedSnippet({
    origin: 'https://a.kz',
    chartId: 'x',
    locale: 'kk',
    title: 'Графигі "x" <b>',
    view: 'table',
    theme: 'dark',
  });
  expect(snippet).toBe(
    '<iframe src="https://a.kz/embed/x?lang=kk&amp;theme=dark&amp;view=table" title="Графигі &quot;x&quot; &lt;b&gt;" style="width:100%;height:520px;border:0" loading="lazy" data-ashyq-embed></iframe>',
  );
});

test('the embed page reads its options, and bad values fall back to the defaults', () => {
  expect(embedOptions(new URL('https://a.kz/embed/x-split?lang=en&theme=dark&view=table'))).toEqual(
    {
      chartId: 'x-split',
      locale: 'en',
      theme: 'dark',
      view: 'table',
    },
  );
  expect(embedOptions(new URL('https://a.kz/embed/x?lang=fr&theme=pink&view=pie'))).toEqual({
    chartId: 'x',
    locale: 'kk',
    theme: 'auto',
    view: 'chart',
  });
  expect(embedOptions(new URL('https://a.kz/embed/')).chartId).toBe('');
});

test('the server writes language, title and a noscript with the chart into embed.html, escaped', () => {
  const template =
    '<html lang="kk"><head><title>Ashyq</title></head><body><main id="embed" class="embed"></main><noscript><!--ashyq:noscript--><p>x</p></noscript></body></html>';
  const html = fillEmbedHtml(template, {
    lang: 'ru',
    title: 'Ответы <по> годам',
    summary: 'От 38 до 125.',
    footer: ['Источник: газета'],
    dashboardLink: 'https://a.kz/initiatives/x?lang=ru&tab=charts',
    openDashboard: 'Открыть',
  });
  expect(html).toContain('<html lang="ru"');
  expect(html).toContain('<title>Ответы &lt;по&gt; годам · Ashyq</title>');
  expect(html).toContain(
    '<noscript><h1>Ответы &lt;по&gt; годам</h1><p>От 38 до 125.</p><p>Источник: газета</p>',
  );
  expect(html).toContain(
    'href="https://a.kz/initiatives/x?lang=ru&amp;tab=charts" target="_blank" rel="noopener"',
  );
  expect(html).not.toContain('ashyq:noscript');
  expect(html).toContain(
    '<main id="embed" class="embed"><h1 id="embed-title">Ответы &lt;по&gt; годам</h1><p id="embed-summary"',
  );
});
