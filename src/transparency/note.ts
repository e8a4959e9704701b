import {
  type Bytes,
  concat,
  decodeUtf8,
  equalBytes,
  fromBase64,
  toBase64,
  toHex,
  sha256,
  utf8,
} from './bytes';

/*
 * C2SP signed notes with Ed25519 (c2sp.org/signed-note), as the Go checksum database writes them:
 * text ending in "\n", an empty line, then lines "— <key name> <base64(key ID ‖ signature)>\n".
 * Verifier keys are "<name>+<8 hex key ID>+<base64(0x01 ‖ public key)>"; signer keys, as Go
 * writes them, "PRIVATE+KEY+<name>+<8 hex key ID>+<base64(0x01 ‖ 32-byte seed)>".
 */

export const ED25519 = 0x01;
/** Signature type of a C2SP tlog-cosignature (timestamped witness signature). */
export const COSIGNATURE_V1 = 0x04;
const DASH = '\u2014 ';
/** C2SP asks verifiers to take at least 16; Go refuses more than 100. */
const MAX_SIGNATURES = 100;

export class NoteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoteError';
  }
}

/** A key name: not empty, no white space, no "+". */
export const isValidKeyName = (name: string) => name !== '' && !/[\s+]/u.test(name);

/** SHA-256(name ‖ "\n" ‖ type ‖ public key)[:4], as 8 lower-case hex digits. */
export async function keyId(name: string, type: number, publicKey: Uint8Array): Promise<string> {
  const digest = await sha256(utf8(name), new Uint8Array([0x0a, type]), publicKey);
  return toHex(digest.slice(0, 4));
}

export interface VerifierKey {
  name: string;
  /** 8 lower-case hex digits. */
  id: string;
  type: number;
  publicKey: Bytes;
  key: CryptoKey;
}

/** Splits on the first `count` "+" only: the base64 part may itself contain "+". */
function splitPlus(text: string, count: number): string[] | null {
  const parts: string[] = [];
  let rest = text;
  for (let i = 0; i < count; i += 1) {
    const at = rest.indexOf('+');
    if (at < 0) return null;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  return [...parts, rest];
}

async function verifierFor(
  name: string,
  id: string,
  material: Uint8Array | null,
): Promise<VerifierKey | null> {
  if (!isValidKeyName(name) || !/^[0-9a-f]{8}$/.test(id) || material === null) return null;
  const [type, ...rest] = material;
  const publicKey = new Uint8Array(rest);
  if (type !== ED25519 || publicKey.length !== 32) return null;
  if ((await keyId(name, type, publicKey)) !== id) return null;
  try {
    const key = await crypto.subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, [
      'verify',
    ]);
    return { name, id, type, publicKey, key };
  } catch {
    return null;
  }
}

/** Parses a verifier key; null when anything about it is wrong (its key ID included). */
export async function parseVerifierKey(vkey: string): Promise<VerifierKey | null> {
  const parts = splitPlus(vkey, 2);
  if (parts === null) return null;
  const [name = '', id = '', material = ''] = parts;
  return verifierFor(name, id, fromBase64(material));
}

export async function formatVerifierKey(name: string, publicKey: Uint8Array): Promise<string> {
  return `${name}+${await keyId(name, ED25519, publicKey)}+${toBase64(concat(new Uint8Array([ED25519]), publicKey))}`;
}

export interface Signer {
  name: string;
  id: string;
  publicKey: Bytes;
  sign(message: Bytes): Promise<Bytes>;
}

/** PKCS #8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410), which is what WebCrypto imports. */
const PKCS8_ED25519_PREFIX = new Uint8Array([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);

export async function signerFromSeed(name: string, seed: Uint8Array): Promise<Signer> {
  if (!isValidKeyName(name)) throw new NoteError(`invalid key name "${name}"`);
  if (seed.length !== 32) throw new NoteError('an Ed25519 seed is 32 bytes');
  const key = await crypto.subtle.importKey(
    'pkcs8',
    concat(PKCS8_ED25519_PREFIX, seed),
    { name: 'Ed25519' },
    true,
    ['sign'],
  );
  const jwk = await crypto.subtle.exportKey('jwk', key);
  const publicKey = fromBase64(
    (jwk.x ?? '').replaceAll('-', '+').replaceAll('_', '/').padEnd(44, '='),
  );
  if (publicKey === null || publicKey.length !== 32)
    throw new NoteError('could not derive the public key');
  return {
    name,
    id: await keyId(name, ED25519, publicKey),
    publicKey,
    sign: async (message) => new Uint8Array(await crypto.subtle.sign('Ed25519', key, message)),
  };
}

/** A new random signing key: its seed (keep secret) and the signer. */
export async function generateSigner(name: string): Promise<{ seed: Bytes; signer: Signer }> {
  const seed = crypto.getRandomValues(new Uint8Array(32));
  return { seed, signer: await signerFromSeed(name, seed) };
}

export async function parseSignerKey(skey: string): Promise<Signer | null> {
  const parts = splitPlus(skey, 4);
  if (parts === null) return null;
  const [p, k, name = '', id = '', material = ''] = parts;
  const bytes = fromBase64(material);
  if (
    p !== 'PRIVATE' ||
    k !== 'KEY' ||
    bytes === null ||
    bytes.length !== 33 ||
    bytes[0] !== ED25519
  )
    return null;
  if (!isValidKeyName(name)) return null;
  const signer = await signerFromSeed(name, bytes.slice(1));
  return signer.id === id ? signer : null;
}

export async function formatSignerKey(name: string, seed: Uint8Array): Promise<string> {
  const signer = await signerFromSeed(name, seed);
  return `PRIVATE+KEY+${name}+${signer.id}+${toBase64(concat(new Uint8Array([ED25519]), seed))}`;
}

/** Text a note may carry: valid UTF-8, no control characters but "\n", ending in "\n". */
function checkText(text: string): void {
  // eslint-disable-next-line no-control-regex
  if (!text.endsWith('\n') || /[\u0000-\u0009\u000b-\u001f]/.test(text)) {
    throw new NoteError('malformed note text');
  }
}

/** Signs `text` with each signer, in order. */
export async function signNote(text: string, signers: Signer[]): Promise<string> {
  checkText(text);
  const message = utf8(text);
  const lines = await Promise.all(
    signers.map(async (signer) => {
      const signature = await signer.sign(message);
      return `${DASH}${signer.name} ${toBase64(concat(hexBytes(signer.id), signature))}\n`;
    }),
  );
  return `${text}\n${lines.join('')}`;
}

const hexBytes = (hex: string) =>
  Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));

export interface NoteSignature {
  name: string;
  id: string;
  /** The bytes after the key ID (an Ed25519 signature, or a cosignature's timestamp ‖ signature). */
  signature: Bytes;
}

export interface OpenedNote {
  text: string;
  verified: NoteSignature[];
  /** Signatures by keys the reader does not know; ignored, never trusted. */
  unverified: NoteSignature[];
}

/** Splits a note into its text and signature lines, without checking any signature. */
export function parseNote(note: Uint8Array | string): {
  text: string;
  signatures: NoteSignature[];
} {
  const whole = typeof note === 'string' ? note : decodeUtf8(note);
  if (whole === null) throw new NoteError('malformed note: not UTF-8');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f]/.test(whole))
    throw new NoteError('malformed note: control character');
  const split = whole.lastIndexOf('\n\n');
  if (split < 0) throw new NoteError('malformed note: no signatures');
  const text = whole.slice(0, split + 1);
  const block = whole.slice(split + 2);
  if (block === '' || !block.endsWith('\n')) throw new NoteError('malformed note: no signatures');
  const all = block.slice(0, -1).split('\n');
  if (all.length > MAX_SIGNATURES) throw new NoteError('malformed note: too many signatures');
  const lines = [...new Set(all)];
  const signatures = lines.map((line) => {
    if (!line.startsWith(DASH)) throw new NoteError('malformed note: not a signature line');
    const [name = '', encoded = '', ...extra] = line.slice(DASH.length).split(' ');
    const bytes = fromBase64(encoded);
    if (extra.length > 0 || !isValidKeyName(name) || bytes === null || bytes.length < 5) {
      throw new NoteError('malformed note: bad signature line');
    }
    return { name, id: toHex(bytes.slice(0, 4)), signature: bytes.slice(4) };
  });
  return { text, signatures };
}

/**
 * Opens a note with the keys a reader trusts: a known key's bad signature is an error, unknown
 * keys are set aside, and a note with no good signature from a known key is refused.
 */
export async function openNote(
  note: Uint8Array | string,
  known: VerifierKey[],
): Promise<OpenedNote> {
  const { text, signatures } = parseNote(note);
  const message = utf8(text);
  const verified: NoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  for (const signature of signatures) {
    const key = known.find(
      (candidate) => candidate.name === signature.name && candidate.id === signature.id,
    );
    if (!key) {
      unverified.push(signature);
      continue;
    }
    const ok = await crypto.subtle
      .verify('Ed25519', key.key, signature.signature, message)
      .catch(() => false);
    if (!ok) throw new NoteError(`invalid signature for key ${key.name}+${key.id}`);
    if (
      !verified.some(
        (seen) => seen.name === signature.name && equalBytes(seen.signature, signature.signature),
      )
    ) {
      verified.push(signature);
    }
  }
  if (verified.length === 0) throw new NoteError('note has no verifiable signatures');
  return { text, verified, unverified };
}
