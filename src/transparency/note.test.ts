import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fromBase64, fromHex, toHex, utf8 } from './bytes';
import {
  cosignatureMessage,
  cosignerKeyId,
  encodeCosignature,
  formatCheckpoint,
  parseCheckpoint,
  parseCosignature,
} from './checkpoint';
import {
  formatSignerKey,
  formatVerifierKey,
  generateSigner,
  keyId,
  NoteError,
  openNote,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  type VerifierKey,
} from './note';

const notes = JSON.parse(
  readFileSync(join(process.cwd(), '../shared/vectors/tlog/signed-note.json'), 'utf8'),
);
const go = notes.go_note;
const peterVkey: string = go.signers[0].vkey;
const enochVkey: string = go.signers[1].vkey;

async function verifiers(vkeys: string[]): Promise<VerifierKey[]> {
  const keys = await Promise.all(vkeys.map(parseVerifierKey));
  return keys.map((key) => {
    if (!key) throw new Error('vector key did not parse');
    return key;
  });
}

describe('keys', () => {
  test('every key ID of the vectors recomputes', async () => {
    for (const c of notes.key_id.cases) {
      // Most cases give type and key; the bad-key cases give the whole decoded blob.
      const blob = fromHex(c.blob_hex ?? `${c.sig_type_hex}${c.public_key_hex}`);
      expect(await keyId(c.name, blob[0] ?? 0, blob.slice(1))).toBe(c.key_id_hex);
    }
  });

  test('verifier keys parse, a key with "+" in its base64 included, and format back', async () => {
    for (const c of notes.key_id.cases.filter(
      (c: { sig_type_hex?: string }) => c.sig_type_hex === '01',
    )) {
      const key = await parseVerifierKey(c.vkey);
      expect(key?.name).toBe(c.name);
      expect(toHex(key?.publicKey ?? new Uint8Array())).toBe(c.public_key_hex);
      expect(await formatVerifierKey(c.name, fromHex(c.public_key_hex))).toBe(c.vkey);
    }
    expect((await parseVerifierKey(notes.vkey_with_plus.vkey))?.name).toBe('sum.golang.org');
  });

  test('bad verifier keys are refused: the vectors, every proper prefix and every byte changed', async () => {
    for (const { vkey } of go.bad_vkeys) expect(await parseVerifierKey(vkey)).toBeNull();
    for (let end = 0; end < peterVkey.length; end += 1) {
      expect(await parseVerifierKey(peterVkey.slice(0, end))).toBeNull();
    }
    for (let i = 0; i < peterVkey.length; i += 1) {
      const changed =
        peterVkey.slice(0, i) +
        String.fromCharCode(peterVkey.charCodeAt(i) + 1) +
        peterVkey.slice(i + 1);
      expect({ changed, key: await parseVerifierKey(changed) }).toEqual({ changed, key: null });
    }
  });

  test('signer keys parse to the published public key and format back', async () => {
    for (const signer of go.signers) {
      const parsed = await parseSignerKey(signer.skey);
      expect(toHex(parsed?.publicKey ?? new Uint8Array())).toBe(signer.public_key_hex);
      expect(await formatSignerKey(signer.name, fromHex(signer.seed_hex))).toBe(signer.skey);
    }
    expect(await parseSignerKey(go.signers[0].skey.slice(0, -2))).toBeNull();
    expect(await parseSignerKey(go.signers[0].skey.replace('c74f20a3', 'c74f20a4'))).toBeNull();
  });
});

describe('signed notes', () => {
  test('signing gives the vectors byte for byte (Ed25519 is deterministic)', async () => {
    const [peter, enoch] = await Promise.all(
      go.signers.map((s: { skey: string }) => parseSignerKey(s.skey)),
    );
    if (!peter || !enoch) throw new Error('vector signer did not parse');
    expect(await signNote(go.text, [peter])).toBe(go.signed_by_PeterNeumann);
    expect(await signNote(go.text, [peter, enoch])).toBe(go.signed_by_PeterNeumann_then_EnochRoot);
    await expect(signNote('abc', [peter])).rejects.toThrow(NoteError);
  });

  test('the open cases give the listed verified and unverified keys', async () => {
    for (const c of go.open_cases) {
      const known = await verifiers(c.known_vkeys);
      if (c.expect === 'accept') {
        const opened = await openNote(c.note, known);
        expect(opened.text).toBe(go.text);
        expect(opened.verified.map((s) => s.name)).toEqual(c.verified);
        expect(opened.unverified.map((s) => s.name)).toEqual(c.unverified);
      } else {
        await expect(openNote(c.note, known), c.reason).rejects.toThrow(NoteError);
      }
    }
  });

  test('every malformed note is refused, from its exact bytes', async () => {
    const known = await verifiers([peterVkey, enochVkey]);
    for (const c of go.malformed_notes) {
      await expect(openNote(fromHex(c.note_hex), known), c.reason).rejects.toThrow(/malformed/);
    }
    const peterLine = go.signature_lines.PeterNeumann;
    await expect(openNote(`${go.text}\n${peterLine.repeat(101)}`, known)).rejects.toThrow(
      /malformed/,
    );
  });

  test('the C2SP example and the sum.golang.org note verify, and fail once the text changes', async () => {
    for (const { vkey, note } of [
      {
        vkey: notes.c2sp_signed_note_example.vkey,
        note: notes.c2sp_signed_note_example.signed_note,
      },
      { vkey: notes.vkey_with_plus.vkey, note: notes.vkey_with_plus.verifies.signed_note },
    ]) {
      const known = await verifiers([vkey]);
      expect((await openNote(note, known)).verified).toHaveLength(1);
      await expect(openNote(note.replace(/^./, 'X'), known)).rejects.toThrow(/invalid signature/);
    }
  });

  test('a note whose text has an empty line is split at the last one', () => {
    const example = notes.c2sp_intro_example;
    const parsed = parseNote(example.signed_note);
    expect(parsed.text).toBe(example.text);
    expect(parsed.signatures[0]?.id).toBe(example.key_id_hex);
  });

  test('a new key signs notes that its verifier key opens', async () => {
    const { seed, signer } = await generateSigner('ashyq.example/log');
    const vkey = await formatVerifierKey(signer.name, signer.publicKey);
    const note = await signNote('ashyq.example/log\n1\nAAAA\n', [signer]);
    expect((await openNote(note, await verifiers([vkey]))).verified[0]?.name).toBe(
      'ashyq.example/log',
    );
    expect((await parseSignerKey(await formatSignerKey(signer.name, seed)))?.id).toBe(signer.id);
  });
});

describe('checkpoints and cosignatures', () => {
  test('the C2SP checkpoint example parses', () => {
    const [example, tree] = notes.checkpoint_examples;
    const checkpoint = parseCheckpoint(parseNote(example.signed_note).text);
    expect(checkpoint?.origin).toBe(example.origin);
    expect(checkpoint?.size).toBe(example.size);
    expect(toHex(checkpoint?.root ?? new Uint8Array())).toBe(example.root_hex);
    expect(
      formatCheckpoint({
        origin: example.origin,
        size: example.size,
        root: fromHex(example.root_hex),
      }),
    ).toBe(parseNote(example.signed_note).text);
    expect(parseCheckpoint(tree.body, tree.origin)?.size).toBe(tree.size);
    for (const bad of tree.bad_bodies)
      expect(parseCheckpoint(bad.body, tree.origin), bad.reason).toBeNull();
  });

  test('sizes with a sign, leading zeros or hex and roots that are not 32 strict base64 bytes are refused', () => {
    const root = 'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=';
    expect(parseCheckpoint(`o\n01\n${root}\n`)).toBeNull();
    expect(parseCheckpoint(`o\n-1\n${root}\n`)).toBeNull();
    expect(parseCheckpoint(`o\n1\n${root.slice(0, -1)}\n`)).toBeNull();
    expect(parseCheckpoint(`o\n1\n${root.replace('/', '_')}\n`)).toBeNull();
    expect(parseCheckpoint(`o\n1\n${root}`)).toBeNull();
    expect(parseCheckpoint(`o\n1\nAAAA\n`)).toBeNull();
    expect(parseCheckpoint(`o\n1\n${root}\n`)?.size).toBe(1);
  });

  test('the cosignature example decodes and its signed message is rebuilt', () => {
    const example = notes.cosignature_example;
    const bytes = fromBase64(example.signature_b64);
    expect(bytes).toHaveLength(example.decoded.length);
    if (!bytes) return;
    expect(toHex(bytes.slice(0, 4))).toBe(example.decoded.key_id_hex);
    const cosignature = parseCosignature(bytes.slice(4));
    expect(cosignature?.timestamp).toBe(example.decoded.timestamp);
    expect(toHex(cosignature?.signature ?? new Uint8Array())).toBe(
      example.decoded.ed25519_signature_hex,
    );
    if (cosignature) expect(toHex(encodeCosignature(cosignature))).toBe(toHex(bytes.slice(4)));
    const text = parseNote(example.signed_note).text;
    expect(cosignatureMessage(text, example.decoded.timestamp)).toEqual(
      utf8(example.signed_message),
    );
  });

  test('a witness key ID uses type 0x04, so it differs from the same key as a note key', async () => {
    const { signer } = await generateSigner('witness.example/w1');
    expect(await cosignerKeyId(signer.name, signer.publicKey)).not.toBe(signer.id);
  });
});
