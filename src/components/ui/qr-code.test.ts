import jsQR from 'jsqr';
import { expect, test } from 'vitest';
import { qrPath } from './qr-code';

/** Paints the path's modules into a bitmap and reads it back with an independent decoder. */
function decode(text: string): string | undefined {
  const { size, path } = qrPath(text);
  const scale = 4;
  const quiet = 4;
  const width = (size + quiet * 2) * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const match of path.matchAll(/M(\d+) (\d+)/g)) {
    const col = Number(match[1]) + quiet;
    const row = Number(match[2]) + quiet;
    for (let y = row * scale; y < (row + 1) * scale; y += 1) {
      for (let x = col * scale; x < (col + 1) * scale; x += 1) {
        const at = (y * width + x) * 4;
        pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
      }
    }
  }
  return jsQR(pixels, width, width)?.data;
}

test('the QR code encodes exactly the address it is given', () => {
  const url =
    'https://ashyq.example.kz/initiatives/public-services-automation?lang=kk#services-automated';
  expect(decode(url)).toBe(url);
});

test('a longer address still fits and reads back', () => {
  const url = `https://ashyq.example.kz/initiatives/open-space?lang=ru&tab=charts&x=${'a'.repeat(120)}`;
  expect(decode(url)).toBe(url);
});
