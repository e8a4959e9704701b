// @vitest-environment node
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AuthError } from '../auth/errors';
import { contentDisposition, nameProblem } from './name';
import { storeUpload, sweepTemporary } from './store';
import { parseDisposition } from './test-kit';
import { contentMatches, evidenceTypeOf } from './types';

const bytes = (...values: number[]) => new Uint8Array(values);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const PDF = new TextEncoder().encode('%PDF-1.7\n');
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16);

describe('types and magic bytes', () => {
  test('only the three types, parameters and case aside', () => {
    expect(evidenceTypeOf('application/pdf')).toBe('application/pdf');
    expect(evidenceTypeOf('IMAGE/PNG; charset=binary')).toBe('image/png');
    expect(evidenceTypeOf('image/jpeg')).toBe('image/jpeg');
    for (const other of [undefined, '', 'image/jpg', 'image/gif', 'text/plain', 'application/json'])
      expect(evidenceTypeOf(other), String(other)).toBeNull();
    expect(evidenceTypeOf('constructor')).toBeNull();
  });

  test('content must start with its own type’s signature', () => {
    expect(contentMatches('application/pdf', PDF)).toBe(true);
    expect(contentMatches('image/png', PNG)).toBe(true);
    expect(contentMatches('image/jpeg', JPEG)).toBe(true);
    expect(contentMatches('application/pdf', PNG)).toBe(false);
    expect(contentMatches('image/png', JPEG)).toBe(false);
    expect(contentMatches('image/jpeg', PDF)).toBe(false);
    expect(contentMatches('image/png', PNG.subarray(0, 7))).toBe(false);
    expect(contentMatches('application/pdf', new TextEncoder().encode('%PDF'))).toBe(false);
  });
});

describe('names', () => {
  test('a plain name with its type’s extension passes, in any script and case', () => {
    expect(nameProblem('Отчёт 2024.pdf', 'application/pdf')).toBeNull();
    expect(nameProblem('SCAN.PDF', 'application/pdf')).toBeNull();
    expect(nameProblem('photo.jpg', 'image/jpeg')).toBeNull();
    expect(nameProblem('photo.JPEG', 'image/jpeg')).toBeNull();
    expect(nameProblem('хаттама v1.2.png', 'image/png')).toBeNull();
    expect(nameProblem(`${'я'.repeat(196)}.pdf`, 'application/pdf')).toBeNull();
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    [`${'a'.repeat(197)}.pdf`, 'longer than 200'],
    ['a/b.pdf', 'not a path'],
    ['a\\b.pdf', 'not a path'],
    ['../b.pdf', 'not a path'],
    ['a..pdf', 'not a path'],
    ['/etc/passwd.pdf', 'not a path'],
    ['a\u0000.pdf', 'control'],
    ['a\nb.pdf', 'control'],
    ['a\u007f.pdf', 'control'],
    ['a\u0085.pdf', 'control'],
    ['report\u202Efdp.pdf', 'control'],
    ['report.png', 'must end in .pdf'],
    ['report.pdf.exe', 'must end in .pdf'],
    ['report', 'must end in .pdf'],
    ['.pdf', 'must end in .pdf'],
    [' .pdf', 'must end in .pdf'],
  ])('%j is refused (%s)', (name, why) => {
    expect(nameProblem(name, 'application/pdf')).toContain(why);
  });

  test('a JPEG may be .jpg or .jpeg, a PNG only .png', () => {
    expect(nameProblem('a.jpeg', 'image/png')).toContain('.png');
    expect(nameProblem('a.png', 'image/jpeg')).toContain('.jpg or .jpeg');
  });
});

describe('Content-Disposition (RFC 6266 / 8187)', () => {
  test.each([
    'Отчёт 2024.pdf',
    'report.pdf',
    'Ақмола — есеп.png',
    `it's (final) "copy" 100%.jpg`,
    'a;b=c, d.pdf',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀.pdf',
  ])('%j round-trips through filename*, with a printable ASCII fallback', (name) => {
    const header = contentDisposition(name);
    const parsed = parseDisposition(header);
    expect(parsed.type).toBe('attachment');
    expect(parsed.charset).toBe('UTF-8');
    expect(parsed.filenameStar).toBe(name);
    // RFC 8187 attr-char only in the encoded value.
    expect(parsed.encoded).toMatch(/^(?:[A-Za-z0-9!#$&+\-.^_`|~]|%[0-9A-F]{2})+$/);
    expect(parsed.filename).toMatch(/^[\x20-\x7e]+$/);
    expect(parsed.filename).not.toMatch(/["\\%]/);
    expect(header).not.toMatch(/[\r\n]/);
  });

  test('the fallback keeps what ASCII can say', () => {
    expect(parseDisposition(contentDisposition('Отчёт 2024.pdf')).filename).toBe('_____ 2024.pdf');
    expect(parseDisposition(contentDisposition('report.pdf')).filename).toBe('report.pdf');
  });
});

describe('storing a body', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ashyq-evidence-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  /** A body of `chunks` pieces of `size` bytes (the first starts with `head`), counting reads. */
  const body = (head: Uint8Array, chunks: number, size: number) => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled === chunks) return controller.close();
        const chunk = new Uint8Array(size);
        if (pulled === 0) chunk.set(head);
        pulled += 1;
        controller.enqueue(chunk);
      },
    });
    return { stream, pulled: () => pulled };
  };

  const refusal = async (promise: Promise<unknown>) => {
    const error: unknown = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AuthError);
    return error as AuthError;
  };

  test('a body that passes the limit is refused as soon as it does, and nothing is kept', async () => {
    const { stream, pulled } = body(PDF, 1000, 1024);
    const error = await refusal(storeUpload(dir, stream, 'application/pdf', 10 * 1024));
    expect(error.status).toBe(413);
    expect(pulled()).toBeLessThanOrEqual(12);
    expect(await readdir(join(dir))).toEqual([]);
  });

  test('a body of exactly the limit is kept', async () => {
    const { stream } = body(PDF, 10, 1024);
    const stored = await storeUpload(dir, stream, 'application/pdf', 10 * 1024);
    expect(stored.size).toBe(10 * 1024);
    expect(await readdir(dir)).toEqual([stored.storedName]);
  });

  test('wrong first bytes stop the upload at the first chunk; an empty body is refused', async () => {
    const { stream, pulled } = body(PNG, 100, 1024);
    const error = await refusal(storeUpload(dir, stream, 'application/pdf'));
    expect([error.status, error.code]).toEqual([400, 'content_mismatch']);
    expect(pulled()).toBeLessThanOrEqual(2);
    const empty = await refusal(storeUpload(dir, body(PDF, 0, 0).stream, 'application/pdf'));
    expect([empty.status, empty.code]).toEqual([400, 'empty_file']);
    expect(await readdir(dir)).toEqual([]);
  });

  test('a signature split over several chunks is still recognised; a short file is not', async () => {
    const pieces = [PNG.subarray(0, 3), PNG.subarray(3, 5), PNG.subarray(5)];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const piece of pieces) controller.enqueue(piece);
        controller.close();
      },
    });
    expect((await storeUpload(dir, stream, 'image/png')).size).toBe(PNG.length);
    const short = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(PNG.subarray(0, 4));
        controller.close();
      },
    });
    expect((await refusal(storeUpload(dir, short, 'image/png'))).code).toBe('content_mismatch');
    expect(await readdir(dir)).toHaveLength(1);
  });

  test('temporary files left by a crash are swept after an hour; stored files never', async () => {
    const { stream } = body(PDF, 1, 100);
    const kept = await storeUpload(dir, stream, 'application/pdf');
    const old = join(dir, '.upload-0123456789abcdef0123456789abcdef');
    const fresh = join(dir, '.upload-fedcba9876543210fedcba9876543210');
    await writeFile(old, 'x');
    await writeFile(fresh, 'x');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(old, twoHoursAgo, twoHoursAgo);
    await utimes(join(dir, kept.storedName), twoHoursAgo, twoHoursAgo);
    expect(await sweepTemporary(dir, new Date())).toBe(1);
    expect((await readdir(dir)).sort()).toEqual([fresh.split('/').at(-1), kept.storedName].sort());
    expect(await sweepTemporary(join(dir, 'missing'), new Date())).toBe(0);
  });
});
