import fc from 'fast-check';
import { expect, test } from 'vitest';
import { toHex, utf8 } from './bytes';
import {
  decodeEntryBundle,
  encodeEntryBundle,
  encodeTileIndex,
  parseTilePath,
  partialWidth,
  tilePath,
} from './tiles';

test('tile indices are written in groups of three digits (C2SP tlog-tiles)', () => {
  expect(encodeTileIndex(0)).toBe('000');
  expect(encodeTileIndex(5)).toBe('005');
  expect(encodeTileIndex(1000)).toBe('x001/000');
  expect(encodeTileIndex(1234067)).toBe('x001/x234/067');
  expect(tilePath({ level: 0, index: 1234067, width: 256 })).toBe('tile/0/x001/x234/067');
  expect(tilePath({ level: 'entries', index: 3, width: 17 })).toBe('tile/entries/003.p/17');
});

test('the example of the specification: size 70,000', () => {
  expect(Math.floor(70_000 / 256)).toBe(273);
  expect(partialWidth(0, 70_000)).toBe(112);
  expect(partialWidth(1, 70_000)).toBe(17);
  expect(partialWidth(2, 70_000)).toBe(1);
});

test('paths parse back, and only their one spelling is accepted', () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.constant('entries' as const), fc.integer({ min: 0, max: 5 })),
      fc.integer({ min: 0, max: 2 ** 40 }),
      fc.integer({ min: 1, max: 256 }),
      (level, index, width) => {
        const tile = { level, index, width };
        expect(parseTilePath(tilePath(tile))).toEqual(tile);
      },
    ),
  );
  for (const bad of [
    'tile/0/001.p/256',
    'tile/0/001.p/0',
    'tile/0/001.p/007',
    'tile/0/x000/001',
    'tile/0/1',
    'tile/00/001',
    'tile/-1/001',
    'tile/0/001/',
    'tile/entries/x001',
    '../tile/0/001',
  ]) {
    expect({ bad, tile: parseTilePath(bad) }).toEqual({ bad, tile: null });
  }
});

test('entry bundles round-trip; truncated bundles and oversized entries are refused', () => {
  fc.assert(
    fc.property(fc.array(fc.uint8Array({ maxLength: 600 }), { maxLength: 20 }), (entries) => {
      const bundle = encodeEntryBundle(entries);
      expect(decodeEntryBundle(bundle)?.map(toHex)).toEqual(entries.map(toHex));
      if (bundle.length > 0) expect(decodeEntryBundle(bundle.slice(0, -1))).toBeNull();
    }),
  );
  expect(decodeEntryBundle(new Uint8Array([0x00]))).toBeNull();
  expect(() => encodeEntryBundle([new Uint8Array(65_536)])).toThrow(RangeError);
  expect(decodeEntryBundle(encodeEntryBundle([utf8('a'), utf8('')]))?.map(toHex)).toEqual([
    '61',
    '',
  ]);
});
