import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import kk from '../../src/locales/kk/common.json' with { type: 'json' };
import { chartPanel, expect, fill, metricLabel, openPage, test, ui } from './fixtures';

const title = fill(ui.kk.splitTitle, { label: metricLabel('services-automated', 'kk') });

async function openChart(page: Page) {
  await openPage(page, '/initiatives/public-services-automation?tab=charts', 'kk');
  return chartPanel(page, title);
}

test('the SVG download is a picture with the Kazakh title in the app font, its source and licence', async ({
  page,
}) => {
  const panel = await openChart(page);
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: kk.chart.image.svg }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('ashyq-services-automated-split-kk.svg');
  const svg = await readFile(await download.path(), 'utf8');

  // Parsed on a blank page: the dashboard's CSP would report the picture's own <style>.
  const blank = await page.context().newPage();
  const parsed = await blank.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      title: doc.querySelector('title')?.textContent ?? '',
      text: [...doc.querySelectorAll('text')].map((t) => t.textContent).join(' '),
      font: doc.documentElement.getAttribute('font-family'),
      faces: (doc.querySelector('style')?.textContent ?? '').match(/@font-face/g)?.length ?? 0,
      patterns: doc.querySelectorAll('pattern').length,
    };
  }, svg);
  await blank.close();
  expect(parsed.error).toBeNull();
  expect(parsed.title).toBe(title);
  expect(parsed.text).toContain(title.split(' ')[0]);
  expect(parsed.text).toContain('Дереккөз:');
  expect(parsed.text).toContain('CC BY 4.0');
  expect(parsed.text).toContain(kk.verification.reported);
  expect(parsed.font).toContain('Noto Sans');
  // The app's font files, one a weight with Latin, Cyrillic and every Kazakh letter, as data: URLs.
  expect(parsed.faces).toBe(2);
  expect(svg).toMatch(/url\(data:font\/woff2;base64,/);
  expect(parsed.patterns).toBeGreaterThan(0);
});

test('the PNG download is twice the picture’s size and has text in its footer', async ({
  page,
}) => {
  const panel = await openChart(page);
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: kk.chart.image.png }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('ashyq-services-automated-split-kk.png');
  const png = await readFile(await download.path());
  expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');

  const result = await page.evaluate(async (base64) => {
    const image = new Image();
    // A blob: URL, as the page's CSP allows (img-src 'self' blob:), not a data: one.
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    image.src = URL.createObjectURL(new Blob([bytes], { type: 'image/png' }));
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas');
    context.drawImage(image, 0, 0);
    // The footer: source, verification, licence and link, in the bottom ~90 px of the picture.
    const strip = context.getImageData(0, canvas.height - 180, canvas.width, 180).data;
    let ink = 0;
    for (let i = 0; i < strip.length; i += 4) if ((strip[i] ?? 255) < 140) ink += 1;
    return { width: image.naturalWidth, height: image.naturalHeight, ink };
  }, png.toString('base64'));
  expect(result.width).toBe(1600);
  expect(result.height % 2).toBe(0);
  expect(result.height).toBeGreaterThan(600);
  expect(result.ink).toBeGreaterThan(500);
});

test('the embed code names the chart in the reader’s language and pins its view', async ({
  page,
}) => {
  const panel = await openChart(page);
  await panel.getByRole('button', { name: kk.chart.embed.button }).click();
  const code = await panel.getByLabel(kk.chart.embed.label).inputValue();
  expect(code).toMatch(
    /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/services-automated-split\?lang=kk&amp;theme=auto&amp;view=chart"/,
  );
  expect(code).toContain(`title="${fill(kk.embed.frameTitle, { title })}"`);
});
