// First: before any module builds a zod schema (zod's eval probe would break the CSP).
import '@/lib/zod-config';
import { type EmbedSizeMessage } from '@/components/charts/embed-code';
import { darkChartTheme, lightChartTheme } from '@/components/charts/svg/chart-theme';
import { chartLink } from '@/components/charts/svg/picture-texts';
import { setApiReady } from '@/lib/api-client';
import { formatNumber } from '@/lib/format';
import '@/styles/fonts.css';
import { embedOptions } from './embed-options';
import { embedT, loadEmbedChart } from './embed-data';
import { chartSvg, embedMarkup } from './render';
import './embed.css';

// As in main.tsx: folded by Vite, so a real-API build carries no MSW.
if (!import.meta.env.VITE_API_URL) {
  setApiReady(import('../../mocks/browser').then(({ startMockWorker }) => startMockWorker()));
}

const options = embedOptions(new URL(window.location.href));
const root = document.documentElement;
root.lang = options.locale;
root.dataset.theme = options.theme;
const main = document.getElementById('embed');
if (!main) throw new Error('embed.html has no #embed');

/** Tells the host page our height, so its script can size the iframe (no scroll bar inside). */
let lastHeight = -1;
function reportHeight(): void {
  const height = Math.ceil(root.getBoundingClientRect().height);
  if (height === lastHeight || window.parent === window) return;
  lastHeight = height;
  const message: EmbedSizeMessage = { type: 'ashyq:embed-size', id: options.chartId, height };
  window.parent.postMessage(message, '*');
}
new ResizeObserver(reportHeight).observe(document.body);

const dark = window.matchMedia('(prefers-color-scheme: dark)');
const themeNow = () =>
  options.theme === 'dark' || (options.theme === 'auto' && dark.matches)
    ? darkChartTheme
    : lightChartTheme;

async function start(): Promise<void> {
  const t = await embedT(options.locale);
  let chart;
  try {
    chart = await loadEmbedChart(options.chartId, options.locale, t);
  } catch {
    main!.innerHTML = `<p class="embed__message">${t('embed.loadFailed')}</p>`;
    return;
  }
  if (!chart) {
    main!.innerHTML = `<p class="embed__message">${t('embed.notFound')}</p>`;
    return;
  }
  const { spec, sourceLabel } = chart;
  document.title = t('embed.frameTitle', { title: spec.title });
  const formatValue = (v: number) => formatNumber(v, options.locale);
  main!.innerHTML = embedMarkup({
    spec,
    t,
    view: options.view,
    sourceLabel,
    dashboardLink: chartLink(window.location.origin, spec, options.locale),
    formatValue,
  });
  const box = main!.querySelector<HTMLElement>('.embed__chart');
  if (!box) return;
  await document.fonts.load("13px 'Noto Sans'", spec.title).catch(() => undefined);
  const context = document.createElement('canvas').getContext('2d');
  const measure = (text: string, size: number) => {
    if (!context) return text.length * size * 0.56;
    context.font = `${size}px 'Noto Sans', sans-serif`;
    return context.measureText(text).width;
  };
  let drawnWidth = -1;
  const draw = (force = false) => {
    const width = Math.floor(box.clientWidth);
    if (width <= 0 || (width === drawnWidth && !force)) return;
    drawnWidth = width;
    box.innerHTML = chartSvg(spec, width, themeNow(), measure, formatValue);
  };
  new ResizeObserver(() => draw()).observe(box);
  dark.addEventListener('change', () => draw(true));
  draw();
}

void start();
