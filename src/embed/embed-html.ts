import { escapeXml } from '@/components/charts/svg/svg-text';

export interface EmbedPageText {
  lang: string;
  title: string;
  summary: string;
  /** Source, verification and licence lines. */
  footer: string[];
  dashboardLink: string;
  openDashboard: string;
}

/**
 * embed.html for one chart: its language, its title, and a <noscript> that still gives the
 * title, summary and source when scripts do not run. Pure, so the server and tests share it.
 */
export function fillEmbedHtml(template: string, text: EmbedPageText): string {
  const e = escapeXml;
  const noscript =
    `<h1>${e(text.title)}</h1><p>${e(text.summary)}</p>` +
    text.footer.map((line) => `<p>${e(line)}</p>`).join('') +
    `<p><a href="${e(text.dashboardLink)}" target="_blank" rel="noopener">${e(text.openDashboard)}</a></p>`;
  return template
    .replace(/<html lang="[^"]*"/, `<html lang="${e(text.lang)}"`)
    .replace(/<title>[^<]*<\/title>/, `<title>${e(text.title)} · Ashyq</title>`)
    .replace(
      /<noscript><!--ashyq:noscript-->[\s\S]*?<\/noscript>/,
      `<noscript>${noscript}</noscript>`,
    );
}
