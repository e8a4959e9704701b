import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { apiErrorBodySchema } from '../../src/contract/common';
import { manageEndpoints as m } from '../../src/contract/endpoints';
import { evidenceSchema } from '../../src/contract/revisions';
import { region } from '../../mocks/fixtures/region';
import { type AuthTestServer, Browser, seedAccount, T0 } from '../auth-test-kit';

/* Shared by the evidence tests: small files of each type, and a server's upload helpers. */

export const PDF = Buffer.from(
  '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n',
);
/** A 1×1 PNG. */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a5f5b1c60000000049454e44ae426082',
  'hex',
);
export const JPEG = Buffer.concat([
  Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'),
  Buffer.alloc(64, 0x20),
  Buffer.from('ffd9', 'hex'),
]);

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
export const errorCode = async (response: Response) =>
  apiErrorBodySchema.parse(await response.json()).error.code;

/** The two filename parameters of a Content-Disposition value, as a client reads them. */
export function parseDisposition(value: string) {
  const type = value.split(';')[0]?.trim();
  const filename = /;\s*filename="((?:[^"\\]|\\.)*)"/.exec(value)?.[1];
  const extended = /;\s*filename\*=([^;\s]+)/.exec(value)?.[1] ?? '';
  const [charset, , encoded = ''] = extended.split("'");
  return { type, filename, charset, encoded, filenameStar: decodeURIComponent(encoded) };
}

export function evidenceKit(server: () => AuthTestServer) {
  const dir = () => join(server().dataDir, 'evidence');
  const storedFiles = async () => readdir(dir()).catch(() => [] as string[]);
  const rowCount = async () =>
    Number(
      (
        await server()
          .db.selectFrom('evidence')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** A browser signed in as a new account with these roles. */
  const signedIn = async (
    name: string,
    roles: Parameters<typeof seedAccount>[2],
    regionId?: string,
  ) => {
    const account = await seedAccount(server().db, name, roles, { regionId });
    const browser = new Browser(server().url);
    expect((await browser.signIn(account, server().clock)).status).toBe(200);
    server().clock.advance(30_000);
    return { account, browser };
  };

  const upload = (
    browser: Browser,
    bytes: Uint8Array,
    type: string,
    name: string | null,
    headers: Record<string, string> = {},
  ) =>
    browser.send(
      'POST',
      name === null ? m.evidenceUpload : `${m.evidenceUpload}?name=${encodeURIComponent(name)}`,
      bytes,
      { 'Content-Type': type, ...headers },
    );

  const uploaded = async (browser: Browser, bytes: Uint8Array, type: string, name: string) => {
    const response = await upload(browser, bytes, type, name);
    expect(response.status, await response.clone().text()).toBe(201);
    return evidenceSchema.parse(await response.json());
  };

  return { dir, storedFiles, rowCount, signedIn, upload, uploaded };
}

let revisionCounter = 0;
export async function insertRevision(
  server: AuthTestServer,
  status: string,
  evidenceIds: string[],
) {
  revisionCounter += 1;
  const id = `rev-evidence-${revisionCounter}`;
  const at = T0.toISOString();
  await server.db
    .insertInto('revisions')
    .values({
      id,
      region_id: region.id,
      metric_id: null,
      new_metric: null,
      status,
      version: 1,
      value: 1,
      total: null,
      status_text: null,
      period: '2024',
      district_id: null,
      source_id: null,
      new_source: null,
      stated_by: 'test',
      evidence_ids: JSON.stringify(evidenceIds),
      corrects: null,
      correction_reason: null,
      note: null,
      rejection_reason: null,
      batch_id: null,
      created_by: null,
      last_edited_by: null,
      reviewed_by: null,
      created_at: at,
      updated_at: at,
      submitted_at: status === 'draft' ? null : at,
      reviewed_at: status === 'published' ? at : null,
      published_at: status === 'published' ? at : null,
      sample: 0,
    })
    .execute();
  return id;
}
