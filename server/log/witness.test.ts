// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { fromBase64, toBase64, utf8 } from '../../src/transparency/bytes';
import { formatCheckpoint } from '../../src/transparency/checkpoint';
import {
  consistencyProof,
  leafHash,
  rootFromLeaves,
  type SubtreeHash,
} from '../../src/transparency/merkle';
import { formatVerifierKey, generateSigner, signNote } from '../../src/transparency/note';
import { createTestWitness, parseAddCheckpoint } from './test-witness';
import { addCheckpointBody, cosignatureLines } from './witness';
import { parseWitnesses } from './witness-config';

const ORIGIN = 'ashyq.test/log';
const HASH = toBase64(new Uint8Array(32).fill(7));

describe("the test witness's body parser", () => {
  test('reads old, the proof lines and the note', () => {
    expect(parseAddCheckpoint('old 0\n\nnote\n')).toEqual({ old: 0, proof: [], note: 'note\n' });
    const parsed = parseAddCheckpoint(`old 12\n${HASH}\n${HASH}\n\na\n\n— k x\n`);
    expect(parsed?.old).toBe(12);
    expect(parsed?.proof).toHaveLength(2);
    expect(parsed?.note).toBe('a\n\n— k x\n');
  });

  test.each([
    ['no old line', `${HASH}\n\nnote\n`],
    ['a leading zero', 'old 01\n\nnote\n'],
    ['a negative size', 'old -1\n\nnote\n'],
    ['two spaces', 'old  1\n\nnote\n'],
    ['no empty line', `old 1\n${HASH}\n`],
    ['no note', 'old 1\n\n'],
    ['a short hash', `old 1\n${toBase64(new Uint8Array(31))}\n\nnote\n`],
    ['lenient base64', `old 1\n${HASH.replace('=', '')}\n\nnote\n`],
    ['64 proof lines', `old 1\n${`${HASH}\n`.repeat(64)}\nnote\n`],
    ['nothing', ''],
  ])('refuses %s', (_, body) => {
    expect(parseAddCheckpoint(body)).toBeNull();
  });

  test('takes 63 proof lines', () => {
    expect(parseAddCheckpoint(`old 1\n${`${HASH}\n`.repeat(63)}\nnote\n`)?.proof).toHaveLength(63);
  });
});

describe('LOG_WITNESSES', () => {
  test('takes URL and key pairs separated by ";" or new lines', async () => {
    const a = await createTestWitness('witness-a.example', []);
    const b = await createTestWitness('witness-b.example', []);
    const witnesses = parseWitnesses(
      ` https://a.example/w ${a.vkey} ;\n\nhttp://127.0.0.1:9/  ${b.vkey}\n`,
    );
    expect(witnesses.map(({ url, name }) => ({ url, name }))).toEqual([
      { url: 'https://a.example/w/', name: 'witness-a.example' },
      { url: 'http://127.0.0.1:9/', name: 'witness-b.example' },
    ]);
    expect(witnesses[0]?.cosignerId).toBe(a.vkey.split('+')[1]);
    expect(parseWitnesses(undefined)).toEqual([]);
    expect(parseWitnesses(' ; ')).toEqual([]);
  });

  test('a plain Ed25519 key (type 0x01) is taken too; cosignatures use its 0x04 key ID', async () => {
    const witness = await createTestWitness('w.example', []);
    const { signer } = await generateSigner('w.example');
    const [parsed] = parseWitnesses(
      `https://w.example/ ${await formatVerifierKey('w.example', signer.publicKey)}`,
    );
    expect(parsed?.cosignerId).toMatch(/^[0-9a-f]{8}$/);
    expect(parsed?.cosignerId).not.toBe(signer.id);
    expect(witness.vkey).toMatch(/^w\.example\+[0-9a-f]{8}\+B[A-P]/);
  });

  test('names the entry and what is wrong', async () => {
    const { vkey } = await createTestWitness('w.example', []);
    const [name, id] = vkey.split('+') as [string, string];
    const key = vkey.slice(name.length + id.length + 2);
    expect(() => parseWitnesses(`https://w.example/`)).toThrow(
      'LOG_WITNESSES entry 1 ("https://w.example/"): write "<add-checkpoint base URL> <verifier key>"',
    );
    expect(() => parseWitnesses(`https://a.example/ ${vkey}; ftp://w.example/ ${vkey}`)).toThrow(
      'LOG_WITNESSES entry 2 ("ftp://w.example/ ',
    );
    expect(() => parseWitnesses(`w.example ${vkey}`)).toThrow('"w.example" is not a URL');
    expect(() => parseWitnesses(`https://w.example/ ${name}+${id}`)).toThrow(
      'the key must be "<name>+<8 hex key ID>+<base64 key>"',
    );
    expect(() => parseWitnesses(`https://w.example/ ${name}+00000000+${key}`)).toThrow(
      'the key ID 00000000 does not match the key',
    );
    expect(() =>
      parseWitnesses(`https://w.example/ ${name}+${id}+${toBase64(new Uint8Array(33))}`),
    ).toThrow('is not an Ed25519 key');
    expect(() => parseWitnesses(`https://a.example/ ${vkey}\nhttps://b.example/ ${vkey}`)).toThrow(
      'LOG_WITNESSES names the witness "w.example" twice',
    );
  });
});

describe('the test witness answers add-checkpoint as C2SP tlog-witness says', async () => {
  const log = await generateSigner(ORIGIN);
  const logKey = await formatVerifierKey(ORIGIN, log.signer.publicKey);
  const leaves = await Promise.all(
    Array.from({ length: 9 }, (_, i) => leafHash(utf8(`entry ${i}\n`))),
  );
  const hashAt: SubtreeHash = (level, index) =>
    rootFromLeaves(leaves.slice(index * 2 ** level, (index + 1) * 2 ** level));
  const checkpoint = async (size: number, signer = log.signer) => {
    const text = formatCheckpoint({
      origin: ORIGIN,
      size,
      root: new Uint8Array(await rootFromLeaves(leaves.slice(0, size))),
    });
    return { text, note: await signNote(text, [signer]) };
  };
  const proof = async (from: number, to: number) =>
    (await consistencyProof(from, to, hashAt)).map((hash) => `${toBase64(hash)}\n`).join('');
  const fresh = () => createTestWitness('witness.test', [{ origin: ORIGIN, vkey: logKey }]);
  const add = (witness: Awaited<ReturnType<typeof fresh>>, body: string) =>
    witness.app.request('/add-checkpoint', { method: 'POST', body });

  test('200 with a cosignature that verifies; then 200 again with a proof from its size', async () => {
    const witness = await fresh();
    const [config] = parseWitnesses(`http://w/ ${witness.vkey}`);
    if (!config) throw new Error('no config');
    const key = await crypto.subtle.importKey(
      'raw',
      new Uint8Array(config.publicKey),
      'Ed25519',
      false,
      ['verify'],
    );
    const first = await checkpoint(5);
    const answer = await add(witness, addCheckpointBody(0, '', first.note));
    expect(answer.status).toBe(200);
    const body = await answer.text();
    const lines = await cosignatureLines({ ...config, key }, first.text, body);
    expect(lines).toEqual({ valid: [body.trim()], rejected: [] });
    // Lines of another name, key ID or signature are set aside.
    const [name = '', encoded = ''] = body.trim().slice(2).split(' ');
    const bytes = fromBase64(encoded) ?? new Uint8Array();
    const flip = (at: number) => toBase64(bytes.map((byte, i) => (i === at ? byte ^ 1 : byte)));
    const lies = [
      `\u2014 other.test ${encoded}`,
      `\u2014 ${name} ${flip(0)}`,
      `\u2014 ${name} ${flip(11)}`,
      `\u2014 ${name} ${flip(40)}`,
      `\u2014 ${name} ${encoded} extra`,
      `- ${name} ${encoded}`,
    ];
    expect(await cosignatureLines({ ...config, key }, first.text, lies.join('\n'))).toEqual({
      valid: [],
      rejected: lies,
    });
    // The same line does not verify for another checkpoint text.
    const second = await checkpoint(9);
    expect((await cosignatureLines({ ...config, key }, second.text, body)).valid).toEqual([]);
    const next = await add(witness, addCheckpointBody(5, await proof(5, 9), second.note));
    expect(next.status).toBe(200);
    expect(witness.state.get(ORIGIN)?.size).toBe(9);
  });

  test('409 with its size when old is not what it holds', async () => {
    const witness = await fresh();
    await add(witness, addCheckpointBody(0, '', (await checkpoint(5)).note));
    const answer = await add(witness, addCheckpointBody(0, '', (await checkpoint(9)).note));
    expect(answer.status).toBe(409);
    expect(answer.headers.get('content-type')).toBe('text/x.tlog.size');
    expect(await answer.text()).toBe('5\n');
  });

  test('422 for a proof that does not verify, and it keeps what it held', async () => {
    const witness = await fresh();
    await add(witness, addCheckpointBody(0, '', (await checkpoint(5)).note));
    const wrong = (await proof(5, 9)).replace(/^./u, (c) => (c === 'A' ? 'B' : 'A'));
    const answer = await add(witness, addCheckpointBody(5, wrong, (await checkpoint(9)).note));
    expect(answer.status).toBe(422);
    expect(witness.state.get(ORIGIN)?.size).toBe(5);
  });

  test('404 for an unknown log, 403 for another key, 400 for a malformed body', async () => {
    const witness = await fresh();
    const other = await generateSigner('other.test/log');
    const stranger = (await checkpoint(5)).note.replace(ORIGIN, 'stranger.test/log');
    expect((await add(witness, addCheckpointBody(0, '', stranger))).status).toBe(404);
    const { signer: impostor } = await generateSigner(ORIGIN);
    expect(
      (await add(witness, addCheckpointBody(0, '', (await checkpoint(5, impostor)).note))).status,
    ).toBe(403);
    expect(
      (await add(witness, addCheckpointBody(0, '', (await checkpoint(5, other.signer)).note)))
        .status,
    ).toBe(403);
    expect((await add(witness, 'old x\n\nnote\n')).status).toBe(400);
    expect((await add(witness, addCheckpointBody(0, '', 'no signatures\n'))).status).toBe(400);
    expect((await add(witness, addCheckpointBody(7, '', (await checkpoint(5)).note))).status).toBe(
      400,
    );
    expect(witness.state.size).toBe(0);
  });
});
