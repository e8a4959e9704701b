import { type Bytes, concat } from './bytes';

/*
 * C2SP tlog-tiles: where a log serves its hashes and entries, and the entry bundle format. A tile
 * holds up to 256 hashes of one level of tiles (Merkle level 8·L); full tiles never change.
 */

export const TILE_WIDTH = 256;
export const MAX_ENTRY_BYTES = 65_535;

export type TileLevel = number | 'entries';
export interface Tile {
  level: TileLevel;
  index: number;
  /** 1–256; 256 is a full tile, served without the ".p/<W>" suffix. */
  width: number;
}

/** 1234067 → "x001/x234/067": groups of three digits, all but the last prefixed with "x". */
export function encodeTileIndex(index: number): string {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`bad tile index ${index}`);
  let digits = String(index);
  digits = digits.padStart(Math.ceil(digits.length / 3) * 3, '0');
  const groups = digits.match(/\d{3}/g) ?? [];
  return groups.map((group, i) => (i < groups.length - 1 ? `x${group}` : group)).join('/');
}

export function tilePath({ level, index, width }: Tile): string {
  if (!(Number.isInteger(width) && width >= 1 && width <= TILE_WIDTH))
    throw new RangeError(`bad tile width ${width}`);
  const partial = width < TILE_WIDTH ? `.p/${width}` : '';
  return `tile/${level}/${encodeTileIndex(index)}${partial}`;
}

/** Parses a path below the log's prefix, accepting only its one canonical spelling. */
export function parseTilePath(path: string): Tile | null {
  const match =
    /^tile\/(entries|0|[1-9][0-9]?)\/((?:x\d{3}\/)*\d{3})(?:\.p\/([1-9][0-9]{0,2}))?$/.exec(path);
  if (!match) return null;
  const [, levelText = '', indexText = '', widthText] = match;
  const index = Number(indexText.replaceAll('x', '').replaceAll('/', ''));
  const width = widthText === undefined ? TILE_WIDTH : Number(widthText);
  const tile: Tile = {
    level: levelText === 'entries' ? 'entries' : Number(levelText),
    index,
    width,
  };
  if (!Number.isSafeInteger(index) || width > TILE_WIDTH) return null;
  // "x000/001" or ".p/256" name a real tile but are not how it is written: refuse them.
  return tilePath(tile) === path ? tile : null;
}

/** The width of the last tile of `level` for a tree of `size` (0 when that level has no partial tile). */
export function partialWidth(level: number, size: number): number {
  return Math.floor(size / TILE_WIDTH ** level) % TILE_WIDTH;
}

/** Entries as a bundle: each a big-endian uint16 length, then its bytes. */
export function encodeEntryBundle(entries: Uint8Array[]): Bytes {
  return concat(
    ...entries.flatMap((entry) => {
      if (entry.length > MAX_ENTRY_BYTES)
        throw new RangeError(`an entry is at most ${MAX_ENTRY_BYTES} bytes`);
      return [new Uint8Array([entry.length >> 8, entry.length & 0xff]), entry];
    }),
  );
}

/** Decodes a bundle; null when it is truncated or has trailing bytes. */
export function decodeEntryBundle(bundle: Uint8Array): Bytes[] | null {
  const entries: Bytes[] = [];
  let at = 0;
  while (at < bundle.length) {
    if (at + 2 > bundle.length) return null;
    const length = ((bundle[at] ?? 0) << 8) | (bundle[at + 1] ?? 0);
    if (at + 2 + length > bundle.length) return null;
    entries.push(bundle.slice(at + 2, at + 2 + length));
    at += 2 + length;
  }
  return entries;
}
