import { escapeXml } from './svg/svg-text';

export type EmbedTheme = 'light' | 'dark' | 'auto';
export type EmbedView = 'chart' | 'table';

/** The embed page of a chart. Every choice is in the URL, so an embed never changes by itself. */
export function embedUrl(o: {
  origin: string;
  chartId: string;
  locale: string;
  theme?: EmbedTheme;
  view?: EmbedView;
}): string {
  const params = new URLSearchParams({
    lang: o.locale,
    theme: o.theme ?? 'auto',
    view: o.view ?? 'chart',
  });
  return `${o.origin}/embed/${encodeURIComponent(o.chartId)}?${params.toString()}`;
}

/** The code a newsroom pastes: a titled, lazy iframe that the host script may resize. */
export function embedSnippet(o: {
  origin: string;
  chartId: string;
  locale: string;
  title: string;
  theme?: EmbedTheme;
  view?: EmbedView;
}): string {
  return (
    `<iframe src="${escapeXml(embedUrl(o))}" title="${escapeXml(o.title)}" ` +
    `style="width:100%;height:520px;border:0" loading="lazy" data-ashyq-embed></iframe>`
  );
}

/** What the embed page posts to its host, on load and on every change of its height. */
export interface EmbedSizeMessage {
  type: 'ashyq:embed-size';
  id: string;
  height: number;
}
