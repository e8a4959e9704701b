/**
 * Kiosk soak for `npm run bench`: the kiosk left running in headless Chromium at a short interval
 * for thousands of slide transitions. Reads the JS heap (after a forced GC) and the DOM node and
 * listener counts at the start and the end, both taken at the same point of the loop (first slide,
 * first language), so a leak shows as growth rather than as a different slide.
 */
import { chromium } from 'playwright-core';

const TARGET_HEAP_GROWTH_MB = 5;

async function measure(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  return {
    heapMB: heap.usedSize / 1e6,
    elements,
    nodes: dom.nodes,
    listeners: dom.jsEventListeners,
    documents: dom.documents,
  };
}

/** Waits until the loop is back at its first slide in its first language after `after` transitions. */
async function atLoopStart(page, after, deadline) {
  for (;;) {
    const state = await page.evaluate(() => {
      const screen = document.querySelector('.kiosk__screen');
      return screen
        ? {
            transitions: Number(screen.getAttribute('data-transitions')),
            index: Number(screen.getAttribute('data-index')),
            lang: Number(screen.getAttribute('data-lang-index')),
            slides: Number(screen.getAttribute('data-slide-count')),
          }
        : null;
    });
    if (state && state.transitions >= after && state.index === 0 && state.lang === 0) return state;
    if (Date.now() > deadline)
      throw new Error(
        `kiosk did not reach ${after} transitions in time (at ${state?.transitions})`,
      );
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function kioskSoakSection({
  chromePath,
  chromeFlags,
  transitions = 2000,
  intervalSeconds = 0.05,
}) {
  return async function kioskSoak(ctx) {
    const base = await ctx.preview();
    const browser = await chromium.launch({
      executablePath: chromePath,
      args: [
        ...chromeFlags.filter((flag) => !flag.startsWith('--headless')),
        '--js-flags=--expose-gc',
      ],
    });
    ctx.onCleanup(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const cdp = await page.context().newCDPSession(page);
    const url = `${base}/kiosk?interval=${intervalSeconds}&langs=kk,ru,en`;
    ctx.log(`kiosk soak: ${url}, ${transitions} transitions`);
    await page.goto(url);
    const deadline = Date.now() + 15 * 60_000;

    // Warm up two full loops: every chart's code loaded, every language's catalogue in, and
    // Blink's node counter settled (it counts nodes its collector has not yet reclaimed).
    const warm = await atLoopStart(page, 1, deadline);
    const loop = warm.slides * 3;
    const first = await atLoopStart(page, 2 * loop, deadline);
    const start = { ...(await measure(page, cdp)), transitions: first.transitions, at: Date.now() };
    const goal = first.transitions + Math.ceil(transitions / loop) * loop;
    const last = await atLoopStart(page, goal, deadline);
    const end = { ...(await measure(page, cdp)), transitions: last.transitions, at: Date.now() };

    const done = end.transitions - start.transitions;
    const growth = end.heapMB - start.heapMB;
    const seconds = (end.at - start.at) / 1000;
    const row = (label, a, b, digits = 0) => [
      label,
      a.toFixed(digits),
      b.toFixed(digits),
      (b - a).toFixed(digits),
    ];
    return {
      tables: [
        {
          title: `Kiosk soak: ${done} slide transitions at ${intervalSeconds} s (${seconds.toFixed(0)} s, ${warm.slides} slides × 3 languages a loop)`,
          columns: ['measure', 'start', 'end', 'change'],
          align: ['left', 'right', 'right', 'right'],
          rows: [
            row('JS heap after GC (MB)', start.heapMB, end.heapMB, 2),
            row('elements in the document', start.elements, end.elements),
            row('DOM nodes (Blink counter, incl. not yet collected)', start.nodes, end.nodes),
            row('JS event listeners', start.listeners, end.listeners),
            row('documents', start.documents, end.documents),
          ],
          notes: errors.length ? [`page errors: ${errors.slice(0, 3).join(' | ')}`] : [],
        },
      ],
      targets: [
        {
          label: `kiosk heap growth over ${done} transitions < ${TARGET_HEAP_GROWTH_MB} MB`,
          value: `${growth.toFixed(2)} MB`,
          pass: growth < TARGET_HEAP_GROWTH_MB,
        },
        {
          label: 'kiosk DOM stable (same slide and language, start vs end)',
          value: `${start.elements} → ${end.elements} elements, ${start.nodes} → ${end.nodes} nodes`,
          // A few elements come and go between samples (a chart's measuring span, the status
          // line); a leak only grows, by hundreds over a soak.
          pass: end.elements <= start.elements + 2 && end.nodes <= start.nodes * 1.1,
        },
        {
          label: 'no page errors during the soak',
          value: String(errors.length),
          pass: errors.length === 0,
        },
      ],
      data: { start, end, transitions: done, intervalSeconds, errors },
    };
  };
}
