// @vitest-environment node
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { manageEndpoints as m } from '../src/contract/endpoints';
import { EVIDENCE_MAX_BYTES, evidenceSchema } from '../src/contract/revisions';
import { region } from '../mocks/fixtures/region';
import {
  addRegion,
  type AuthTestServer,
  Browser,
  type SeededAccount,
  startAuthServer,
} from './auth-test-kit';
import { evidenceRecords, foreignEvidenceIds } from './evidence/records';
import { errorCode, evidenceKit, JPEG, PDF, PNG, sha256 } from './evidence/test-kit';
import { rawRequest } from './raw-http';
import { announceSkippedBackends, type Backend, backends, isAvailable } from './test-support';

announceSkippedBackends('server/evidence-upload.test.ts');

for (const backend of backends) {
  describe.skipIf(!isAvailable(backend))(`evidence uploads on ${backend}`, () => {
    let server: AuthTestServer;
    let editor: Browser;
    let verifier: Browser;
    let editorAccount: SeededAccount;
    const { dir, storedFiles, rowCount, signedIn, upload, uploaded } = evidenceKit(() => server);

    beforeAll(async () => {
      server = await startAuthServer(backend);
      await addRegion(server.db, 'elsewhere');
      ({ account: editorAccount, browser: editor } = await signedIn('ev-editor', ['editor']));
      ({ browser: verifier } = await signedIn('ev-verifier', ['verifier']));
    });
    afterAll(() => server?.stop());

    test.each([
      ['application/pdf', PDF, 'Отчёт 2024.pdf'],
      ['image/png', PNG, 'photo.PNG'],
      ['image/jpeg', JPEG, 'scan.jpeg'],
      ['image/jpeg', JPEG, 'scan.jpg'],
    ])(
      'a good %s upload is stored under a server-made name, 0600, with its audit row',
      async (type, bytes, name) => {
        const before = await storedFiles();
        const evidence = await uploaded(editor, bytes, type, name);
        expect(evidence).toEqual({
          id: expect.any(String),
          name,
          type,
          size: bytes.length,
          sha256: sha256(bytes),
        });

        const row = await server.db
          .selectFrom('evidence')
          .selectAll()
          .where('id', '=', evidence.id)
          .executeTakeFirstOrThrow();
        expect(row).toMatchObject({
          region_id: region.id,
          original_name: name,
          type,
          size: bytes.length,
          sha256: sha256(bytes),
          uploaded_by: editorAccount.id,
        });
        const added = (await storedFiles()).filter((f) => !before.includes(f));
        expect(added).toEqual([row.stored_name]);
        expect(row.stored_name).toMatch(/^[0-9a-f]{32}$/);
        const path = join(dir(), row.stored_name);
        expect((await stat(path)).mode & 0o777).toBe(0o600);
        expect((await stat(dir())).mode & 0o777).toBe(0o700);
        expect(sha256(await readFile(path))).toBe(evidence.sha256);

        const audit = await server.db
          .selectFrom('audit_log')
          .selectAll()
          .where('action', '=', 'evidence.upload')
          .where('target', '=', `evidence:${evidence.id}`)
          .execute();
        expect(audit).toHaveLength(1);
        expect(audit[0]).toMatchObject({ actor_id: editorAccount.id, outcome: 'success' });
        expect(JSON.parse(audit[0]?.detail ?? '')).toEqual({
          size: bytes.length,
          type,
          sha256: evidence.sha256,
        });
      },
    );

    test('a verifier may upload too; a file of exactly 10 MiB is taken', async () => {
      const big = Buffer.alloc(EVIDENCE_MAX_BYTES, 0x20);
      PDF.copy(big);
      const evidence = await uploaded(verifier, big, 'application/pdf', 'big.pdf');
      expect(evidence.size).toBe(EVIDENCE_MAX_BYTES);
      expect(evidence.sha256).toBe(sha256(big));
    });

    /** Every refusal: its status and code, and nothing on disk, in the table or in the audit. */
    const refused = async (response: Promise<Response>, status: number, code?: string) => {
      const files = await storedFiles();
      const rows = await rowCount();
      const answer = await response;
      expect(answer.status).toBe(status);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      if (code) expect(await errorCode(answer)).toBe(code);
      expect(await storedFiles()).toEqual(files);
      expect(await rowCount()).toBe(rows);
    };

    test('content that is not what its type and extension say is refused', async () => {
      await refused(upload(editor, PNG, 'application/pdf', 'x.pdf'), 400, 'content_mismatch');
      await refused(upload(editor, PDF, 'image/png', 'x.png'), 400, 'content_mismatch');
      await refused(upload(editor, PNG, 'image/jpeg', 'x.jpg'), 400, 'content_mismatch');
      const html = Buffer.from('<html><script>alert(1)</script></html>');
      await refused(upload(editor, html, 'application/pdf', 'x.pdf'), 400, 'content_mismatch');
      await refused(upload(editor, PDF, 'application/pdf', 'x.png'), 400, 'invalid_name');
      await refused(upload(editor, JPEG, 'image/jpeg', 'x.pdf'), 400, 'invalid_name');
    });

    test('a type outside the three is 415, JSON and forms included', async () => {
      for (const type of ['text/plain', 'application/json', 'image/gif', 'image/svg+xml', '']) {
        await refused(upload(editor, PDF, type, 'x.pdf'), 415, 'unsupported_media_type');
      }
      await refused(
        editor.send('POST', `${m.evidenceUpload}?name=x.pdf`, PDF, {
          'Content-Type': 'multipart/form-data; boundary=x',
        }),
        415,
      );
    });

    test('an empty body is refused', async () => {
      await refused(
        upload(editor, new Uint8Array(), 'application/pdf', 'x.pdf'),
        400,
        'empty_file',
      );
      await refused(
        editor.send('POST', `${m.evidenceUpload}?name=x.pdf`, undefined, {
          'Content-Type': 'application/pdf',
        }),
        400,
        'empty_file',
      );
    });

    test.each([
      ['../x.pdf'],
      ['a/b.pdf'],
      ['a\\b.pdf'],
      ['..\\..\\boot.pdf'],
      [''],
      ['  '],
      [`${'a'.repeat(201)}.pdf`],
      ['a\u0000b.pdf'],
      ['a\r\nSet-Cookie: x=1.pdf'],
      ['x\u202Efdp.pdf'],
      [null],
    ])('the name %j is refused', async (name) => {
      await refused(upload(editor, PDF, 'application/pdf', name), 400, 'invalid_name');
    });

    test('a repeated name or an unknown parameter is refused', async () => {
      const send = (query: string) =>
        editor.send('POST', `${m.evidenceUpload}?${query}`, PDF, {
          'Content-Type': 'application/pdf',
        });
      await refused(send('name=a.pdf&name=b.pdf'), 400, 'invalid_name');
      await refused(send('name=a.pdf&id=mine'), 400, 'bad_request');
    });

    test('a declared length over 10 MiB is refused before a byte of the body is read', async () => {
      const files = await storedFiles();
      const answer = await rawRequest(
        server.port,
        `POST ${m.evidenceUpload}?name=x.pdf HTTP/1.1\r\nHost: x\r\nCookie: ${editor.cookie}\r\n` +
          `Content-Type: application/pdf\r\nContent-Length: ${EVIDENCE_MAX_BYTES + 1}\r\n\r\n%PDF-`,
        { end: false, timeoutMs: 3000 },
      );
      expect(answer.status).toBe(413);
      expect(answer.text).toContain('payload_too_large');
      expect(answer.closed).toBe(true);
      expect(await storedFiles()).toEqual(files);
    });

    test('a streamed body without a length is cut off once it passes 10 MiB', async () => {
      const files = await storedFiles();
      const rows = await rowCount();
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      PDF.copy(chunk);
      const chunks = Array.from(
        { length: 11 },
        () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`,
      );
      const answer = await rawRequest(
        server.port,
        `POST ${m.evidenceUpload}?name=x.pdf HTTP/1.1\r\nHost: x\r\nCookie: ${editor.cookie}\r\n` +
          `Content-Type: application/pdf\r\nTransfer-Encoding: chunked\r\n\r\n${chunks.join('')}0\r\n\r\n`,
        { timeoutMs: 10_000 },
      );
      expect(answer.status).toBe(413);
      expect(answer.text).toContain('payload_too_large');
      expect(answer.text).toMatch(/\r\nconnection: close\r\n/i);
      expect(await storedFiles()).toEqual(files);
      expect(await rowCount()).toBe(rows);
      expect((await readdir(dir())).filter((f) => f.startsWith('.'))).toEqual([]);
      // Without a session the body is not read at all (nor buffered on the way): 401 first.
      const anonymous = await rawRequest(
        server.port,
        `POST ${m.evidenceUpload}?name=x.pdf HTTP/1.1\r\nHost: x\r\n` +
          `Content-Type: application/pdf\r\nTransfer-Encoding: chunked\r\n\r\n${chunks[0]}`,
        { end: false, timeoutMs: 3000 },
      );
      expect(anonymous.status).toBe(401);
    });

    test('a small streamed body without a length is taken', async () => {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(PDF.subarray(0, 3));
          controller.enqueue(PDF.subarray(3));
          controller.close();
        },
      });
      const response = await fetch(`${server.url}${m.evidenceUpload}?name=s.pdf`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/pdf',
          Origin: server.url,
          Cookie: editor.cookie ?? '',
          'X-Forwarded-For': editor.address,
        },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(201);
      expect(evidenceSchema.parse(await response.json()).sha256).toBe(sha256(PDF));
    });

    test('no session is 401; a role without propose or verify is 403; another site is 403', async () => {
      await refused(
        upload(new Browser(server.url), PDF, 'application/pdf', 'x.pdf'),
        401,
        'unauthenticated',
      );
      for (const roles of [['reviewer'], ['admin']] as const) {
        const { browser } = await signedIn(`ev-${roles[0]}`, [...roles]);
        await refused(upload(browser, PDF, 'application/pdf', 'x.pdf'), 403, 'forbidden');
      }
      const denied = await server.db
        .selectFrom('audit_log')
        .select('target')
        .where('action', '=', 'access.denied')
        .where('actor_name', '=', 'ev-reviewer')
        .execute();
      expect(denied.map((r) => r.target)).toEqual([`route:POST ${m.evidenceUpload}`]);
      await refused(
        upload(editor, PDF, 'application/pdf', 'x.pdf', { Origin: 'https://evil.example' }),
        403,
        'cross_origin',
      );
      await refused(
        upload(editor, PDF, 'application/pdf', 'x.pdf', { 'Sec-Fetch-Site': 'cross-site' }),
        403,
        'cross_origin',
      );
    });

    test('a failed transaction leaves no file behind', async () => {
      await breakInsertsNamed(server.db, backend, 'boom.pdf');
      const files = await storedFiles();
      const response = await upload(editor, PDF, 'application/pdf', 'boom.pdf');
      expect(response.status).toBe(500);
      expect(await storedFiles()).toEqual(files);
      const audit = await server.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'evidence.upload')
        .where('detail', 'like', `%${sha256(PDF)}%`)
        .execute();
      const rows = await server.db
        .selectFrom('evidence')
        .select('id')
        .where('sha256', '=', sha256(PDF))
        .execute();
      expect(audit.length).toBe(rows.length);
    });

    test('records for the review workflow: in the order named, only this region’s', async () => {
      const a = await uploaded(editor, PDF, 'application/pdf', 'a.pdf');
      const b = await uploaded(editor, PNG, 'image/png', 'b.png');
      const missing = crypto.randomUUID();
      expect(await evidenceRecords(server.db, [b.id, missing, a.id])).toEqual([b, a]);
      expect(await evidenceRecords(server.db, [])).toEqual([]);
      expect(await foreignEvidenceIds(server.db, region.id, [a.id, missing])).toEqual([missing]);
      expect(await foreignEvidenceIds(server.db, 'elsewhere', [a.id])).toEqual([a.id]);
    });
  });
}

/** Makes the database refuse an evidence row with this name (a failure after the file is written). */
async function breakInsertsNamed(db: AuthTestServer['db'], backend: Backend, name: string) {
  if (backend === 'sqlite') {
    await sql
      .raw(
        `CREATE TRIGGER evidence_test_boom BEFORE INSERT ON evidence WHEN NEW.original_name = '${name}'
         BEGIN SELECT RAISE(ABORT, 'boom'); END`,
      )
      .execute(db);
    return;
  }
  await sql
    .raw(
      `CREATE FUNCTION evidence_test_boom() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN IF NEW.original_name = '${name}' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER evidence_test_boom BEFORE INSERT ON evidence
       FOR EACH ROW EXECUTE FUNCTION evidence_test_boom()`,
    )
    .execute(db);
}
