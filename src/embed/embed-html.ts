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
 * embed.html for one chart: its language, its title and summary (painted before the script
 * runs), and a <noscript> that still gives the source and the link when scripts do not run. Pure, so the server and tests share it.
 */
export function fillEmbedHtml(template: string, text: EmbedPageText): string {
  const e = escapeXml;
  const noscript =
    `<h1>${e(text.title)}</h1><p>${e(text.summary)}</p>` +
    text.footer.map((line) => `<p>${e(line)}</p>`).join('') +
    `<p><a href="${e(text.dashboardLink)}" target="_blank" rel="noopener">${e(text.openDashboard)}</a></p>`;
  // The heading and summary are in the first response, so they paint before any script runs
  // (the script then draws the chart around them).
  const first = `<h1 id="embed-title">${e(text.title)}</h1><p id="embed-summary" class="embed__summary">${e(text.summary)}</p>`;
  return template
    .replace(/<html lang="[^"]*"/, `<html lang="${e(text.lang)}"`)
    .replace(/(<main id="embed"[^>]*>)<\/main>/, `$1${first}</main>`)
    .replace(/<title>[^<]*<\/title>/, `<title>${e(text.title)} · Ashyq</title>`)
    .replace(
      /<noscript><!--ashyq:noscript-->[\s\S]*?<\/noscript>/,
      `<noscript>${noscript}</noscript>`,
    );
}
