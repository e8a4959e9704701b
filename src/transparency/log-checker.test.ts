import { describe, expect, test } from 'vitest';
import { FAKE_ORIGIN as ORIGIN, type FakeLog, fakeLog as fakeLogOf } from '@tests/fake-log';
import { toBase64, utf8 } from './bytes';
import { formatCheckpoint } from './checkpoint';
import { formatLogEntry, type LogEntry } from './entry';
import type { DisplayedFigure } from './figure-entry';
import { createLogChecker, KEY_STORAGE, STATE_STORAGE } from './log-checker';
import { formatVerifierKey, generateSigner, signNote } from './note';

const figureEntry = (i: number, over: Partial<LogEntry> = {}): LogEntry => ({
  kind: 'hearing',
  region: 'kyzylorda',
  figure: `figure-${i}`,
  revision: `hearing-figure-${i}`,
  value: 10 + i,
  unit: { kk: 'дана', ru: 'шт.', en: 'items' },
  total: null,
  period: null,
  district: null,
  source: 'hearing',
  statedBy: 'someone',
  evidence: [],
  enteredBy: null,
  approvedBy: null,
  verifiedBy: null,
  reason: null,
  corrects: null,
  time: '2026-01-01T00:00:00.000Z',
  previous: null,
  ...over,
});

const shown = (i: number, over: Partial<DisplayedFigure> = {}): DisplayedFigure => ({
  id: `figure-${i}`,
  value: 10 + i,
  total: null,
  unit: { kk: 'дана', ru: 'шт.', en: 'items' },
  period: null,
  district: null,
  source: 'hearing',
  ...over,
});

const fakeLog = (count: number) =>
  fakeLogOf(Array.from({ length: count }, (_, i) => formatLogEntry(figureEntry(i))));

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

const checkerFor = (log: FakeLog, storage = memoryStorage()) =>
  createLogChecker({ base: 'https://site.example', fetch: log.fetch, storage });

describe('the browser check of a figure', () => {
  test('a figure that matches its entry is checked, and the key and tree are remembered', async () => {
    const log = await fakeLog(300);
    const storage = memoryStorage();
    const checker = checkerFor(log, storage);
    expect(await checker.checkFigure(shown(3), 3)).toEqual({
      status: 'checked',
      index: 3,
      size: 300,
    });
    expect(await checker.checkFigure(shown(299), 299)).toEqual({
      status: 'checked',
      index: 299,
      size: 300,
    });
    expect(storage.items.get(KEY_STORAGE)).toMatch(/^test\.example\/log\+[0-9a-f]{8}\+/);
    expect(JSON.parse(storage.items.get(STATE_STORAGE) ?? '{}')).toMatchObject({ size: 300 });
  });

  test('many cards cost one key, one checkpoint and one bundle per tile, plus a proof each', async () => {
    const log = await fakeLog(20);
    const checker = checkerFor(log);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => checker.checkFigure(shown(i), i)),
    );
    expect(results.every((result) => result.status === 'checked')).toBe(true);
    expect(log.requests.filter((path) => !path.startsWith('proof/')).sort()).toEqual([
      'checkpoint',
      'key',
      'tile/entries/000.p/20',
    ]);
    expect(log.requests.filter((path) => path.startsWith('proof/'))).toHaveLength(20);
  });

  test('a value that differs from its entry is a mismatch naming the field', async () => {
    const checker = checkerFor(await fakeLog(5));
    expect(await checker.checkFigure(shown(2, { value: 99 }), 2)).toEqual({
      status: 'warning',
      problem: 'mismatch',
      fields: ['value'],
    });
    expect(await checker.checkFigure(shown(2), 3)).toMatchObject({
      problem: 'mismatch',
      fields: ['figure', 'value'],
    });
  });

  test('an entry altered after it was hashed is not in the signed tree', async () => {
    const log = await fakeLog(5);
    log.entries[1] = utf8(formatLogEntry(figureEntry(1, { value: 1 })));
    expect(await checkerFor(log).checkFigure(shown(1, { value: 1 }), 1)).toMatchObject({
      status: 'warning',
      problem: 'not-included',
    });
  });

  test('a grown log is checked for consistency with the tree seen before', async () => {
    const log = await fakeLog(40);
    const storage = memoryStorage();
    log.size = 17;
    expect((await checkerFor(log, storage).checkFigure(shown(4), 4)).status).toBe('checked');
    log.size = 40;
    expect(await checkerFor(log, storage).checkFigure(shown(30), 30)).toMatchObject({
      status: 'checked',
      size: 40,
    });
    expect(log.requests).toContain('consistency?from=17&to=40');
  });

  test('a forked checkpoint for a size this browser saw is a warning on every figure', async () => {
    const log = await fakeLog(8);
    const storage = memoryStorage();
    expect((await checkerFor(log, storage).checkFigure(shown(0), 0)).status).toBe('checked');
    const forked = await log.checkpointAt(8, new Uint8Array(32).fill(7));
    log.override.set('checkpoint', () => new Response(forked));
    expect(await checkerFor(log, storage).checkFigure(shown(0), 0)).toMatchObject({
      status: 'warning',
      problem: 'forked',
    });
  });

  test('a larger tree that does not extend the one seen is a fork', async () => {
    const log = await fakeLog(12);
    const storage = memoryStorage();
    log.size = 6;
    expect((await checkerFor(log, storage).checkFigure(shown(0), 0)).status).toBe('checked');
    log.size = 12;
    // The consistency proof served is for another tree.
    log.override.set('consistency', () => new Response(`${toBase64(new Uint8Array(32))}\n`));
    expect((await checkerFor(log, storage).checkFigure(shown(0), 0)) as object).toMatchObject({
      problem: 'forked',
    });
  });

  test('a log smaller than the tree this browser saw is rolled back', async () => {
    const log = await fakeLog(12);
    const storage = memoryStorage();
    expect((await checkerFor(log, storage).checkFigure(shown(0), 0)).status).toBe('checked');
    log.size = 6;
    expect(await checkerFor(log, storage).checkFigure(shown(0), 0)).toMatchObject({
      status: 'warning',
      problem: 'rolled-back',
    });
  });

  test('a changed key is a warning, and a checkpoint signed by another key is refused', async () => {
    const log = await fakeLog(3);
    const storage = memoryStorage();
    expect((await checkerFor(log, storage).checkFigure(shown(0), 0)).status).toBe('checked');
    log.signer = (await generateSigner(ORIGIN)).signer;
    expect(await checkerFor(log, storage).checkFigure(shown(0), 0)).toMatchObject({
      problem: 'key-changed',
    });

    const other = await fakeLog(3);
    const stranger = (await generateSigner(ORIGIN)).signer;
    const wrong = await signNote(
      formatCheckpoint({ origin: ORIGIN, size: 3, root: new Uint8Array(32) }),
      [stranger],
    );
    other.override.set('checkpoint', () => new Response(wrong));
    expect(await checkerFor(other).checkFigure(shown(0), 0)).toMatchObject({
      problem: 'bad-signature',
    });
  });

  test('a configured key wins over what the server says', async () => {
    const log = await fakeLog(3);
    const configuredKey = await formatVerifierKey(
      ORIGIN,
      (await generateSigner(ORIGIN)).signer.publicKey,
    );
    const checker = createLogChecker({
      base: '',
      fetch: log.fetch,
      storage: memoryStorage(),
      configuredKey,
    });
    expect(await checker.checkFigure(shown(0), 0)).toMatchObject({ problem: 'key-changed' });
  });

  test('no log (404, or a page in place of a key) and no index claim nothing', async () => {
    const none = async () => new Response('<!doctype html>', { status: 200 });
    const page = createLogChecker({ base: '', fetch: none, storage: memoryStorage() });
    expect(await page.checkFigure(shown(0), 0)).toEqual({ status: 'no-log' });
    const log = await fakeLog(2);
    log.override.set('key', () => new Response('', { status: 404 }));
    expect(await checkerFor(log).checkFigure(shown(0), 0)).toEqual({ status: 'no-log' });
    expect(await checkerFor(log).checkFigure(shown(0), null)).toEqual({ status: 'no-log' });
  });

  test('an unreachable log is unavailable, and is asked again next time', async () => {
    const log = await fakeLog(2);
    let down = true;
    const checker = createLogChecker({
      base: '',
      storage: memoryStorage(),
      fetch: (url) => (down ? Promise.reject(new TypeError('offline')) : log.fetch(url)),
    });
    expect(await checker.checkFigure(shown(1), 1)).toEqual({ status: 'unavailable' });
    down = false;
    expect((await checker.checkFigure(shown(1), 1)).status).toBe('checked');
  });
});
