// @vitest-environment node
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { endpoints, manageEndpoints as m } from '../src/contract/endpoints';
import type { Evidence } from '../src/contract/revisions';
import { addRegion, type AuthTestServer, type Browser, startAuthServer, T0 } from './auth-test-kit';
import { evidenceKit, insertRevision, parseDisposition, PDF, PNG } from './evidence/test-kit';
import { announceSkippedBackends, backends, isAvailable } from './test-support';

announceSkippedBackends('server/evidence-download.test.ts');

for (const backend of backends) {
  describe.skipIf(!isAvailable(backend))(`evidence downloads on ${backend}`, () => {
    let server: AuthTestServer;
    let editor: Browser;
    let verifier: Browser;
    let report: Evidence;
    const { signedIn, uploaded } = evidenceKit(() => server);

    beforeAll(async () => {
      server = await startAuthServer(backend);
      await addRegion(server.db, 'elsewhere');
      ({ browser: editor } = await signedIn('ev-editor', ['editor']));
      ({ browser: verifier } = await signedIn('ev-verifier', ['verifier']));
      report = await uploaded(editor, PDF, 'application/pdf', 'Отчёт 2024.pdf');
    });
    afterAll(() => server?.stop());

    const get = (id: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${endpoints.evidenceFile(id)}`, { headers });

    test('the uploader gets the file as an attachment that no browser runs', async () => {
      const response = await editor.get(endpoints.evidenceFile(report.id));
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-length')).toBe(String(PDF.length));
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toBe('sandbox');
      expect(response.headers.get('etag')).toBe(`"sha256-${report.sha256}"`);
      // Not public yet: nothing may keep it.
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      const disposition = parseDisposition(response.headers.get('content-disposition') ?? '');
      expect(disposition).toMatchObject({
        type: 'attachment',
        filename: '_____ 2024.pdf',
        charset: 'UTF-8',
        filenameStar: 'Отчёт 2024.pdf',
      });
    });

    test('before it is attached: 404 to anyone else, the same 404 as an unknown id', async () => {
      const unknown = await get(crypto.randomUUID());
      const hidden = await get(report.id);
      expect(hidden.status).toBe(404);
      expect(unknown.status).toBe(404);
      expect(await hidden.text()).toBe(await unknown.text());
      expect(hidden.headers.get('cache-control')).toBe('no-store');
      const { browser } = await signedIn('ev-elsewhere', ['editor', 'admin'], 'elsewhere');
      expect((await browser.get(endpoints.evidenceFile(report.id))).status).toBe(404);
      // Any signed-in account of the region may see it (a reviewer checking the proposal).
      const { browser: reviewer } = await signedIn('ev-reader', ['reviewer']);
      expect((await reviewer.get(endpoints.evidenceFile(report.id))).status).toBe(200);
    });

    test('attached to a draft: still hidden; to a published revision: public, and cacheable', async () => {
      await insertRevision(server, 'draft', [report.id]);
      expect((await get(report.id)).status).toBe(404);
      await insertRevision(server, 'published', ['other', report.id]);
      const response = await get(report.id);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
      expect(response.headers.get('cache-control')).toBe('public, no-cache');
      expect(response.headers.get('content-security-policy')).toBe('sandbox');
      const etag = response.headers.get('etag') ?? '';
      const again = await get(report.id, { 'If-None-Match': etag });
      expect(again.status).toBe(304);
      // HEAD answers the headers alone.
      const head = await fetch(`${server.url}${endpoints.evidenceFile(report.id)}`, {
        method: 'HEAD',
      });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-length')).toBe(String(PDF.length));
    });

    test('attached to a verification: public', async () => {
      const photo = await uploaded(verifier, PNG, 'image/png', 'site visit.png');
      expect((await get(photo.id)).status).toBe(404);
      const revisionId = await insertRevision(server, 'published', []);
      const by = (await server.db.selectFrom('accounts').select('id').executeTakeFirstOrThrow()).id;
      await server.db
        .insertInto('verifications')
        .values({
          revision_id: revisionId,
          state: 'verified',
          by_id: by,
          at: T0.toISOString(),
          note: 'checked on site',
          evidence_ids: JSON.stringify([photo.id]),
        })
        .execute();
      const response = await get(photo.id);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(parseDisposition(response.headers.get('content-disposition') ?? '').filenameStar).toBe(
        'site visit.png',
      );
    });

    test('an id that is not one is a 404, never a path', async () => {
      for (const id of [
        '..',
        '../../ashyq.sqlite',
        '%2e%2e%2fx',
        'a'.repeat(300),
        '%00',
        `${report.id}%00`,
        report.id.toUpperCase(),
      ]) {
        const response = await fetch(`${server.url}/api/v1/evidence/${id}`);
        expect(response.status, id).toBe(404);
      }
      // The upload path takes no GET; the file path takes no POST.
      expect((await editor.get(m.evidenceUpload)).status).toBe(404);
      const post = await editor.send('POST', endpoints.evidenceFile(report.id), PDF, {
        'Content-Type': 'application/pdf',
      });
      expect(post.status).toBe(404);
    });
  });
}
