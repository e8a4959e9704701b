import noto400 from '@/styles/fonts/noto-sans-400.woff2?url';
import noto700 from '@/styles/fonts/noto-sans-700.woff2?url';
import { downloadBlob } from '@/lib/csv';
import type { ChartSpec } from './chart-types';
import { chartPicture, type Picture, type PictureTexts } from './svg/chart-picture';
import type { Measure } from './svg/svg-text';

// The page's own two files (src/styles/fonts.css): Latin, Cyrillic and every Kazakh letter.
const RANGE =
  'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD, U+0301, U+0400-045F, U+0490-0491, U+04B0-04B1, U+2116, U+0492-0493, U+049A-049B, U+04A2-04A3, U+04AE-04AF, U+04BA-04BB, U+04D8-04D9, U+04E8-04E9';
const faces = [
  { url: noto400, weight: 400, range: RANGE },
  { url: noto700, weight: 700, range: RANGE },
];

const dataUrl = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the font'));
    reader.readAsDataURL(blob);
  });

let fontCss: Promise<string> | null = null;
/** The app's font as data: URLs: an SVG opened on its own cannot fetch from our origin. */
function embeddedFontCss(): Promise<string> {
  fontCss ??= Promise.all(
    faces.map(async ({ url, weight, range }) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`font ${url}: ${response.status}`);
      const src = await dataUrl(await response.blob());
      return `@font-face{font-family:'Noto Sans';font-weight:${weight};src:url(${src}) format('woff2');unicode-range:${range}}`;
    }),
  ).then((rules) => rules.join(''));
  return fontCss;
}

/** Measures with the app's own font, once it is loaded, so wrapped lines fit the drawing. */
async function canvasMeasure(): Promise<Measure> {
  await Promise.all([
    document.fonts.load("400 16px 'Noto Sans'", 'Әә Ұұ Aa'),
    document.fonts.load("700 16px 'Noto Sans'", 'Әә Ұұ Aa'),
  ]);
  const context = document.createElement('canvas').getContext('2d');
  if (!context) throw new Error('no canvas');
  return (text, size, weight = 400) => {
    context.font = `${weight} ${size}px 'Noto Sans', sans-serif`;
    return context.measureText(text).width;
  };
}

export async function buildPicture(
  spec: ChartSpec,
  texts: PictureTexts,
  formatValue: (value: number) => string,
): Promise<Picture> {
  const [css, measure] = await Promise.all([embeddedFontCss(), canvasMeasure()]);
  return chartPicture(spec, { texts, measure, formatValue, fontCss: css });
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether the title's strip holds anything darker than the white background. */
function titleInked(context: CanvasRenderingContext2D, scale: number): boolean {
  const { data } = context.getImageData(24 * scale, 24 * scale, 300 * scale, 24 * scale);
  for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 160) return true;
  return false;
}

/**
 * Rasterises at `scale`× (2 for sharp slides). The image's embedded font loads after its first
 * decode, and a draw before that shows no text: draw until the title has ink (OWID does the same).
 */
export async function pictureToPng(picture: Picture, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([picture.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = picture.width * scale;
    canvas.height = picture.height * scale;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no canvas');
    for (let attempt = 0; attempt < 60; attempt += 1) {
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      if (titleInked(context, scale)) break;
      await wait(50);
    }
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Builds the picture and hands it to the browser as `ashyq-<chart>-<lang>.svg|png`. */
export async function downloadChartImage(
  format: 'svg' | 'png',
  spec: ChartSpec,
  locale: string,
  texts: PictureTexts,
  formatValue: (value: number) => string,
): Promise<void> {
  const picture = await buildPicture(spec, texts, formatValue);
  const blob =
    format === 'svg'
      ? new Blob([picture.svg], { type: 'image/svg+xml;charset=utf-8' })
      : await pictureToPng(picture);
  downloadBlob(`ashyq-${spec.id}-${locale}.${format}`, blob);
}
